import type { ConnectorRunView } from '@ioc/contracts';
import type { z } from 'zod';
import type { connectorDeadLetterSchema } from '@ioc/contracts';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useDuration } from '../hooks/useDuration';
import { AdminTable } from './AdminSection';

/** A connector's runs, newest first: counts, lag behind the source, drift and error. */
export function ConnectorRuns({ runs }: { runs: readonly ConnectorRunView[] }) {
  const { t, num } = useI18n();
  const duration = useDuration();
  return (
    <section className="admin-subsection">
      <h4>{t('admin.connectors.runs.title')}</h4>
      {runs.length === 0 ? (
        <div className="admin-state" data-state="empty">
          {t('admin.connectors.runs.empty')}
        </div>
      ) : (
        <AdminTable
          testId="connector-runs"
          headers={[
            t('admin.connectors.runs.started'),
            t('admin.connectors.runs.trigger'),
            t('admin.connectors.runs.status'),
            t('admin.connectors.runs.records'),
            t('admin.connectors.runs.lag'),
            t('admin.connectors.runs.drift'),
            t('admin.connectors.runs.error'),
          ]}
        >
          {runs.map((r) => (
            <tr key={r.id} data-testid="connector-run" data-status={r.status}>
              <td>{formatDateTime(new Date(r.startedAt))}</td>
              <td>{t(`admin.connectors.runs.trigger.${r.trigger}`)}</td>
              <td>{t(`admin.connectors.runs.status.${r.status}`)}</td>
              <td data-cell="records">
                {num(r.recordsIn, 0)} / {num(r.recordsUpserted, 0)} / {num(r.recordsRejected, 0)}
              </td>
              <td>{r.lagSeconds === null ? '—' : duration(r.lagSeconds)}</td>
              <td>
                {[
                  ...r.fieldsAdded.map((f) => `+${f}`),
                  ...r.fieldsRemoved.map((f) => `−${f}`),
                ].join(' ') || '—'}
              </td>
              <td>{r.error ?? '—'}</td>
            </tr>
          ))}
        </AdminTable>
      )}
    </section>
  );
}

type DeadLetter = z.output<typeof connectorDeadLetterSchema>;

/** Records a run could not store, with the reason and the record as the source sent it. */
export function ConnectorDeadLetters({ items }: { items: readonly DeadLetter[] }) {
  const { t } = useI18n();
  return (
    <section className="admin-subsection">
      <h4>{t('admin.connectors.dead.title')}</h4>
      {items.length === 0 ? (
        <div className="admin-state" data-state="empty">
          {t('admin.connectors.dead.empty')}
        </div>
      ) : (
        <AdminTable
          testId="connector-dead-letters"
          headers={[
            t('admin.connectors.dead.at'),
            t('admin.connectors.dry.reason'),
            t('admin.connectors.dry.detail'),
            t('admin.connectors.dead.record'),
          ]}
        >
          {items.map((d, i) => (
            <tr key={`${d.runId}-${String(i)}`} data-testid="connector-dead-letter">
              <td>{formatDateTime(new Date(d.at))}</td>
              <td>
                <code>{d.reason}</code>
              </td>
              <td>{d.detail ?? '—'}</td>
              <td>
                <code className="admin-clip">{d.record ?? '—'}</code>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </section>
  );
}
