import { useEffect, useMemo } from 'react';
import { openForText, ownerText } from '../../../shared/alerts/alertText';
import { useOfficeNames } from '../../../shared/alerts/useOfficeNames';
import { useAssignableOffices } from '../../../shared/citizen/useStepChoices';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import type { TabletAlert } from '../model/api';
import { canWorkAlerts } from '../model/alerts';
import { sortAlerts } from '../model/model';
import { AlertActions } from './AlertActions';
import { SEVERITY_KEYS, alertStatusKey } from './format';

export interface AlertsSectionProps {
  /** Null while the page's first load is under way: the section shows that it is loading. */
  alerts: readonly TabletAlert[] | null;
  /** The tablet's unit: its offices (and the province's) are who an alert may be handed to. */
  unitCode: string;
  now: number;
  role: string;
  username: string;
  /** After an action the API accepted: reload the alerts. */
  onChanged: () => void;
}

/**
 * Active alerts of the unit, most severe first: what, how long open, who owns it — and, for a
 * role that works alerts, the steps to take from here.
 */
export function AlertsSection({
  alerts,
  unitCode,
  now,
  role,
  username,
  onChanged,
}: AlertsSectionProps) {
  const { t, num } = useI18n();
  const sorted = useMemo(() => (alerts === null ? [] : sortAlerts(alerts)), [alerts]);
  const canWork = canWorkAlerts(role);
  // Whom an alert may be handed to: only an operator needs the list.
  const offices = useAssignableOffices(unitCode, canWork && sorted.length > 0);
  const officeNames = useOfficeNames(useMemo(() => sorted.map((a) => a.assignee), [sorted]));
  useScrollToLinkedAlert(sorted.length);
  return (
    <section className="tablet-section" aria-labelledby="tablet-alerts-title" data-testid="alerts">
      <h2 id="tablet-alerts-title">
        {t('tablet.section.alerts')}
        {sorted.length > 0 && <span className="tablet-count">{sorted.length}</span>}
      </h2>
      {alerts === null ? (
        // As tall as the empty state: nothing below moves when an empty list arrives (CLS).
        <p className="tablet-empty" aria-busy="true">
          {t('tablet.loading')}
        </p>
      ) : sorted.length === 0 ? (
        <p className="tablet-empty">{t('tablet.alerts.none')}</p>
      ) : (
        <ol className="tablet-alerts">
          {sorted.map((a) => (
            <li
              key={a.id}
              id={`canh-bao-${a.id}`}
              className={`tablet-alert severity-${a.severity}`}
              data-testid="alert"
              data-alert-id={a.id}
              data-severity={a.severity}
              data-status={a.status}
            >
              <div className="tablet-alert-head">
                <span className="tablet-severity">{t(SEVERITY_KEYS[a.severity])}</span>
                <span className="tablet-alert-status">{t(alertStatusKey(a.status))}</span>
              </div>
              <p className="tablet-alert-message">
                {a.message || a.ruleName || a.id}
                {a.value !== null && a.message === '' ? ` (${num(a.value, 1)})` : ''}
              </p>
              <p
                className="tablet-meta"
                title={t('tablet.alert.opened', { time: formatDateTime(new Date(a.openedAt)) })}
              >
                <span data-testid="alert-age">{openForText(t, a.openedAt, now)}</span>
                {a.deviceId !== null ? ` · ${t('tablet.alert.device', { id: a.deviceId })}` : ''}
              </p>
              <p className="tablet-meta" data-testid="alert-owner">
                {a.assignee === null ? (
                  t('tablet.alert.noOwner')
                ) : (
                  <>
                    {t('tablet.alert.owner')}{' '}
                    <span className="tablet-alert-owner">{ownerText(a.assignee, officeNames)}</span>
                  </>
                )}
              </p>
              {canWork && (
                <AlertActions alert={a} username={username} offices={offices} onDone={onChanged} />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * A notification opens `/tablet#canh-bao-<id>` (libs/live push.ts): the alert is brought into
 * view once the list holds it, and again when a click re-targets an open tablet window.
 */
function useScrollToLinkedAlert(count: number): void {
  useEffect(() => {
    const go = () => {
      const id = window.location.hash.slice(1);
      if (id.startsWith('canh-bao-'))
        document.getElementById(id)?.scrollIntoView({ block: 'center' });
    };
    go();
    window.addEventListener('hashchange', go);
    return () => {
      window.removeEventListener('hashchange', go);
    };
  }, [count]);
}
