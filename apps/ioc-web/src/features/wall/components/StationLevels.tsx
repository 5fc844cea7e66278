import { formatTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useMetrics } from '../../../shared/metrics/useMetrics';
import type { StationStanding } from '../../../shared/live/stationLevels';

const ROMAN = ['', 'I', 'II', 'III'] as const;

export interface StationLevelsProps {
  stations: readonly StationStanding[];
  metric: string;
  rows: number;
  unitName: (code: string | null) => string;
}

/**
 * Stations against their own báo động levels, most at risk first: the level reached (as the
 * alert rule counts it) or, under báo động I, the margin left to it.
 */
export function StationLevels({ stations, metric, rows, unitName }: StationLevelsProps) {
  const { t } = useI18n();
  const metrics = useMetrics();
  return (
    <section className="panel-card stations">
      <h2 className="panel-heading">{t('panel.stationLevels')}</h2>
      {stations.length === 0 ? (
        <p className="muted">{t('panel.noStationLevels')}</p>
      ) : (
        <ol className="top-list" data-testid="station-levels">
          {stations.slice(0, rows).map((s) => (
            <li
              key={s.device.id}
              className={`station-level-${String(s.level)}`}
              data-device-id={s.device.id}
              data-level={s.level}
              data-value={s.value}
              // The reading's time on hover: at 5 m the line holds the margin, not a clock.
              title={t('wall.asOf', { time: formatTime(new Date(s.time)) })}
            >
              <span className="station-badge">
                {s.level > 0 ? t('panel.alarmShort', { n: ROMAN[s.level] ?? '' }) : '—'}
              </span>
              <span className="chip" />
              <span className="top-main">
                {/* The ward, as the other cards name places; station names run too long for 5 m. */}
                <span className="top-ward" title={s.device.name ?? s.device.id}>
                  {unitName(s.device.unitCode)}
                </span>
                <span className="top-device">
                  {s.toNext === null
                    ? t('panel.pastLastAlarm', {
                        gap: metrics.value(metric, s.beyond ?? 0),
                        n: ROMAN[s.level] ?? '',
                      })
                    : t('panel.toNextAlarm', {
                        gap: metrics.value(metric, s.toNext),
                        n: ROMAN[s.level + 1] ?? '',
                      })}
                </span>
              </span>
              <span className="top-value">{metrics.value(metric, s.value)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
