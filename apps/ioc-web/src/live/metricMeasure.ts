import type { WardMeasure } from '../map/sceneMap.types';
import { meanByUnit } from './deviceStats';
import type { DeviceState } from './deviceStore';

/** Metrics where a higher reading is the better one (none of the demo ones so far). */
const HIGHER_IS_BETTER = new Set<string>([]);

const UOM: Record<string, string> = {
  pm25: 'µg/m³',
  pm10: 'µg/m³',
  water_level: 'm',
  rainfall: 'mm',
  noise: 'dB',
};

/**
 * Ward means of a live metric as a WardMeasure. Used for the best/worst panel until the map's
 * own measure hook is in place; same shape, so the panel does not care which computed it.
 */
export function metricMeasure(
  devices: Iterable<DeviceState>,
  metric: string,
  asOf: string | null,
  stale: boolean,
): WardMeasure {
  return {
    values: meanByUnit(devices, metric),
    status: new Map(),
    uom: UOM[metric] ?? '',
    higherIsBetter: HIGHER_IS_BETTER.has(metric),
    asOf,
    stale,
  };
}
