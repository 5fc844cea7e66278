import { aqiQuerySchema, parseInput } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { requireUnit, type LiveUnits } from '../common/query';
import { BUCKET_MS, bucketStart } from '../rollups/buckets';
import { RollupRepository } from '../rollups/rollup.repository';
import { dailyAqi, hourlyAqi, type AqiResult } from './aqi';
import { AQI_POLLUTANTS, type AqiPollutant } from './breakpoints';
import { AQI_CATEGORIES, type AqiCategory } from './categories';
import { dailyStatistics } from './daily-statistics';
import { lastHours } from './nowcast';
import { VN_AQI_SOURCE } from './source';

export interface CategoryView {
  index: number;
  code: AqiCategory['code'];
  labelVi: string;
  labelEn: string;
  colourVi: string;
  colourEn: string;
  hex: string;
  rgb: readonly [number, number, number];
}

export interface AqiValueView {
  aqi: number;
  category: CategoryView;
  dominant: string;
  subIndices: { column: string; concentration: number; aqi: number; exceedsScale: boolean }[];
  missing: AqiPollutant[];
  exceedsScale: boolean;
  nowcast?: Partial<Record<'pm25' | 'pm10', number>>;
}

export interface StationAqi {
  deviceId: string;
  unitCode: string | null;
  /** null: no PM10/PM2.5 value, which the decision requires (reason says why). */
  index: AqiValueView | null;
  reason?: string;
}

export interface UnitAqi {
  unitCode: string;
  stations: number;
  /** From the unit's rollup (hourly means Σsum/Σn over its stations). */
  index: AqiValueView | null;
  reason?: string;
  /** The station with the highest index, for the wall to point at. */
  worstStation: { deviceId: string; aqi: number } | null;
}

export interface AqiView {
  asOf: string;
  unit: string;
  period: 'hour' | 'day';
  /** The hour (or local day) the index is for: [start, end). */
  start: string;
  end: string;
  complete: boolean;
  method: typeof VN_AQI_SOURCE & { nowcast: 'decision' | 'normalised' };
  stations: StationAqi[];
  units: UnitAqi[];
  categories: CategoryView[];
}

const POLLUTANTS: readonly AqiPollutant[] = AQI_POLLUTANTS;

function categoryView(c: AqiCategory): CategoryView {
  return {
    index: c.index,
    code: c.code,
    labelVi: c.labelVi,
    labelEn: c.labelEn,
    colourVi: c.colourVi,
    colourEn: c.colourEn,
    hex: c.hex,
    rgb: c.rgb,
  };
}

function valueView(r: AqiResult): AqiValueView {
  return {
    aqi: r.aqi,
    category: categoryView(r.category),
    dominant: r.dominant,
    subIndices: r.subIndices.map((s) => ({
      column: s.column,
      concentration: s.concentration,
      aqi: s.aqi,
      exceedsScale: s.exceedsScale,
    })),
    missing: r.missing,
    exceedsScale: r.exceedsScale,
    ...(r.nowcast ? { nowcast: r.nowcast } : {}),
  };
}

/** Hourly means (Σsum/Σn) of one series key, by hour start. */
type HourSeries = Map<AqiPollutant, Map<number, { n: number; sum: number }>>;

function newSeries(): HourSeries {
  return new Map<AqiPollutant, Map<number, { n: number; sum: number }>>();
}

function add(series: HourSeries, metric: AqiPollutant, hour: number, n: number, sum: number): void {
  let m = series.get(metric);
  if (!m) series.set(metric, (m = new Map<number, { n: number; sum: number }>()));
  const cell = m.get(hour);
  if (cell) {
    cell.n += n;
    cell.sum += sum;
  } else m.set(hour, { n, sum });
}

function means(series: HourSeries, metric: AqiPollutant): { hour: number; value: number }[] {
  return [...(series.get(metric) ?? new Map<number, { n: number; sum: number }>()).entries()]
    .filter(([, c]) => c.n > 0)
    .map(([hour, c]) => ({ hour, value: c.sum / c.n }));
}

/**
 * VN_AQI (Quyết định 1459/QĐ-TCMT) per station and per unit, from the hourly rollups.
 *
 * - Station = a device reporting any of PM2.5, PM10, O3, CO, SO2, NO2 in the unit.
 * - Hourly (period=hour): the hour's 1-hour means; PM by Nowcast over the 12 hours ending with
 *   it. Daily (period=day): the local day's 24 hours (hour ending 01:00 … 24:00) plus the 7
 *   hours before for 8-hour ozone; 24-hour means for PM, the largest 1-hour mean for gases,
 *   the larger of the O3 1h/8h indices; 75 % completeness (dailyStatistics).
 * - A unit's index is computed the same way from the unit's own hourly rollup (Σsum/Σn over its
 *   stations' readings), and names its worst station.
 * - No PM10 or PM2.5 → no index (the decision requires one of them); other missing pollutants
 *   are listed in `missing`.
 */
export class AqiService {
  private readonly repo: RollupRepository;

  constructor(
    db: Queryable,
    private readonly units: LiveUnits,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.repo = new RollupRepository(db);
  }

  async compute(input: unknown): Promise<AqiView> {
    const q = parseInput(aqiQuerySchema, input, 'QUERY_INVALID');
    const now = this.clock();
    const unitCodes = await requireUnit(this.units, q.unit);
    const hour = BUCKET_MS['1h'];
    const day = BUCKET_MS['1d'];
    const start =
      q.period === 'hour'
        ? bucketStart('1h', q.at ? q.at.getTime() : now.getTime() - hour)
        : bucketStart('1d', q.at ? q.at.getTime() : now.getTime() - day);
    const end = start + (q.period === 'hour' ? hour : day);
    // Hourly: 12 hours for the Nowcast. Daily: the 7 hours before the day for 8-hour ozone.
    const from = q.period === 'hour' ? start - 11 * hour : start - 7 * hour;
    const cells = await this.repo.hourlyMeans(unitCodes, POLLUTANTS, new Date(from), new Date(end));

    const perDevice = new Map<string, { unitCode: string | null; series: HourSeries }>();
    const perUnit = new Map<string, HourSeries>();
    const unitStations = new Map<string, Set<string>>();
    for (const c of cells) {
      const metric = c.metric as AqiPollutant;
      const t = c.bucket.getTime();
      let d = perDevice.get(c.deviceId);
      if (!d) perDevice.set(c.deviceId, (d = { unitCode: c.unitCode, series: newSeries() }));
      add(d.series, metric, t, c.n, c.sum);
      const groups = c.unitCode
        ? [c.unitCode, ...(unitCodes.length > 1 && c.unitCode !== q.unit ? [q.unit] : [])]
        : [];
      for (const g of groups) {
        let s = perUnit.get(g);
        if (!s) perUnit.set(g, (s = newSeries()));
        add(s, metric, t, c.n, c.sum);
        let st = unitStations.get(g);
        if (!st) unitStations.set(g, (st = new Set<string>()));
        st.add(c.deviceId);
      }
    }

    const indexOf = (series: HourSeries): AqiResult | null =>
      q.period === 'hour' ? this.hourly(series, start, q.nowcast) : this.daily(series, start);

    const stations: StationAqi[] = [...perDevice.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([deviceId, d]) => {
        const r = indexOf(d.series);
        return {
          deviceId,
          unitCode: d.unitCode,
          index: r ? valueView(r) : null,
          ...(r ? {} : { reason: 'no PM10 or PM2.5 value for the period (required by QĐ 1459)' }),
        };
      });
    const units: UnitAqi[] = [...perUnit.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([unitCode, series]) => {
        const r = indexOf(series);
        const members = unitStations.get(unitCode) ?? new Set<string>();
        let worst: { deviceId: string; aqi: number } | null = null;
        for (const s of stations) {
          if (!members.has(s.deviceId) || !s.index) continue;
          if (!worst || s.index.aqi > worst.aqi) worst = { deviceId: s.deviceId, aqi: s.index.aqi };
        }
        return {
          unitCode,
          stations: members.size,
          index: r ? valueView(r) : null,
          ...(r ? {} : { reason: 'no PM10 or PM2.5 value for the period (required by QĐ 1459)' }),
          worstStation: worst,
        };
      });

    return {
      asOf: now.toISOString(),
      unit: q.unit,
      period: q.period,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      complete: now.getTime() >= end,
      method: { ...VN_AQI_SOURCE, nowcast: q.nowcast },
      stations,
      units,
      categories: AQI_CATEGORIES.map(categoryView),
    };
  }

  private hourly(
    series: HourSeries,
    hourStart: number,
    halfWeight: 'decision' | 'normalised',
  ): AqiResult | null {
    const at = (p: AqiPollutant) =>
      means(series, p).find((m) => m.hour === hourStart)?.value ?? null;
    return hourlyAqi(
      {
        pm25: lastHours(means(series, 'pm25'), hourStart),
        pm10: lastHours(means(series, 'pm10'), hourStart),
        o3: at('o3'),
        co: at('co'),
        so2: at('so2'),
        no2: at('no2'),
      },
      { halfWeight },
    );
  }

  private daily(series: HourSeries, dayStart: number): AqiResult | null {
    const hour = BUCKET_MS['1h'];
    const stats = (p: AqiPollutant) => {
      const byHour = new Map(means(series, p).map((m) => [m.hour, m.value]));
      const day = Array.from({ length: 24 }, (_, i) => byHour.get(dayStart + i * hour) ?? null);
      const previous = Array.from(
        { length: 7 },
        (_, i) => byHour.get(dayStart - (7 - i) * hour) ?? null,
      );
      return dailyStatistics(day, previous);
    };
    const o3 = stats('o3');
    return dailyAqi({
      pm25: stats('pm25').mean24h,
      pm10: stats('pm10').mean24h,
      o3_1h: o3.max1h,
      o3_8h: o3.max8h,
      co: stats('co').max1h,
      so2: stats('so2').max1h,
      no2: stats('no2').max1h,
    });
  }
}
