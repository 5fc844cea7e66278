import type { SceneMeasure } from '@ioc/contracts';
import type { MessageKey } from '../i18n/translate';
import { NO_DATA_RGB, PM25_CLASSES, pm25ClassIndex, type Rgba } from './colorScale';
import type { WardMeasure, WardStatus } from './sceneMap.types';

type Rgb = readonly [number, number, number];

/** Status colours of Resolution 57 indicators (same hues as the tablet scorecard). */
export const STATUS_RGB: Readonly<Record<Exclude<WardStatus, 'no_data'>, Rgb>> = {
  on_track: [46, 190, 110],
  at_risk: [242, 190, 30],
  off_track: [225, 70, 60],
  no_target: [110, 140, 190],
};
export const STATUS_ORDER = ['on_track', 'at_risk', 'off_track', 'no_target'] as const;

/**
 * Six-step sequential ramp (viridis samples): perceptually even, readable by colour-blind
 * operators, and distinct from both the AQI and the status colours.
 */
export const SEQUENTIAL_RGB: readonly Rgb[] = [
  [68, 1, 84],
  [65, 68, 135],
  [42, 120, 142],
  [34, 168, 132],
  [122, 209, 81],
  [253, 231, 37],
];

/** How ward values turn into colours, and what the legend shows. */
export type MeasureScale =
  | { kind: 'aqi' }
  | { kind: 'status' }
  /** Equal-width classes between `min` and `max` (rounded outward to a readable step). */
  | { kind: 'sequential'; min: number; max: number; step: number }
  | { kind: 'none' };

/** A step of 1, 2 or 5 × 10^k so that the ramp's bounds read as round numbers. */
export function niceStep(span: number, classes: number): number {
  if (!(span > 0)) return 1;
  const raw = span / classes;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

/** A sequential scale that covers every finite value; one class width when all are equal. */
export function sequentialScale(values: Iterable<number | null>): MeasureScale {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo > hi) return { kind: 'sequential', min: 0, max: SEQUENTIAL_RGB.length, step: 1 };
  const n = SEQUENTIAL_RGB.length;
  let step = niceStep(hi - lo, n);
  let min = Math.floor(lo / step) * step;
  // Rounding the lower bound down can push the top out of the last class: widen the step.
  while (min + step * n < hi) {
    step = niceStep(step * 1.01 * n, n);
    min = Math.floor(lo / step) * step;
  }
  return { kind: 'sequential', min, max: min + step * n, step };
}

/** The scale that fits a scene's measure: VN_AQI for PM2.5, status for indicators. */
export function scaleFor(measure: SceneMeasure, values: WardMeasure['values']): MeasureScale {
  if (measure.kind === 'none') return { kind: 'none' };
  if (measure.kind === 'indicator') return { kind: 'status' };
  if (measure.metric === 'pm25') return { kind: 'aqi' };
  return sequentialScale(values.values());
}

/**
 * Colour class of one value: an index into the scale's classes, or undefined for "no data".
 * Classes (not values) key the fill trigger, so the heavy polygon layer is re-coloured only
 * when some ward actually changes colour.
 */
export function classIndex(
  scale: MeasureScale,
  value: number | null | undefined,
  status?: WardStatus,
): number | undefined {
  if (scale.kind === 'status') {
    if (status === undefined || status === 'no_data') return undefined;
    return STATUS_ORDER.indexOf(status);
  }
  if (value === null || value === undefined || !Number.isFinite(value)) return undefined;
  if (scale.kind === 'aqi') return pm25ClassIndex(value);
  if (scale.kind === 'sequential') {
    const i = Math.floor((value - scale.min) / scale.step);
    return Math.max(0, Math.min(SEQUENTIAL_RGB.length - 1, i));
  }
  return undefined;
}

export function classRgb(scale: MeasureScale, cls: number | undefined): Rgb {
  if (cls === undefined) return NO_DATA_RGB;
  if (scale.kind === 'aqi') return PM25_CLASSES[cls]?.rgb ?? NO_DATA_RGB;
  if (scale.kind === 'status') {
    const s = STATUS_ORDER[cls];
    return s ? STATUS_RGB[s] : NO_DATA_RGB;
  }
  if (scale.kind === 'sequential') return SEQUENTIAL_RGB[cls] ?? NO_DATA_RGB;
  return NO_DATA_RGB;
}

export function valueRgba(scale: MeasureScale, value: number | null, alpha = 255): Rgba {
  const [r, g, b] = classRgb(scale, classIndex(scale, value));
  return [r, g, b, alpha];
}

export interface LegendEntry {
  rgb: Rgb;
  labelKey?: MessageKey;
  /** Lower and upper bound of the class (upper inclusive); upper null = open-ended. */
  range?: [number, number | null];
}

export function legendEntries(scale: MeasureScale): LegendEntry[] {
  if (scale.kind === 'aqi') {
    let lower = 0;
    return PM25_CLASSES.map((c) => {
      const e: LegendEntry = {
        rgb: c.rgb,
        labelKey: c.labelKey,
        range: [lower, Number.isFinite(c.max) ? c.max : null],
      };
      lower = c.max;
      return e;
    });
  }
  if (scale.kind === 'status') {
    const keys: Record<(typeof STATUS_ORDER)[number], MessageKey> = {
      on_track: 'mapLegend.onTrack',
      at_risk: 'mapLegend.atRisk',
      off_track: 'mapLegend.offTrack',
      no_target: 'mapLegend.noTarget',
    };
    return STATUS_ORDER.map((s) => ({ rgb: STATUS_RGB[s], labelKey: keys[s] }));
  }
  if (scale.kind === 'sequential') {
    return SEQUENTIAL_RGB.map((rgb, i) => ({
      rgb,
      range: [scale.min + i * scale.step, scale.min + (i + 1) * scale.step],
    }));
  }
  return [];
}

/** Stable text of the per-ward classes: the update trigger of the ward fill colours. */
export function fillKey(
  scale: MeasureScale,
  codes: readonly string[],
  measure: Pick<WardMeasure, 'values' | 'status'>,
): string {
  const head = scale.kind === 'sequential' ? `seq:${scale.min}:${scale.step}` : scale.kind;
  const parts = codes.map((c) => {
    const cls = classIndex(scale, measure.values.get(c), measure.status.get(c));
    return cls === undefined ? '' : String(cls);
  });
  return `${head}|${parts.join(',')}`;
}
