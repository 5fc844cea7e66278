import { columnPollutant, AQI_POLLUTANTS, type AqiColumn, type AqiPollutant } from './breakpoints';
import { aqiCategory, type AqiCategory } from './categories';
import { nowcastDetail, type NowcastOptions } from './nowcast';
import { roundAqi } from './rounding';
import { subIndex, type SubIndex } from './sub-index';

/** An hourly or daily VN_AQI for one station. */
export interface AqiResult {
  /** Integer 0–500 (the decision rounds; capped at 500). */
  aqi: number;
  category: AqiCategory;
  /** The column with the largest sub-index: the decision requires publishing it. */
  dominant: AqiColumn;
  /** Every sub-index that could be computed, largest first. */
  subIndices: SubIndex[];
  /** Some concentration was above the end of the scale (the index is capped at 500). */
  exceedsScale: boolean;
  /** Pollutants with no usable value, which the index therefore does not reflect. */
  missing: AqiPollutant[];
  /** Nowcast concentrations used for PM (hourly index only). */
  nowcast?: Partial<Record<'pm25' | 'pm10', number>>;
}

/**
 * Hourly input. PM takes the last 12 1-hour means (index 0 = the current hour, null for a gap)
 * because its hourly index uses the Nowcast; the gases take the current 1-hour mean.
 */
export interface HourlyAqiInput {
  pm25?: readonly (number | null | undefined)[] | null;
  pm10?: readonly (number | null | undefined)[] | null;
  o3?: number | null;
  co?: number | null;
  so2?: number | null;
  no2?: number | null;
}

/**
 * Daily input (section 2.2.2): 24-hour means for PM, the largest 1-hour mean of the day for the
 * gases, and the largest 8-hour mean for ozone. `dailyStatistics` derives them from hourly data.
 */
export interface DailyAqiInput {
  pm25?: number | null;
  pm10?: number | null;
  o3_1h?: number | null;
  o3_8h?: number | null;
  co?: number | null;
  so2?: number | null;
  no2?: number | null;
}

/**
 * AQI^h (section 2.2.1): Nowcast for PM10/PM2.5 (Công thức 2), the 1-hour mean for O3 (1h column),
 * CO, SO2 and NO2 (Công thức 1); the index is the largest sub-index.
 *
 * Returns null when neither PM10 nor PM2.5 yields a value: the decision makes one of them
 * mandatory ("bắt buộc phải có tối thiểu 01 trong 02 thông số PM10, PM2.5"). Other missing
 * pollutants are left out and listed in `missing`.
 */
export function hourlyAqi(input: HourlyAqiInput, options: NowcastOptions = {}): AqiResult | null {
  const pm25 = input.pm25 ? nowcastDetail(input.pm25, options) : null;
  const pm10 = input.pm10 ? nowcastDetail(input.pm10, options) : null;
  const subs = [
    subIndex('pm25', pm25?.value),
    subIndex('pm10', pm10?.value),
    subIndex('o3_1h', input.o3),
    subIndex('co', input.co),
    subIndex('so2', input.so2),
    subIndex('no2', input.no2),
  ];
  const nowcast: Partial<Record<'pm25' | 'pm10', number>> = {};
  if (pm25) nowcast.pm25 = pm25.value;
  if (pm10) nowcast.pm10 = pm10.value;
  const result = combine(subs);
  return result ? { ...result, nowcast } : null;
}

/**
 * AQI^d (section 2.2.2). Ozone's daily sub-index is the larger of its 1-hour-max index (O3 1h
 * column) and its 8-hour-max index (O3 8h column), as the decision's worked example (2.3.c)
 * computes both; above 400 µg/m³ the 8-hour value is not indexed and only the 1-hour one counts.
 * Same PM rule as the hourly index.
 */
export function dailyAqi(input: DailyAqiInput): AqiResult | null {
  return combine([
    subIndex('pm25', input.pm25),
    subIndex('pm10', input.pm10),
    subIndex('o3_1h', input.o3_1h),
    subIndex('o3_8h', input.o3_8h),
    subIndex('co', input.co),
    subIndex('so2', input.so2),
    subIndex('no2', input.no2),
  ]);
}

function combine(candidates: readonly (SubIndex | null)[]): Omit<AqiResult, 'nowcast'> | null {
  const subs = candidates.filter((s): s is SubIndex => s !== null);
  const hasPm = subs.some((s) => s.column === 'pm25' || s.column === 'pm10');
  if (!hasPm) return null;
  // Stable sort keeps the table's column order among equal values, so `dominant` is deterministic.
  subs.sort((a, b) => b.value - a.value);
  const top = subs[0];
  if (!top) return null;
  const covered = new Set(subs.map((s) => columnPollutant(s.column)));
  const aqi = Math.min(500, roundAqi(top.value));
  return {
    aqi,
    category: aqiCategory(aqi),
    dominant: top.column,
    subIndices: subs,
    exceedsScale: subs.some((s) => s.exceedsScale),
    missing: AQI_POLLUTANTS.filter((p) => !covered.has(p)),
  };
}
