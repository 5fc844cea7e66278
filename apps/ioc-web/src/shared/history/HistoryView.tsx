import './history.css';
import { useMemo, useState } from 'react';
import { useResource } from '../api/useResource';
import { useI18n } from '../i18n/useI18n';
import { useMetrics } from '../metrics/useMetrics';
import { AlertHistory } from './AlertHistory';
import { chartPoints } from './chartScale';
import { HistoryChart, useThresholdText } from './HistoryChart';
import { fetchHistoryAlerts, fetchHistorySeries } from './historyApi';
import {
  BUCKET_MS,
  HISTORY_WINDOWS,
  WINDOW_SPEC,
  type HistoryTarget,
  type HistoryWindow,
} from './historyWindow';
import { chartThresholds } from './thresholds';

export interface HistoryViewProps {
  target: HistoryTarget;
  /** The device's or ward's name, as the heading says it. */
  name: string;
  /** Metric codes it reports; the first one shown is `initialMetric` when given. */
  metrics: readonly string[];
  initialMetric?: string | null;
  /** The station's own báo động levels (one device only). */
  alarmLevels?: readonly number[] | null;
  /** `wall`: read-only, large type, dark; `tablet`: light, touch-sized. */
  variant: 'tablet' | 'wall';
}

const fail = { classify: () => 'load' as const, drops: () => true };
/** Alerts change while the view is open; the chart's buckets close once an hour. */
const ALERTS_REFRESH_MS = 60_000;
const SERIES_REFRESH_MS = 5 * 60_000;

/**
 * History of one device or one ward (issue 20.5): a metric over 24 h / 7 d / 30 d from the
 * rollups with its thresholds drawn, and the alerts it raised with their timelines. Loaded on
 * demand (see LazyHistoryView): neither the tablet's nor the wall's first load carries it.
 */
export default function HistoryView(props: HistoryViewProps) {
  const { target, name, variant, alarmLevels = null } = props;
  const { t, num } = useI18n();
  const metrics = useMetrics();
  const codes = useMemo(() => {
    const sorted = [...new Set(props.metrics)].sort((a, b) =>
      metrics.name(a).localeCompare(metrics.name(b)),
    );
    const first = props.initialMetric;
    return first && sorted.includes(first) ? [first, ...sorted.filter((c) => c !== first)] : sorted;
  }, [props.metrics, props.initialMetric, metrics]);
  const [chosen, setChosen] = useState<string | null>(null);
  const metric = chosen !== null && codes.includes(chosen) ? chosen : (codes[0] ?? null);
  const [win, setWin] = useState<HistoryWindow>('24h');
  const targetKey = target.kind === 'device' ? `d:${target.id}` : `u:${target.code}`;

  const series = useResource(
    `history:${targetKey}:${metric ?? ''}:${win}`,
    (signal) => fetchHistorySeries(target, metric ?? '', win, Date.now(), signal),
    // The first metric is the first by name: wait for the names, not to load one then another.
    { ...fail, enabled: metric !== null && metrics.ready, refreshMs: SERIES_REFRESH_MS },
  );
  const alerts = useResource(
    `alerts:${targetKey}`,
    (signal) => fetchHistoryAlerts(target, signal),
    {
      ...fail,
      refreshMs: ALERTS_REFRESH_MS,
    },
  );

  const info = metric === null ? undefined : metrics.info(metric);
  const thresholds = useMemo(
    () =>
      metric === null
        ? { lines: [], bands: [] }
        : chartThresholds(metric, info, target.kind === 'device' ? alarmLevels : null),
    [metric, info, target.kind, alarmLevels],
  );
  const valueText = (v: number) => (metric === null ? num(v) : metrics.value(metric, v));
  const lineText = useThresholdText(valueText);
  const points = series.data && metric !== null ? chartPoints(series.data.items, metric) : [];
  const bucket = WINDOW_SPEC[win].bucket;

  return (
    <section
      className={`history is-${variant}`}
      data-testid="history-view"
      data-target={targetKey}
      data-metric={metric ?? ''}
      data-window={win}
      aria-labelledby="history-title"
    >
      <h2 id="history-title" className="history-title">
        {t(target.kind === 'ward' ? 'history.wardTitle' : 'history.title', { name })}
      </h2>
      {metric === null ? (
        <p className="history-muted" data-testid="history-no-metrics">
          {t('history.noMetrics')}
        </p>
      ) : (
        <>
          {codes.length > 1 && (
            <Choices
              label={t('history.metric')}
              options={codes.map((c) => ({ value: c, text: metrics.name(c) }))}
              chosen={metric}
              testId="history-metric"
              attr="data-metric"
              onChoose={setChosen}
            />
          )}
          <Choices
            label={t('history.window')}
            options={HISTORY_WINDOWS.map((w) => ({ value: w, text: t(`history.window.${w}`) }))}
            chosen={win}
            testId="history-window"
            attr="data-window"
            onChoose={setWin}
          />
          <figure className="history-figure" aria-busy={series.loading}>
            {series.error !== null ? (
              <p className="history-error" role="alert">
                {t('history.loadError', { message: series.error.message })}
              </p>
            ) : series.data === null ? (
              <p className="history-muted">{t('app.loading')}</p>
            ) : (
              <>
                <HistoryChart
                  points={points}
                  from={series.data.from}
                  to={series.data.to}
                  win={win}
                  bucketMs={BUCKET_MS[bucket]}
                  thresholds={thresholds}
                  label={t(
                    target.kind === 'ward' ? 'history.chartLabelWard' : 'history.chartLabel',
                    {
                      metric: metrics.name(metric),
                      window: t(`history.window.${win}`),
                      bucket: t(`history.bucket.${bucket}`),
                    },
                  )}
                  valueText={valueText}
                  tickText={(v) => num(v, Math.max(info?.decimals ?? 1, 0))}
                />
                <figcaption className="history-caption">
                  <span>
                    {t(target.kind === 'ward' ? 'history.chartLabelWard' : 'history.chartLabel', {
                      metric: `${metrics.name(metric)}${metrics.unit(metric) === '' ? '' : ` (${metrics.unit(metric)})`}`,
                      window: t(`history.window.${win}`),
                      bucket: t(`history.bucket.${bucket}`),
                    })}
                  </span>
                  {points.length === 0 ? (
                    <span data-testid="history-empty">{t('history.empty')}</span>
                  ) : (
                    <span>
                      {t('history.points', {
                        n: num(points.length, 0),
                        min: valueText(Math.min(...points.map((p) => p.min))),
                        max: valueText(Math.max(...points.map((p) => p.max))),
                      })}
                    </span>
                  )}
                </figcaption>
                {thresholds.lines.length > 0 && (
                  <ul className="history-legend" aria-label={t('history.thresholds')}>
                    {thresholds.lines.map((l) => (
                      <li key={`${l.kind}${String(l.value)}`} className={`is-${l.kind}`}>
                        {lineText(l, true)}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </figure>
        </>
      )}
      <AlertHistory
        alerts={alerts.data}
        error={alerts.error === null ? null : alerts.error.message}
      />
    </section>
  );
}

/** A row of toggle buttons choosing one value (the metric, the time window). */
function Choices<T extends string>(props: {
  label: string;
  options: readonly { value: T; text: string }[];
  chosen: T | null;
  testId: string;
  attr: `data-${string}`;
  onChoose: (value: T) => void;
}) {
  return (
    <div className="history-choices" role="group" aria-label={props.label}>
      {props.options.map((o) => (
        <button
          key={o.value}
          type="button"
          className="history-button"
          aria-pressed={o.value === props.chosen}
          data-testid={props.testId}
          {...{ [props.attr]: o.value }}
          onClick={() => {
            props.onChoose(o.value);
          }}
        >
          {o.text}
        </button>
      ))}
    </div>
  );
}
