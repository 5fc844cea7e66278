/**
 * Bảng 2 of Quyết định 1459/QĐ-TCMT (see ./source.ts): breakpoint concentrations BPi in µg/m³
 * for the index values Ii = 0, 50, 100, 150, 200, 300, 400, 500.
 *
 * The decision writes the last row as "≥ BP8": a concentration at or above it maps to 500, the top
 * of the scale. O3 (8h) stops at level 6 (400 µg/m³ → 300): the decision does not compute the
 * 8-hour ozone index above that and uses the 1-hour ozone value instead (2.2.2.b).
 */

/** The pollutants the decision uses, by their metric codes in the platform catalogue. */
export const AQI_POLLUTANTS = ['pm25', 'pm10', 'o3', 'co', 'so2', 'no2'] as const;
export type AqiPollutant = (typeof AQI_POLLUTANTS)[number];

/** A Bảng 2 column: a pollutant at an averaging time. Only ozone has two columns. */
export type AqiColumn = 'o3_1h' | 'o3_8h' | 'co' | 'so2' | 'no2' | 'pm10' | 'pm25';

/** Index values Ii, i = 1..8. */
export const AQI_LEVELS: readonly number[] = [0, 50, 100, 150, 200, 300, 400, 500];

/** BPi per column, aligned with AQI_LEVELS. CO is in µg/m³ like the others (10.000 = 10 mg/m³). */
export const AQI_BREAKPOINTS: Readonly<Record<AqiColumn, readonly number[]>> = {
  o3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
  o3_8h: [0, 100, 120, 170, 210, 400],
  co: [0, 10_000, 30_000, 45_000, 60_000, 90_000, 120_000, 150_000],
  so2: [0, 125, 350, 550, 800, 1600, 2100, 2630],
  no2: [0, 100, 200, 700, 1200, 2350, 3100, 3850],
  pm10: [0, 50, 150, 250, 350, 420, 500, 600],
  pm25: [0, 25, 50, 80, 150, 250, 350, 500],
};

/** The pollutant a column measures. */
export function columnPollutant(column: AqiColumn): AqiPollutant {
  return column === 'o3_1h' || column === 'o3_8h' ? 'o3' : column;
}
