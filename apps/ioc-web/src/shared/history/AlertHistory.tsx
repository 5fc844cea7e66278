import { useState } from 'react';
import type { AlertViewWire } from '@ioc/contracts';
import { alertHeadline, ownerText } from '../alerts/alertText';
import { useOfficeNames } from '../alerts/useOfficeNames';
import { useResource } from '../api/useResource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/useI18n';
import type { MessageKey } from '../i18n/translate';
import { fetchAlertTimeline } from './historyApi';
import type { TimelineEntry } from './timeline';

export interface AlertHistoryProps {
  alerts: readonly AlertViewWire[] | null;
  error: string | null;
}

const fail = { classify: () => 'load' as const, drops: () => true };

/** The device's or ward's alerts, newest first; each opens onto its timeline. */
export function AlertHistory({ alerts, error }: AlertHistoryProps) {
  const { t } = useI18n();
  const officeNames = useOfficeNames(alerts?.map((a) => a.assignee) ?? []);
  return (
    <section className="history-alerts" data-testid="history-alerts">
      <h3>{t('history.alerts')}</h3>
      {error !== null ? (
        <p className="history-error" role="alert">
          {t('history.alertsError', { message: error })}
        </p>
      ) : alerts === null ? (
        <p className="history-muted">{t('app.loading')}</p>
      ) : alerts.length === 0 ? (
        <p className="history-muted" data-testid="history-alerts-none">
          {t('history.alertsNone')}
        </p>
      ) : (
        <ol className="history-alert-list">
          {alerts.map((a) => (
            <AlertRow key={a.id} alert={a} officeNames={officeNames} />
          ))}
        </ol>
      )}
    </section>
  );
}

function AlertRow({
  alert: a,
  officeNames,
}: {
  alert: AlertViewWire;
  officeNames: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const owner = ownerText(a.assignee, officeNames);
  const ended = a.resolvedAt ?? a.closedAt;
  return (
    <li
      className={`history-alert sev-${a.severity} is-${a.status}`}
      data-testid="history-alert"
      data-alert-id={a.id}
      data-status={a.status}
    >
      <p className="history-alert-head">
        <span className="history-alert-status">
          {t(`history.status.${a.status}` as MessageKey)}
        </span>
        <span className="history-alert-text" title={a.message}>
          {alertHeadline(a.message, a.ruleName)}
        </span>
      </p>
      <p className="history-muted">
        {t('history.alertOpened', { time: formatDateTime(new Date(a.openedAt)) })}
        {ended !== null &&
          ` · ${t('history.alertResolved', { time: formatDateTime(new Date(ended)) })}`}
        {owner !== null && ` · ${owner}`}
      </p>
      <button
        type="button"
        className="history-button"
        aria-expanded={open}
        data-testid="history-alert-toggle"
        onClick={() => {
          setOpen((o) => !o);
        }}
      >
        {t(open ? 'history.hideTimeline' : 'history.showTimeline')}
      </button>
      {open && <AlertTimeline id={a.id} officeNames={officeNames} />}
    </li>
  );
}

function AlertTimeline({
  id,
  officeNames,
}: {
  id: string;
  officeNames: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const state = useResource(`timeline:${id}`, (signal) => fetchAlertTimeline(id, signal), fail);
  if (state.error !== null)
    return (
      <p className="history-error" role="alert">
        {t('history.timelineError', { message: state.error.message })}
      </p>
    );
  if (state.data === null) return <p className="history-muted">{t('app.loading')}</p>;
  return (
    <ol className="history-timeline" data-testid="alert-timeline">
      {state.data.map((e) => (
        <li key={e.key} data-testid="timeline-entry" data-action={e.action}>
          <time dateTime={e.at}>{formatDateTime(new Date(e.at))}</time>
          <span className="history-timeline-what">{entryText(e, t, officeNames)}</span>
          <span className="history-muted">{e.actor ?? t('history.system')}</span>
        </li>
      ))}
    </ol>
  );
}

function entryText(
  e: TimelineEntry,
  t: (k: MessageKey, p?: Record<string, string | number>) => string,
  officeNames: ReadonlyMap<string, string>,
): string {
  const label = t(e.labelKey);
  if (e.action === 'assign') {
    const who = ownerText(e.assignee, officeNames);
    return `${label} ${who === null ? t('history.unassigned') : t('history.assignedTo', { who })}`;
  }
  return e.text === null ? label : `${label}: ${e.text}`;
}
