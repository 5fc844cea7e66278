import type { SceneMeasure } from '@ioc/contracts';
import { isOnline, meanByUnit } from '../live/deviceStats';
import type { DeviceState } from '../live/deviceStore';
import type { WardMeasure, WardStatus } from './sceneMap.types';

/** Metrics where a higher reading is better (none of the pollution or flood metrics). */
const HIGHER_IS_BETTER: ReadonlySet<string> = new Set(['wifi_clients']);

/** Live data older than this makes a metric measure "stale". */
export const METRIC_STALE_MS = 15 * 60_000;

export const EMPTY_MEASURE: WardMeasure = {
  values: new Map(),
  status: new Map(),
  uom: '',
  higherIsBetter: false,
  asOf: null,
  stale: false,
};

/**
 * Ward means of a live sensor metric over the devices still reporting (an offline sensor's
 * last value is not "now"). Wards in `wardCodes` without such a device get null (grey).
 */
export function metricWardMeasure(
  devices: Iterable<DeviceState>,
  metric: string,
  now: number,
  wardCodes: readonly string[] = [],
): WardMeasure {
  const online: DeviceState[] = [];
  let newest: number | null = null;
  for (const d of devices) {
    const v = d.latest.get(metric);
    if (!v || !isOnline(d, now)) continue;
    online.push(d);
    if (newest === null || v.time > newest) newest = v.time;
  }
  const means = meanByUnit(online, metric);
  const values = new Map<string, number | null>();
  for (const code of wardCodes) values.set(code, means.get(code) ?? null);
  for (const [code, v] of means) values.set(code, v);
  return {
    values,
    status: new Map(),
    // A metric's unit is the catalogue's, printed by the legend in the UI language.
    uom: '',
    higherIsBetter: HIGHER_IS_BETTER.has(metric),
    asOf: newest === null ? null : new Date(newest).toISOString(),
    stale: newest === null || now - newest > METRIC_STALE_MS,
  };
}

const STATUSES: ReadonlySet<string> = new Set([
  'on_track',
  'at_risk',
  'off_track',
  'no_data',
  'no_target',
]);

/** Indicator units as shown beside values (the catalogue's `unit` field). */
const INDICATOR_UOM: Readonly<Record<string, string>> = {
  percent: '%',
  percent_of_grdp: '% GRDP',
  percent_of_budget: '%',
  percent_per_year: '%',
  per_10k_people: '‱',
  per_1k_people: '‰',
};

/**
 * `GET /api/v1/indicators/:code/choropleth` plus the indicator's catalogue entry
 * (`GET /api/v1/indicators/:code`) as a WardMeasure. Tolerant: a malformed cell is skipped.
 */
export function indicatorWardMeasure(choropleth: unknown, indicator: unknown): WardMeasure {
  const values = new Map<string, number | null>();
  const status = new Map<string, WardStatus>();
  const body = (choropleth ?? {}) as { cells?: unknown; asOf?: unknown };
  const cells = Array.isArray(body.cells) ? (body.cells as unknown[]) : [];
  for (const c of cells) {
    if (typeof c !== 'object' || c === null) continue;
    const cell = c as { unitCode?: unknown; value?: unknown; status?: unknown };
    if (typeof cell.unitCode !== 'string') continue;
    const value = typeof cell.value === 'number' && Number.isFinite(cell.value) ? cell.value : null;
    values.set(cell.unitCode, value);
    const s = typeof cell.status === 'string' && STATUSES.has(cell.status) ? cell.status : null;
    status.set(cell.unitCode, value === null ? 'no_data' : ((s as WardStatus | null) ?? 'no_data'));
  }
  const meta = ((indicator ?? {}) as { indicator?: { unit?: unknown; direction?: unknown } })
    .indicator;
  const unit = typeof meta?.unit === 'string' ? meta.unit : '';
  return {
    values,
    status,
    uom: INDICATOR_UOM[unit] ?? '',
    higherIsBetter: meta?.direction !== 'lower_is_better',
    asOf: typeof body.asOf === 'string' ? body.asOf : null,
    stale: false,
  };
}

/** Identity of what a measure depends on, so a scene change refetches and nothing else does. */
export function measureKey(m: SceneMeasure): string {
  if (m.kind === 'metric') return `metric:${m.metric}`;
  if (m.kind === 'indicator') return `indicator:${m.code}`;
  return 'none';
}
