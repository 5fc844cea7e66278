import type { MetricInfo } from '@ioc/contracts';
import type { MessageKey } from '../i18n/translate';
import { ALARM_LEVEL_RGB, PM25_CLASSES } from '../map/colorScale';

/** A level drawn across the chart: the national limit, or a station's báo động I–III. */
export type ThresholdLine =
  | { kind: 'limit'; value: number; basisVi: string; basisEn: string }
  | { kind: 'alarm'; value: number; level: number; rgb: readonly [number, number, number] };

/** A coloured class behind the line (the VN_AQI classes of PM2.5), clipped to the chart. */
export interface ThresholdBand {
  from: number;
  to: number;
  labelKey: MessageKey;
  rgb: readonly [number, number, number];
}

export interface Thresholds {
  lines: ThresholdLine[];
  bands: ThresholdBand[];
}

/**
 * A station's báo động levels are stage heights: they apply to its water level (category
 * water, metres), not to rainfall or water quality the same station may also report.
 */
export function takesAlarmLevels(info: MetricInfo | undefined): boolean {
  return info?.category === 'water' && info.uom === 'm';
}

/**
 * What a history chart draws for a metric: the catalogue's national limit; for PM2.5 the VN_AQI
 * classes the wall's map uses (Decision 1459/QĐ-TCMT), so the chart and the map agree; and, for
 * one station, its own báo động levels. A ward's mean has no station levels: they differ from
 * station to station, and the mean of a ward is not a stage at any of them.
 */
export function chartThresholds(
  metric: string,
  info: MetricInfo | undefined,
  alarmLevels: readonly number[] | null,
): Thresholds {
  const lines: ThresholdLine[] = [];
  if (info?.limit)
    lines.push({
      kind: 'limit',
      value: info.limit.value,
      basisVi: info.limit.basisVi,
      basisEn: info.limit.basisEn,
    });
  if (alarmLevels && takesAlarmLevels(info))
    alarmLevels.forEach((value, i) => {
      lines.push({
        kind: 'alarm',
        value,
        level: i + 1,
        rgb: ALARM_LEVEL_RGB[Math.min(i, ALARM_LEVEL_RGB.length - 1)] ?? [255, 90, 90],
      });
    });
  const bands: ThresholdBand[] = [];
  if (metric === 'pm25') {
    let from = 0;
    for (const c of PM25_CLASSES) {
      bands.push({ from, to: c.max, labelKey: c.labelKey, rgb: c.rgb });
      from = c.max;
    }
  }
  return { lines, bands };
}

/** The values the value axis is widened to reach (see chartScale.valueDomain). */
export function lineValues(t: Thresholds): number[] {
  return t.lines.map((l) => l.value);
}
