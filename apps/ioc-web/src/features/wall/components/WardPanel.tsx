import { useState } from 'react';
import { fetchScorecard } from '../../../shared/api/endpoints';
import type { Scorecard, WallAlert } from '../../../shared/api/schemas';
import { usePolled } from '../hooks/usePolled';
import { formatTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { isOnline } from '../../../shared/live/deviceStats';
import type { DeviceState } from '../../../shared/live/deviceStore';
import { useMetrics } from '../../../shared/metrics/useMetrics';
import { headlineMetric } from '../model/headlineMetric';
import { isPolledStale } from '../model/polledResource';
import { PanelCard } from './PanelCard';
import { rankLines } from './ScorecardPanel';
import { WardHistory } from './WardHistory';

const SCORECARD_REFRESH_MS = 5 * 60_000;
const ROWS = { score: 4, devices: 5, alerts: 3 } as const;

export interface WardPanelProps {
  code: string;
  name: string;
  devices: readonly DeviceState[];
  /** The scene's metric: each device row shows it where the device reports it. */
  metric: string | null;
  alerts: readonly WallAlert[];
  now: number;
  liveAsOf: string | null;
  liveStale: boolean;
  alertsAsOf: string | null;
  alertsStale: boolean;
  onClose: () => void;
}

/** A tapped ward: its scorecard highlights, devices and alerts, until closed. */
export function WardPanel(props: WardPanelProps) {
  const { code, name, devices, alerts, now, liveAsOf, liveStale, onClose } = props;
  const { alertsAsOf, alertsStale, metric } = props;
  const { t, num, lang } = useI18n();
  const metrics = useMetrics();
  const catalogue = {
    name: metrics.name,
    category: (c: string) => metrics.info(c)?.category ?? null,
  };
  const { snapshot } = usePolled<Scorecard>(`scorecard:${code}`, {
    load: (signal) => fetchScorecard(code, signal),
    asOfOf: (s) => s.asOf,
    intervalMs: SCORECARD_REFRESH_MS,
  });
  const lines = snapshot.data ? rankLines(snapshot.data.items).slice(0, ROWS.score) : [];
  const online = devices.filter((d) => isOnline(d, now)).length;
  const [history, setHistory] = useState(false);
  return (
    <div className="ward-panel" data-testid="ward-panel" data-ward={code}>
      <div className="ward-panel-head">
        <h2 className="ward-name" title={name}>
          {name}
        </h2>
        <button
          type="button"
          className="ward-history-open"
          data-testid="ward-history-open"
          onClick={() => {
            setHistory(true);
          }}
        >
          {t('history.open')}
        </button>
        <button
          type="button"
          className="ward-close"
          data-testid="ward-close"
          onClick={onClose}
          aria-label={t('ward.close')}
        >
          {t('ward.closeShort')}
        </button>
      </div>
      <PanelCard
        name="ward-score"
        title={t('ward.score')}
        asOf={snapshot.asOf}
        stale={isPolledStale(snapshot, now, SCORECARD_REFRESH_MS * 2)}
      >
        {lines.length === 0 ? (
          <p className="muted">{snapshot.data ? t('score.none') : t('app.loading')}</p>
        ) : (
          <ul className="ward-score">
            {lines.map((l) => {
              const label = lang === 'en' && l.nameEn ? l.nameEn : l.nameVi;
              const v = l.value?.value ?? null;
              return (
                <li key={l.indicator} className={`status-${l.status}`}>
                  <span className="score-dot" />
                  <span className="ward-score-name" title={label}>
                    {label}
                  </span>
                  <span className="ward-score-value">
                    {v === null ? '—' : `${num(v, 1)}${l.unit === 'percent' ? '%' : ''}`}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </PanelCard>
      <PanelCard
        name="ward-devices"
        title={t('ward.devices', { online: num(online, 0), total: num(devices.length, 0) })}
        asOf={liveAsOf}
        stale={liveStale}
      >
        <ul className="ward-devices">
          {devices.slice(0, ROWS.devices).map((d) => {
            const shown = headlineMetric(d.latest.keys(), metric, catalogue);
            const latest = shown === null ? undefined : d.latest.get(shown);
            return (
              <li
                key={d.id}
                className={isOnline(d, now) ? 'is-online' : 'is-offline'}
                data-device-id={d.id}
                data-metric={shown ?? ''}
              >
                {/* What is measured reads from 5 m; which station it is, on hover. */}
                <span className="ward-device-id" title={d.name ?? d.id}>
                  {shown === null ? (d.name ?? d.id) : metrics.name(shown)}
                </span>
                <span className="ward-device-value">
                  {shown !== null && latest ? metrics.value(shown, latest.value) : '—'}
                </span>
              </li>
            );
          })}
        </ul>
      </PanelCard>
      <PanelCard
        name="ward-alerts"
        title={t('ward.alerts', { n: num(alerts.length, 0) })}
        asOf={alertsAsOf}
        stale={alertsStale}
      >
        {alerts.length === 0 ? (
          <p className="muted">{t('alerts.none')}</p>
        ) : (
          <ul className="ward-alerts">
            {alerts.slice(0, ROWS.alerts).map((a) => {
              const text = `${formatTime(new Date(a.openedAt), false)} ${a.message}`;
              return (
                <li key={a.id} className={`sev-${a.severity}`}>
                  <span className="ward-alert-text" title={text}>
                    {text}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </PanelCard>
      {history && (
        <WardHistory
          code={code}
          name={name}
          devices={devices}
          metric={metric}
          onClose={() => {
            setHistory(false);
          }}
        />
      )}
    </div>
  );
}
