import { useId, useState, type ReactNode } from 'react';
import { AdminApiError } from '../../admin/api';
import { ERROR_FIELDS, ERROR_MESSAGES, type FieldErrors } from '../../admin/errors';
import type { Resource } from '../../admin/useResource';
import type { I18n } from '../../i18n/useI18n';
import { useI18n } from '../../i18n/useI18n';

/** The reader's-language text for a failed call: a known code is translated, else the API's. */
export function errorText(t: I18n['t'], err: unknown): string {
  if (err instanceof AdminApiError) {
    const key = ERROR_MESSAGES[err.code];
    if (key !== undefined) return t(key, { seconds: err.retryAfterS ?? 0 });
    if (err.status === 0 || err.status >= 500) return t('admin.error.server');
    return t('admin.error.generic', { message: err.message });
  }
  if (err instanceof DOMException && err.name === 'TimeoutError') return t('admin.error.timeout');
  if (err instanceof TypeError) return t('admin.error.network');
  return t('admin.error.generic', { message: err instanceof Error ? err.message : String(err) });
}

/** Field problems of a failed submit, with a code that belongs to one field filed under it. */
export function problemsOf(err: unknown): FieldErrors {
  if (!(err instanceof AdminApiError)) return { fields: {}, form: [] };
  const { fields, form } = err.problems;
  const field = ERROR_FIELDS[err.code];
  if (field !== undefined && Object.keys(fields).length === 0 && form.length === 0)
    return { fields: { [field]: [err.message] }, form: [] };
  return err.problems;
}

/** Loading, error (with retry) and empty states of a list; renders `children` otherwise. */
export function ListState<T>({
  resource,
  isEmpty,
  emptyText,
  children,
}: {
  resource: Resource<T> & { reload: () => void };
  isEmpty: (data: T) => boolean;
  emptyText: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (resource.status === 'error' && resource.data === null) {
    return (
      <div className="admin-state admin-state-error" role="alert" data-state="error">
        <p>{errorText(t, resource.error)}</p>
        <button type="button" onClick={resource.reload}>
          {t('admin.retry')}
        </button>
      </div>
    );
  }
  if (resource.data === null) {
    return (
      <div className="admin-state" data-state="loading" aria-busy="true">
        {t('app.loading')}
      </div>
    );
  }
  return (
    <>
      {resource.status === 'error' && (
        <p className="admin-state-error" role="alert">
          {errorText(t, resource.error)}
        </p>
      )}
      {isEmpty(resource.data) ? (
        <div className="admin-state" data-state="empty">
          {emptyText}
        </div>
      ) : (
        children(resource.data)
      )}
    </>
  );
}

/** A labelled input with its problems below it (client checks and the API's). */
export function Field({
  label,
  errors,
  hint,
  children,
}: {
  label: string;
  errors?: readonly string[] | undefined;
  hint?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const errId = `${id}-err`;
  const has = errors !== undefined && errors.length > 0;
  return (
    <div className={has ? 'admin-field admin-field-invalid' : 'admin-field'}>
      <label htmlFor={id}>{label}</label>
      {children(id, has ? errId : undefined)}
      {hint !== undefined && <small className="admin-hint">{hint}</small>}
      {has && (
        <ul className="admin-field-errors" id={errId} data-testid="field-error">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FormErrors({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="admin-form-errors" role="alert" data-testid="form-error">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

/** A secret the API shows once (token, key, wall URL), with a copy button. */
export function SecretBox({
  title,
  secret,
  testId,
  children,
  onClose,
}: {
  title: string;
  secret: string;
  testId: string;
  children?: ReactNode;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  return (
    <section className="admin-secret" role="status" data-testid={testId}>
      <h3>{title}</h3>
      <p className="admin-secret-warning">{t('admin.secret.once')}</p>
      <div className="admin-secret-row">
        <input
          readOnly
          value={secret}
          aria-label={title}
          data-testid={`${testId}-value`}
          onFocus={(e) => {
            e.currentTarget.select();
          }}
        />
        <button
          type="button"
          onClick={() => {
            navigator.clipboard.writeText(secret).then(
              () => {
                setCopied('yes');
              },
              () => {
                setCopied('failed');
              },
            );
          }}
        >
          {copied === 'yes' ? t('admin.secret.copied') : t('admin.secret.copy')}
        </button>
      </div>
      {copied === 'failed' && <p className="admin-hint">{t('admin.secret.copyFailed')}</p>}
      {children}
      <button type="button" className="admin-link-button" onClick={onClose}>
        {t('admin.secret.done')}
      </button>
    </section>
  );
}

/** A button that asks once more inline before a destructive or disruptive action. */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  danger = false,
  testId,
}: {
  label: string;
  question: string;
  onConfirm: () => Promise<void>;
  danger?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking) {
    return (
      <>
        <button
          type="button"
          className={danger ? 'admin-danger' : undefined}
          data-testid={testId}
          onClick={() => {
            setAsking(true);
            setError(null);
          }}
        >
          {label}
        </button>
        {error !== null && (
          <span className="admin-inline-error" role="alert">
            {error}
          </span>
        )}
      </>
    );
  }
  return (
    <span className="admin-confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className={danger ? 'admin-danger' : 'admin-primary'}
        disabled={busy}
        data-testid={testId === undefined ? undefined : `${testId}-confirm`}
        onClick={() => {
          setBusy(true);
          onConfirm().then(
            () => {
              setBusy(false);
              setAsking(false);
            },
            (err: unknown) => {
              setBusy(false);
              setAsking(false);
              setError(errorText(t, err));
            },
          );
        }}
      >
        {t('admin.confirm.yes')}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setAsking(false);
        }}
      >
        {t('admin.confirm.no')}
      </button>
    </span>
  );
}

/** Comma/space/newline separated codes → trimmed list (empty → []). */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
