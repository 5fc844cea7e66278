import { AQI_BREAKPOINTS, AQI_LEVELS, type AqiColumn } from './breakpoints';
import { roundAqi } from './rounding';

/** The index of one pollutant column (the decision's AQIx). */
export interface SubIndex {
  column: AqiColumn;
  /** The concentration used (µg/m³): a 1-hour value, a Nowcast, or a daily statistic. */
  concentration: number;
  /** Unrounded interpolation, capped at 500: keeps the ordering between pollutants exact. */
  value: number;
  /** Rounded integer, as published. */
  aqi: number;
  /**
   * The concentration is above the column's top breakpoint, so the decision's scale ends before
   * it: the index is capped at 500 and flagged so the wall can say "> 500" rather than "500".
   */
  exceedsScale: boolean;
}

/**
 * Công thức 1/2 of the decision: linear interpolation between the breakpoints that bracket the
 * concentration, AQIx = Ii + (Ii+1 − Ii) × (Cx − BPi) / (BPi+1 − BPi).
 *
 * Returns null when there is nothing the decision lets us compute: a missing, non-finite or
 * negative concentration (sensors drift below zero; that is bad data, not clean air), or an
 * 8-hour ozone mean above the last O3 (8h) breakpoint, for which the decision uses 1-hour ozone.
 */
export function subIndex(
  column: AqiColumn,
  concentration: number | null | undefined,
): SubIndex | null {
  if (concentration === null || concentration === undefined) return null;
  if (!Number.isFinite(concentration) || concentration < 0) return null;
  const bps = AQI_BREAKPOINTS[column];
  const top = bps.length - 1;
  const topBp = bps[top] ?? 0;
  if (concentration > topBp) {
    // O3 (8h) has no rows above 400 µg/m³: the decision says not to compute it there.
    if (column === 'o3_8h') return null;
    return { column, concentration, value: 500, aqi: 500, exceedsScale: true };
  }
  for (let i = 0; i < top; i++) {
    const lo = bps[i] ?? 0;
    const hi = bps[i + 1] ?? 0;
    if (concentration <= hi) {
      const iLo = AQI_LEVELS[i] ?? 0;
      const iHi = AQI_LEVELS[i + 1] ?? 0;
      // Multiply before dividing: keeps the decision's own examples exact in floating point.
      const value = iLo + ((iHi - iLo) * (concentration - lo)) / (hi - lo);
      return { column, concentration, value, aqi: roundAqi(value), exceedsScale: false };
    }
  }
  // Unreachable: concentration ≤ topBp is bracketed by the loop.
  return null;
}
