import { useState } from 'react';
import { acknowledgeAlert } from '../../../shared/api/endpoints';
import type { WallAlert } from '../../../shared/api/schemas';
import { formatTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { PanelCard } from './PanelCard';

export interface AlertTickerProps {
  alerts: readonly WallAlert[];
  /** Fixed number of rows: the card never grows or scrolls; the rest are counted. */
  rows: number;
  asOf: string | null;
  stale: boolean;
  unitName: (code: string | null) => string;
  /** A signed-in operator may acknowledge from the wall; a display token never can. */
  canAcknowledge: boolean;
  onChanged: () => void;
  big?: boolean;
}

/** Active alerts, worst first (critical before warning before info), newest first within. */
export function AlertTicker(props: AlertTickerProps) {
  const { alerts, rows, asOf, stale, unitName, canAcknowledge, onChanged, big } = props;
  const { t, num } = useI18n();
  const shown = alerts.slice(0, rows);
  const more = alerts.length - shown.length;
  return (
    <PanelCard
      name="alerts"
      title={t('alerts.title', { n: num(alerts.length, 0) })}
      asOf={asOf}
      stale={stale}
      className={big ? 'alerts-big' : undefined}
    >
      {shown.length === 0 ? (
        <p className="muted">{t('alerts.none')}</p>
      ) : (
        <ol className="alert-list" data-testid="alert-list">
          {shown.map((a) => (
            <AlertRow
              key={a.id}
              alert={a}
              ward={unitName(a.unitCode)}
              canAcknowledge={canAcknowledge}
              onChanged={onChanged}
            />
          ))}
        </ol>
      )}
      {more > 0 && <p className="alert-more">{t('alerts.more', { n: num(more, 0) })}</p>}
    </PanelCard>
  );
}

function AlertRow(props: {
  alert: WallAlert;
  ward: string;
  canAcknowledge: boolean;
  onChanged: () => void;
}) {
  const { alert, ward, canAcknowledge, onChanged } = props;
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'sending' | 'failed'>('idle');
  const message = alert.message || alert.ruleName || t('alerts.noMessage');
  const where = `${ward} · ${formatTime(new Date(alert.openedAt), false)}`;
  const acknowledge = (): void => {
    setState('sending');
    acknowledgeAlert(alert.id).then(
      () => {
        setState('idle');
        onChanged();
      },
      (err: unknown) => {
        console.warn('Acknowledge failed', err);
        setState('failed');
      },
    );
  };
  return (
    <li
      className={`alert-row sev-${alert.severity}`}
      data-alert-id={alert.id}
      data-severity={alert.severity}
      data-status={alert.status}
    >
      <span className="alert-message" title={message}>
        {message}
      </span>
      <span className="alert-meta">
        <span className="alert-sev">{t(`alerts.sev.${alert.severity}`)}</span>
        <span className="alert-where" title={where}>
          {where}
        </span>
      </span>
      {alert.status === 'open' && canAcknowledge ? (
        <button
          type="button"
          className="alert-ack"
          data-testid="alert-ack"
          disabled={state === 'sending'}
          onClick={acknowledge}
        >
          {state === 'failed' ? t('alerts.ackRetry') : t('alerts.ack')}
        </button>
      ) : (
        <span className="alert-status">{t(`alerts.status.${statusKey(alert.status)}`)}</span>
      )}
    </li>
  );
}

function statusKey(status: string): 'open' | 'acknowledged' | 'in_progress' {
  return status === 'acknowledged' || status === 'in_progress' ? status : 'open';
}
