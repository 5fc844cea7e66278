import { cssColor } from '../map/colorScale';
import { formatDate, formatTime } from '../i18n/format';
import { useI18n } from '../i18n/useI18n';
import {
  linear,
  linePath,
  segments,
  timeTicks,
  valueDomain,
  valueTicks,
  type ChartPoint,
} from './chartScale';
import type { HistoryWindow } from './historyWindow';
import { lineValues, type ThresholdLine, type Thresholds } from './thresholds';

const ROMAN = ['I', 'II', 'III', 'IV', 'V'] as const;
// The drawing's own coordinates; the SVG scales to its box, text with it.
const W = 800;
const H = 300;
const M = { left: 64, right: 12, top: 12, bottom: 30 };

export interface HistoryChartProps {
  points: readonly ChartPoint[];
  from: number;
  to: number;
  win: HistoryWindow;
  bucketMs: number;
  thresholds: Thresholds;
  /** Screen-reader summary of what is drawn. */
  label: string;
  /** A value with the metric's decimals and unit ("0,76 m"). */
  valueText: (v: number) => string;
  /** An axis number, without the unit. */
  tickText: (v: number) => string;
}

/** The label a threshold line carries, also its legend entry. */
export function useThresholdText(valueText: (v: number) => string) {
  const { t, lang } = useI18n();
  return (l: ThresholdLine, withBasis: boolean): string =>
    l.kind === 'alarm'
      ? t('history.alarmLine', {
          n: ROMAN[l.level - 1] ?? String(l.level),
          value: valueText(l.value),
        })
      : withBasis
        ? t('history.limitBasis', {
            value: valueText(l.value),
            basis: lang === 'vi' ? l.basisVi : l.basisEn,
          })
        : t('history.limitLine', { value: valueText(l.value) });
}

/**
 * The mean per bucket as a line with dots (each bucket's lowest–highest as a shade behind it),
 * thresholds as labelled lines and, where a metric has them, its colour classes as bands. A
 * small hand-made SVG: the tablet stays light (no charting library in its bundle).
 */
export function HistoryChart(props: HistoryChartProps) {
  const { points, win, bucketMs, thresholds, valueText, tickText } = props;
  const { t } = useI18n();
  const lineText = useThresholdText(valueText);
  const from = Math.min(props.from, points[0]?.t ?? props.from);
  const to = props.to;
  const domain = valueDomain(points, lineValues(thresholds));
  const x = linear(from, to, M.left, W - M.right);
  const y = linear(domain.lo, domain.hi, H - M.bottom, M.top);
  const inside = (v: number) => v >= domain.lo && v <= domain.hi;
  const runs = segments(points, bucketMs);
  const yTicks = valueTicks(domain);
  const xTicks = timeTicks(from, to, win);
  const xLabel = (ms: number) =>
    win === '24h' ? formatTime(new Date(ms), false) : formatDate(new Date(ms)).slice(0, 5);

  return (
    <svg
      className="history-chart"
      viewBox={`0 0 ${String(W)} ${String(H)}`}
      role="img"
      aria-label={props.label}
      data-testid="history-chart"
      data-points={points.length}
      data-lo={domain.lo}
      data-hi={domain.hi}
    >
      {thresholds.bands.map((b) => {
        const lo = Math.max(b.from, domain.lo);
        const hi = Math.min(b.to, domain.hi);
        if (hi <= lo) return null;
        return (
          <g key={b.labelKey} data-testid="history-band">
            <rect
              x={M.left}
              width={W - M.left - M.right}
              y={y(hi)}
              height={y(lo) - y(hi)}
              fill={cssColor(b.rgb, 0.14)}
            />
            <text className="history-band-label" x={M.left + 6} y={y(hi) + 16}>
              {t(b.labelKey)}
            </text>
          </g>
        );
      })}
      {yTicks.map((v) => (
        <g key={`y${String(v)}`} className="history-grid">
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
          <text x={M.left - 8} y={y(v) + 5} textAnchor="end">
            {tickText(v)}
          </text>
        </g>
      ))}
      {xTicks.map((ms) => (
        <g key={`x${String(ms)}`} className="history-grid">
          <line x1={x(ms)} x2={x(ms)} y1={M.top} y2={H - M.bottom} />
          <text x={x(ms)} y={H - 8} textAnchor="middle">
            {xLabel(ms)}
          </text>
        </g>
      ))}
      {runs.map((run) => (
        <g key={`r${String(run[0]?.t ?? 0)}`} className="history-series">
          {run.length > 1 && (
            <path
              className="history-range"
              d={`${run.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)} ${y(p.max).toFixed(1)}`).join(' ')} ${[
                ...run,
              ]
                .reverse()
                .map((p) => `L${x(p.t).toFixed(1)} ${y(p.min).toFixed(1)}`)
                .join(' ')} Z`}
            />
          )}
          <path className="history-line" d={linePath(run, x, y)} />
        </g>
      ))}
      {points.map((p) => (
        <circle
          key={p.t}
          className="history-point"
          data-testid="history-point"
          cx={x(p.t)}
          cy={y(p.mean)}
          r={points.length > 60 ? 2 : 3.5}
        >
          <title>{`${formatDate(new Date(p.t))} ${formatTime(new Date(p.t), false)}: ${valueText(p.mean)}`}</title>
        </circle>
      ))}
      {thresholds.lines
        .filter((l) => inside(l.value))
        .map((l) => (
          <g
            key={`${l.kind}${String(l.value)}`}
            className={`history-threshold is-${l.kind}`}
            data-testid="history-threshold"
            data-kind={l.kind}
            data-value={l.value}
          >
            <line
              x1={M.left}
              x2={W - M.right}
              y1={y(l.value)}
              y2={y(l.value)}
              stroke={l.kind === 'alarm' ? cssColor(l.rgb) : undefined}
            />
            <text
              className="history-threshold-label"
              data-testid="history-threshold-label"
              x={W - M.right - 6}
              y={y(l.value) - 6}
              textAnchor="end"
            >
              {lineText(l, false)}
            </text>
          </g>
        ))}
    </svg>
  );
}
