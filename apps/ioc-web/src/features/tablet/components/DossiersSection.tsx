import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useWardDossiers } from '../hooks/useWardDossiers';
import { dueDossiers, spanParts } from '../model/dossiers';

/**
 * The ward's public-service dossiers (hồ sơ TTHC) that are overdue or due within 24 hours, the
 * overdue ones first: large rows a leader can read and follow up on in the field.
 */
export function DossiersSection({
  unitCode,
  now,
  kick,
}: {
  unitCode: string;
  now: number;
  kick?: unknown;
}) {
  const { t, num } = useI18n();
  const state = useWardDossiers(unitCode, kick);
  const list = state.data ? dueDossiers(state.data.overdue, state.data.soon, now) : [];
  const span = (ms: number) => {
    const { unit, n } = spanParts(ms);
    return t(`tablet.dossiers.${unit}`, { n: num(n, 0) });
  };
  const overdue = list.filter((d) => d.overdue).length;
  return (
    <section
      className="tablet-section tablet-dossiers"
      aria-labelledby="tablet-dossiers-title"
      data-testid="tablet-dossiers"
    >
      <h2 id="tablet-dossiers-title">{t('tablet.dossiers.title')}</h2>
      {state.error !== null && state.data === null && (
        <p className="tablet-notice is-error" role="alert">
          {t('tablet.dossiers.failed')}{' '}
          <button type="button" className="tablet-button is-outline" onClick={state.reload}>
            {t('tablet.dossiers.retry')}
          </button>
        </p>
      )}
      {state.data === null && state.error === null && (
        // As tall as the empty state: nothing below moves when the list arrives (CLS).
        <p className="tablet-empty" aria-busy="true">
          {t('tablet.loading')}
        </p>
      )}
      {state.data !== null && list.length === 0 && (
        <p className="tablet-empty">{t('tablet.dossiers.empty')}</p>
      )}
      {list.length > 0 && (
        <>
          <p className="tablet-dossiers-count" data-testid="tablet-dossiers-count">
            {t('tablet.dossiers.count', {
              overdue: num(overdue, 0),
              soon: num(list.length - overdue, 0),
            })}
          </p>
          <ul className="tablet-dossier-list">
            {list.map(({ dossier: d, overdue: late, leftMs }) => (
              <li
                key={d.code}
                className={`tablet-dossier${late ? ' is-overdue' : ''}`}
                data-testid="tablet-dossier"
                data-code={d.code}
                data-overdue={late}
              >
                <div className="tablet-dossier-head">
                  <strong>{d.code}</strong>
                  <span className={`tablet-chip${late ? ' is-bad' : ' is-warn'}`}>
                    {late
                      ? t('tablet.dossiers.overdueBy', { time: span(leftMs) })
                      : t('tablet.dossiers.dueIn', { time: span(leftMs) })}
                  </span>
                </div>
                <div className="tablet-dossier-meta">
                  <span>{t('tablet.dossiers.procedure', { code: d.procedureCode })}</span>
                  <span>
                    {t('tablet.dossiers.due', { time: formatDateTime(new Date(d.dueAt)) })}
                  </span>
                  <span>
                    {d.officer === null
                      ? t('tablet.dossiers.noOfficer')
                      : t('tablet.dossiers.officer', { name: d.officer })}
                  </span>
                  {d.onlineFullProcess && <span>{t('tablet.dossiers.online')}</span>}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
