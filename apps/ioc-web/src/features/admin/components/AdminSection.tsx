import type { ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';

/** One /admin section: a titled region whose head holds the section's main action. */
export function AdminSection({
  name,
  title,
  action,
  children,
}: {
  /** Prefix of the heading's id, which labels the region. */
  name: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  const titleId = `${name}-title`;
  return (
    <section className="admin-section" aria-labelledby={titleId}>
      <div className="admin-section-head">
        <h2 id={titleId}>{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** The head's "add …" button. */
export function AddButton({
  label,
  onClick,
  testId,
}: {
  label: string;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <button type="button" className="admin-primary" data-testid={testId} onClick={onClick}>
      {label}
    </button>
  );
}

/** A section's list as a table; `children` are its rows. */
export function AdminTable({
  testId,
  headers,
  children,
}: {
  testId: string;
  headers: readonly string[];
  children: ReactNode;
}) {
  return (
    <table className="admin-table" data-testid={testId}>
      <thead>
        <tr>
          {headers.map((h, i) => (
            // Headers are fixed per table; the index keeps equal labels apart.
            <th key={i}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** Submit and cancel of an admin form; both wait while the form is being sent. */
export function FormActions({
  busy,
  submitLabel,
  onCancel,
  submitTestId,
}: {
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
  submitTestId?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="admin-form-actions">
      <button type="submit" className="admin-primary" disabled={busy} data-testid={submitTestId}>
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel} disabled={busy}>
        {t('admin.cancel')}
      </button>
    </div>
  );
}
