import type { ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';
import { AdminTable } from './AdminSection';

/** Rows drawn at most: a province's thousands of devices would make the page crawl. */
export const MAX_ROWS = 300;

/**
 * A titled sub-list of the open-data section: its filters, a count of what is shown and the
 * table, cut at MAX_ROWS with a note to narrow the search.
 */
export function PublicationTable<T>({
  name,
  title,
  lead,
  toolbar,
  headers,
  rows,
  total,
  row,
}: {
  name: string;
  title: string;
  lead?: string;
  toolbar?: ReactNode;
  headers: readonly string[];
  rows: readonly T[];
  total: number;
  row: (item: T) => ReactNode;
}) {
  const { t } = useI18n();
  const titleId = `open-data-${name}-title`;
  return (
    <section
      className="admin-subsection"
      aria-labelledby={titleId}
      data-testid={`open-data-${name}`}
    >
      <h3 id={titleId}>{title}</h3>
      {lead !== undefined && <p className="admin-hint">{lead}</p>}
      {toolbar}
      {total === 0 ? (
        <div className="admin-state" data-state="empty">
          {t('admin.openData.empty')}
        </div>
      ) : rows.length === 0 ? (
        <div className="admin-state" data-state="empty">
          {t('admin.openData.noMatch')}
        </div>
      ) : (
        <>
          {rows.length !== total && (
            <p className="admin-hint" aria-live="polite">
              {t('admin.openData.shown', { n: rows.length, total })}
            </p>
          )}
          <AdminTable testId={`open-data-${name}-table`} headers={headers}>
            {rows.slice(0, MAX_ROWS).map(row)}
          </AdminTable>
          {rows.length > MAX_ROWS && (
            <p className="admin-hint" role="status">
              {t('admin.openData.truncated', { n: MAX_ROWS })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
