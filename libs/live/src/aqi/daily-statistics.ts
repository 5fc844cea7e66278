/**
 * The daily concentrations of section 2.2.2.a of Quyết định 1459/QĐ-TCMT (see ./source.ts):
 * the 24-hour mean, the largest 1-hour mean and the largest 8-hour mean of one day.
 *
 * The decision's day runs from the hour ending 01:00 to the hour ending 00:00 of the next day
 * (local time), and each hour of it has an 8-hour mean over the 8 hours ending then — so the
 * first ones reach back 7 hours into the previous day (its example averages 18:00 … 01:00 for the
 * 01:00 value). Callers pass those 7 hours separately.
 *
 * Completeness: the decision does not say how many hours a mean needs. We require 75 % (18 of 24,
 * 6 of 8), the usual rule for air-quality averages, so that one surviving hour cannot stand for a
 * day; set the options to 1 to average whatever exists.
 */

export interface DailyStatisticsOptions {
  /** Hours with data needed for the 24-hour mean. Default 18. */
  minHoursFor24h?: number;
  /** Hours with data needed for an 8-hour mean. Default 6. */
  minHoursFor8h?: number;
}

export interface DailyStatistics {
  mean24h: number | null;
  max1h: number | null;
  max8h: number | null;
  /** Hours of the day that had data. */
  hours: number;
}

function present(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && Number.isFinite(v) && v >= 0;
}

function mean(values: readonly (number | null | undefined)[], minCount: number): number | null {
  const ok = values.filter(present);
  if (ok.length === 0 || ok.length < minCount) return null;
  return ok.reduce((a, b) => a + b, 0) / ok.length;
}

/**
 * @param day the 24 hourly means of the day in order (hour ending 01:00 first); null for a gap.
 * @param previous the 7 hourly means before the day (hour ending 18:00 … 00:00), oldest first; only
 *   the 8-hour means use them. Omit when unknown: the first 8-hour means then have fewer hours.
 */
export function dailyStatistics(
  day: readonly (number | null | undefined)[],
  previous: readonly (number | null | undefined)[] = [],
  options: DailyStatisticsOptions = {},
): DailyStatistics {
  const min24 = options.minHoursFor24h ?? 18;
  const min8 = options.minHoursFor8h ?? 6;
  const hours = day.slice(0, 24);
  const ok = hours.filter(present);
  const lead = previous.slice(-7);
  // Pad a short lead so index arithmetic stays aligned: the 8h mean ending at day[h] covers
  // series[h .. h+7] where series = lead(7) + day.
  const series = [...Array<null>(7 - lead.length).fill(null), ...lead, ...hours];
  let max8h: number | null = null;
  for (let h = 0; h < hours.length; h++) {
    const m = mean(series.slice(h, h + 8), min8);
    if (m !== null && (max8h === null || m > max8h)) max8h = m;
  }
  return {
    mean24h: mean(hours, min24),
    max1h: ok.length > 0 ? Math.max(...ok) : null,
    max8h,
    hours: ok.length,
  };
}
