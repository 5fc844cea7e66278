import type { ConnectorLiveness } from '@ioc/contracts';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useAgo, useDuration } from '../hooks/useDuration';
import { AdminTable } from './AdminSection';

/**
 * The pulled connectors on the liveness board, beside the pushed feeds: the last successful
 * sync and its age, records in and rejected, lag behind the source, schema drift, last error.
 */
export function ConnectorLivenessTable({
  connectors,
  now,
}: {
  connectors: readonly ConnectorLiveness[];
  now: number;
}) {
  const { t, num } = useI18n();
  const ago = useAgo();
  const duration = useDuration();
  return (
    <section className="admin-subsection" aria-labelledby="connector-liveness-title">
      <h3 id="connector-liveness-title">{t('admin.liveness.connectors.title')}</h3>
      {connectors.length === 0 ? (
        <div className="admin-state" data-state="empty">
          {t('admin.liveness.connectors.empty')}
        </div>
      ) : (
        <AdminTable
          testId="connector-liveness"
          headers={[
            t('admin.connectors.col.name'),
            t('admin.liveness.connectors.state'),
            t('admin.liveness.connectors.lastSuccess'),
            t('admin.liveness.connectors.records'),
            t('admin.liveness.connectors.lag'),
            t('admin.liveness.connectors.drift'),
            t('admin.liveness.connectors.lastError'),
          ]}
        >
          {connectors.map((c) => {
            const failed = c.lastStatus === 'failed';
            const drift = c.fieldsAdded.length + c.fieldsRemoved.length > 0;
            return (
              <tr key={c.id} data-testid="connector-liveness-row" data-id={c.id}>
                <td>
                  {c.name}
                  <br />
                  <small className="admin-hint">{c.department}</small>
                </td>
                <td data-cell="state">
                  <span
                    className={
                      c.paused || failed
                        ? 'admin-badge admin-badge-warn'
                        : 'admin-badge admin-badge-ok'
                    }
                  >
                    {c.paused
                      ? t('admin.connectors.paused')
                      : failed
                        ? t('admin.liveness.connectors.failed')
                        : t('admin.connectors.active')}
                  </span>
                </td>
                <td data-cell="last-success">
                  {c.lastSuccessAt === null ? (
                    t('admin.connectors.never')
                  ) : (
                    <time
                      dateTime={c.lastSuccessAt}
                      title={formatDateTime(new Date(c.lastSuccessAt))}
                    >
                      {ago(now - Date.parse(c.lastSuccessAt))}
                    </time>
                  )}
                </td>
                <td data-cell="records">
                  {num(c.recordsIn, 0)} / {num(c.recordsRejected, 0)}
                </td>
                <td data-cell="lag">{c.lagSeconds === null ? '—' : duration(c.lagSeconds)}</td>
                <td data-cell="drift">
                  {drift ? (
                    <span className="admin-badge admin-badge-warn">
                      {[
                        c.fieldsAdded.length > 0 &&
                          t('admin.liveness.connectors.driftAdded', {
                            fields: c.fieldsAdded.join(', '),
                          }),
                        c.fieldsRemoved.length > 0 &&
                          t('admin.liveness.connectors.driftRemoved', {
                            fields: c.fieldsRemoved.join(', '),
                          }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  ) : (
                    t('admin.liveness.connectors.noDrift')
                  )}
                </td>
                <td data-cell="error">{c.lastError ?? '—'}</td>
              </tr>
            );
          })}
        </AdminTable>
      )}
    </section>
  );
}
