import { useMemo, useState } from 'react';
import { alertHeadline, openForText, ownerText } from '../../../shared/alerts/alertText';
import { useOfficeNames } from '../../../shared/alerts/useOfficeNames';
import { acknowledgeAlert } from '../../../shared/api/endpoints';
import type { WallAlert } from '../../../shared/api/schemas';
import { formatTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useBlobUrl } from '../../../shared/ui/useBlobUrl';
import { useClock } from '../../../shared/ui/useClock';
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
  // "mở 17 phút" counts on by itself; a minute's step is what the row shows.
  const now = useClock(30_000);
  const officeNames = useOfficeNames(useMemo(() => shown.map((a) => a.assignee), [shown]));
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
              age={openForText(t, a.openedAt, now)}
              owner={ownerText(a.assignee, officeNames)}
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
  /** "mở 17 phút" */
  age: string;
  /** Who owns it (an office's name, a user name), null while nobody does. */
  owner: string | null;
  canAcknowledge: boolean;
  onChanged: () => void;
}) {
  const { alert, ward, age, owner, canAcknowledge, onChanged } = props;
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'sending' | 'failed'>('idle');
  const message = alert.message || alert.ruleName || t('alerts.noMessage');
  // How long it has waited first: on a narrow card the ward's name is what gets cut.
  const where = `${age} · ${ward}`;
  const openedAt = t('alerts.openedAt', { time: formatTime(new Date(alert.openedAt), false) });
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
  const snapshot = alert.snapshotUrl;
  return (
    <li
      className={`alert-row sev-${alert.severity}${snapshot ? ' has-snapshot' : ''}`}
      data-alert-id={alert.id}
      data-severity={alert.severity}
      data-status={alert.status}
    >
      {snapshot && <AlertSnapshot path={snapshot} label={message} />}
      <span className="alert-message" title={message}>
        {alertHeadline(message, alert.ruleName)}
      </span>
      <span className="alert-meta">
        <span className="alert-sev">{t(`alerts.sev.${alert.severity}`)}</span>
        <span className="alert-where" title={`${where} (${openedAt})`} data-testid="alert-where">
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
      ) : owner !== null ? (
        // Owned: who has it says more than "acknowledged".
        <span className="alert-status alert-owner" title={owner} data-testid="alert-owner">
          {owner}
        </span>
      ) : (
        <span className="alert-status">{t(`alerts.status.${statusKey(alert.status)}`)}</span>
      )}
    </li>
  );
}

/**
 * The picture an AI camera took with the event that raised the alert (a plate, smoke): fetched
 * with the screen's own credential, as the alert's unit allows; a blank box until it arrives.
 */
function AlertSnapshot({ path, label }: { path: string; label: string }) {
  const blob = useBlobUrl(path);
  return (
    <span className="alert-snapshot" data-testid="alert-snapshot" data-phase={blob.phase}>
      {blob.phase === 'ready' && <img src={blob.url} alt={label} />}
    </span>
  );
}

function statusKey(status: string): 'open' | 'acknowledged' | 'in_progress' {
  return status === 'acknowledged' || status === 'in_progress' ? status : 'open';
}
