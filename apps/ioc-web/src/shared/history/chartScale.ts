import type { RollupPoint } from '@ioc/contracts';
import type { HistoryWindow } from './historyWindow';

/** One bucket of the chart: its start (epoch ms) and the mean, lowest and highest reading. */
export interface ChartPoint {
  t: number;
  mean: number;
  min: number;
  max: number;
}

/** The metric's buckets that have a mean, oldest first. */
export function chartPoints(items: readonly RollupPoint[], metric: string): ChartPoint[] {
  return items
    .filter((p) => p.metric === metric && p.mean !== null)
    .map((p) => ({ t: Date.parse(p.bucket), mean: p.mean ?? 0, min: p.min, max: p.max }))
    .sort((a, b) => a.t - b.t);
}

/**
 * Runs of consecutive buckets: a bucket without readings breaks the line, so an outage reads as
 * a gap, not as a straight ramp between the values either side of it.
 */
export function segments(points: readonly ChartPoint[], bucketMs: number): ChartPoint[][] {
  const out: ChartPoint[][] = [];
  let run: ChartPoint[] = [];
  for (const p of points) {
    const prev = run.at(-1);
    if (prev && p.t - prev.t > bucketMs * 1.5) {
      out.push(run);
      run = [];
    }
    run.push(p);
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** 1, 2, 2.5 or 5 × 10^k: the step a person reads an axis in. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * mag;
}

export interface Domain {
  lo: number;
  hi: number;
  step: number;
}

/**
 * The value axis: the readings, widened to the nearest threshold on each side so a leader sees
 * how far the line runs from the next level (and the level it has passed), then rounded out to
 * whole steps. Thresholds further away stay off the chart rather than flattening the line.
 * Non-negative data keeps a non-negative axis (no "-5 µg/m³" tick).
 */
export function valueDomain(
  points: readonly ChartPoint[],
  thresholds: readonly number[],
  ticks = 5,
): Domain {
  let lo = Math.min(...points.map((p) => p.min));
  let hi = Math.max(...points.map((p) => p.max));
  if (points.length === 0) {
    lo = thresholds.length > 0 ? Math.min(...thresholds) : 0;
    hi = thresholds.length > 0 ? Math.max(...thresholds) : 1;
  } else {
    const above = thresholds.filter((v) => v > hi);
    const below = thresholds.filter((v) => v < lo);
    if (above.length > 0) hi = Math.min(...above);
    if (below.length > 0) lo = Math.max(...below);
  }
  const nonNegative = lo >= 0;
  if (hi - lo < 1e-9) {
    const pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  if (nonNegative && lo < 0) lo = 0;
  const step = niceStep(hi - lo, ticks);
  return { lo: Math.floor(lo / step) * step, hi: Math.ceil(hi / step) * step, step };
}

/** The tick values of a domain, lowest first (rounded so 0.1 + 0.2 prints as 0.3). */
export function valueTicks(d: Domain): number[] {
  const out: number[] = [];
  const n = Math.round((d.hi - d.lo) / d.step);
  for (let i = 0; i <= n; i++) out.push(Number((d.lo + i * d.step).toPrecision(12)));
  return out;
}

/** A linear map from [d0, d1] onto [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

// Vietnam keeps UTC+7 all year (no daylight saving since 1975): local midnights and hours are
// fixed offsets from UTC, so axis ticks need no time-zone database.
const VN_OFFSET_MS = 7 * 3_600_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Tick spacing per period: every 6 hours, every day, every 5 days (Vietnam time). */
const TICK_EVERY: Readonly<Record<HistoryWindow, number>> = {
  '24h': 6 * HOUR,
  '7d': DAY,
  '30d': 5 * DAY,
};

/** Time-axis ticks inside [from, to], on round Vietnam-time hours or midnights. */
export function timeTicks(from: number, to: number, win: HistoryWindow): number[] {
  const every = TICK_EVERY[win];
  const first = Math.ceil((from + VN_OFFSET_MS) / every) * every - VN_OFFSET_MS;
  const out: number[] = [];
  for (let t = first; t <= to; t += every) out.push(t);
  return out;
}

/** An SVG path through the points, in chart coordinates. */
export function linePath(
  run: readonly ChartPoint[],
  x: (t: number) => number,
  y: (v: number) => number,
): string {
  return run
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)} ${y(p.mean).toFixed(1)}`)
    .join(' ');
}
