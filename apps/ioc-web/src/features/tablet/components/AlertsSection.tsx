import { useMemo } from 'react';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import type { TabletAlert } from '../model/api';
import { sortAlerts } from '../model/model';
import { SEVERITY_KEYS, alertStatusKey } from './format';

/** Active alerts of the unit, most severe first. */
export function AlertsSection({ alerts }: { alerts: readonly TabletAlert[] }) {
  const { t, num } = useI18n();
  const sorted = useMemo(() => sortAlerts(alerts), [alerts]);
  return (
    <section className="tablet-section" aria-labelledby="tablet-alerts-title" data-testid="alerts">
      <h2 id="tablet-alerts-title">
        {t('tablet.section.alerts')}
        {sorted.length > 0 && <span className="tablet-count">{sorted.length}</span>}
      </h2>
      {sorted.length === 0 ? (
        <p className="tablet-empty">{t('tablet.alerts.none')}</p>
      ) : (
        <ol className="tablet-alerts">
          {sorted.map((a) => (
            <li
              key={a.id}
              className={`tablet-alert severity-${a.severity}`}
              data-testid="alert"
              data-severity={a.severity}
            >
              <div className="tablet-alert-head">
                <span className="tablet-severity">{t(SEVERITY_KEYS[a.severity])}</span>
                <span className="tablet-alert-status">{t(alertStatusKey(a.status))}</span>
              </div>
              <p className="tablet-alert-message">
                {a.message || a.ruleName || a.id}
                {a.value !== null && a.message === '' ? ` (${num(a.value, 1)})` : ''}
              </p>
              <p className="tablet-meta">
                {t('tablet.alert.opened', { time: formatDateTime(new Date(a.openedAt)) })}
                {a.deviceId !== null ? ` · ${t('tablet.alert.device', { id: a.deviceId })}` : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
