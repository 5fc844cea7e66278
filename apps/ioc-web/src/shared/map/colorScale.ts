import type { MessageKey } from '../i18n/translate';

export type Rgba = [number, number, number, number];

export interface ColorClass {
  /** Upper bound of the class, inclusive (µg/m³). */
  max: number;
  labelKey: MessageKey;
  rgb: [number, number, number];
}

/**
 * PM2.5 classes and colours of Vietnam's AQI (VN_AQI, Decision 1459/QĐ-TCMT, 2019): breakpoints
 * 25/50/80/150/250 µg/m³ and the official green-yellow-orange-red-purple-brown ramp, so the wall
 * speaks the same language as the national air-quality bulletins. The breakpoints are defined on
 * averages; for now the wall applies them to the latest readings, as a live indication.
 */
export const PM25_CLASSES: readonly ColorClass[] = [
  { max: 25, labelKey: 'aqi.good', rgb: [0, 228, 0] },
  { max: 50, labelKey: 'aqi.moderate', rgb: [255, 255, 0] },
  { max: 80, labelKey: 'aqi.poor', rgb: [255, 126, 0] },
  { max: 150, labelKey: 'aqi.bad', rgb: [255, 0, 0] },
  { max: 250, labelKey: 'aqi.veryBad', rgb: [143, 63, 151] },
  { max: Number.POSITIVE_INFINITY, labelKey: 'aqi.hazardous', rgb: [126, 0, 35] },
];

/** Cells without a measure: neutral slate, distinct from every class colour. */
export const NO_DATA_RGB: [number, number, number] = [70, 82, 98];
/** Devices that report other metrics (water level, traffic...): cyan, not on the PM2.5 ramp. */
export const OTHER_DEVICE_RGB: [number, number, number] = [80, 200, 255];
export const OFFLINE_DEVICE_RGB: [number, number, number] = [120, 128, 140];

/** Index into PM25_CLASSES; negative values (sensor glitches) fall into the first class. */
export function pm25ClassIndex(value: number): number {
  const i = PM25_CLASSES.findIndex((c) => value <= c.max);
  return i === -1 ? PM25_CLASSES.length - 1 : i;
}

export function pm25Color(value: number | null | undefined, alpha = 255): Rgba {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return [...NO_DATA_RGB, alpha];
  }
  const cls = PM25_CLASSES[pm25ClassIndex(value)];
  return cls ? [...cls.rgb, alpha] : [...NO_DATA_RGB, alpha];
}

export function cssColor([r, g, b]: readonly number[], alpha = 1): string {
  return `rgba(${r ?? 0}, ${g ?? 0}, ${b ?? 0}, ${alpha})`;
}

/** An open alert's colour by severity, on the map and in its legend alike. */
export const SEVERITY_RGB: Record<
  'critical' | 'warning' | 'info',
  readonly [number, number, number]
> = {
  critical: [255, 45, 85],
  warning: [255, 170, 0],
  info: [90, 180, 255],
};

/**
 * A station's dot once it reaches its own báo động I, II, III (the same colours as the level
 * badges of the wall's station card: --warn, --bad, emergency).
 */
export const ALARM_LEVEL_RGB: readonly (readonly [number, number, number])[] = [
  [255, 196, 64],
  [255, 90, 90],
  [255, 45, 120],
];
