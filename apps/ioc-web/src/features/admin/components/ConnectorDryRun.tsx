import { z } from 'zod';
import type { connectorDryRunResponse } from '@ioc/contracts';
import { useI18n } from '../../../shared/i18n/useI18n';
import { AdminTable } from './AdminSection';

type DryRun = z.output<typeof connectorDryRunResponse>;

/** A mapped value as a table cell: text as is, anything else as JSON. */
const cell = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/**
 * "Chạy thử": the first mapped records in a table (one column per target field), the rejected
 * ones with their reasons, and the source's fields (what the mapping may read).
 */
export function ConnectorDryRun({ result }: { result: DryRun }) {
  const { t, num } = useI18n();
  const columns = [...new Set(result.records.flatMap((r) => Object.keys(r)))];
  return (
    <section className="admin-subsection" data-testid="connector-dry-run">
      <h4>{t('admin.connectors.dry.title')}</h4>
      <p data-testid="connector-dry-summary">
        {t('admin.connectors.dry.summary', {
          fetched: num(result.fetched, 0),
          mapped: num(result.records.length, 0),
          rejected: num(result.rejected.length, 0),
        })}
      </p>
      {result.fields.length > 0 && (
        <p className="admin-hint">
          {t('admin.connectors.dry.fields', { fields: result.fields.join(', ') })}
        </p>
      )}
      {result.records.length === 0 ? (
        <div className="admin-state" data-state="empty">
          {t('admin.connectors.dry.none')}
        </div>
      ) : (
        <div className="admin-scroll">
          <AdminTable testId="connector-dry-records" headers={columns}>
            {result.records.map((r, i) => (
              // The preview has no key of its own; rows are fixed once shown.
              <tr key={i} data-testid="connector-dry-record">
                {columns.map((c) => (
                  <td key={c}>{cell(r[c])}</td>
                ))}
              </tr>
            ))}
          </AdminTable>
        </div>
      )}
      {result.rejected.length > 0 && (
        <>
          <h5>{t('admin.connectors.dry.rejected')}</h5>
          <AdminTable
            testId="connector-dry-rejected"
            headers={[t('admin.connectors.dry.reason'), t('admin.connectors.dry.detail')]}
          >
            {result.rejected.map((r, i) => (
              <tr key={i} data-testid="connector-dry-rejection">
                <td>
                  <code>{r.reason}</code>
                </td>
                <td>{r.detail ?? '—'}</td>
              </tr>
            ))}
          </AdminTable>
        </>
      )}
    </section>
  );
}
