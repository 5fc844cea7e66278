/**
 * Nowcast for PM2.5 and PM10, section 2.2.1.a of Quyết định 1459/QĐ-TCMT (see ./source.ts).
 *
 * c1 … c12 are the last twelve 1-hour means, c1 the current hour. w* = Cmin / Cmax over them.
 *   - w* > 1/2: w = w*,  Nowcast = Σ w^(i−1)·ci / Σ w^(i−1)
 *   - w* ≤ 1/2: w = 1/2, Nowcast = Σ (1/2)^i·ci
 * A missing ci gets weight 0, and Nowcast is only computed when at least 2 of c1, c2, c3 exist.
 *
 * The w = 1/2 form is the decision's closed form of the weighted mean for a complete day: with all
 * 12 hours Σ (1/2)^(i−1) = 2 − 2^−11 ≈ 2, so dividing by it and multiplying (1/2)^(i−1) by 1/2
 * agree to 0.02 %. With hours missing the literal form no longer divides by the weights present
 * and reads low (c1 missing → about half the true level). `halfWeight: 'normalised'` uses the
 * weighted mean instead; the default is the decision's text, because that is what official
 * stations publish and the wall must agree with them.
 */

export interface NowcastOptions {
  halfWeight?: 'decision' | 'normalised';
}

export interface NowcastResult {
  value: number;
  /** The weight used: max(w*, 1/2). */
  weight: number;
  /** Hours (of the 12) that had data. */
  hours: number;
}

const HOURS = 12;

function present(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && Number.isFinite(v) && v >= 0;
}

/**
 * @param hourly 1-hour means, index 0 = the current hour (c1), index 11 = c12; null/undefined for
 *   an hour without data. Entries past the twelfth are ignored; a shorter array means the older
 *   hours are missing. Negative or non-finite values are treated as missing (bad data).
 */
export function nowcastDetail(
  hourly: readonly (number | null | undefined)[],
  options: NowcastOptions = {},
): NowcastResult | null {
  const c = hourly.slice(0, HOURS);
  const recent = c.slice(0, 3).filter(present).length;
  if (recent < 2) return null;
  const values = c.filter(present);
  const cMax = Math.max(...values);
  const cMin = Math.min(...values);
  // All twelve hours at 0 µg/m³: w* is 0/0; every weighting gives 0.
  if (cMax === 0) return { value: 0, weight: 1, hours: values.length };
  const wStar = cMin / cMax;
  if (wStar > 0.5) {
    return { value: weightedMean(c, wStar), weight: wStar, hours: values.length };
  }
  if (options.halfWeight === 'normalised') {
    return { value: weightedMean(c, 0.5), weight: 0.5, hours: values.length };
  }
  let sum = 0;
  c.forEach((ci, idx) => {
    // i = idx + 1, so the decision's (1/2)^i is 0.5^(idx+1).
    if (present(ci)) sum += 0.5 ** (idx + 1) * ci;
  });
  return { value: sum, weight: 0.5, hours: values.length };
}

/** The Nowcast concentration (µg/m³), or null when the decision says there is no value. */
export function nowcast(
  hourly: readonly (number | null | undefined)[],
  options: NowcastOptions = {},
): number | null {
  return nowcastDetail(hourly, options)?.value ?? null;
}

function weightedMean(c: readonly (number | null | undefined)[], w: number): number {
  let num = 0;
  let den = 0;
  c.forEach((ci, idx) => {
    if (!present(ci)) return;
    const weight = w ** idx;
    num += weight * ci;
    den += weight;
  });
  return num / den;
}

/**
 * Picks the last `count` hourly means ending at `currentHour` out of a sparse series, most recent
 * first — the shape `nowcast` wants. Hours are identified by any fixed per-hour timestamp (the
 * caller's convention, e.g. bucket start in epoch ms); a gap in the series becomes null.
 */
export function lastHours(
  series: readonly { hour: number; value: number }[],
  currentHour: number,
  count = HOURS,
): (number | null)[] {
  const byHour = new Map(series.map((p) => [p.hour, p.value]));
  const out: (number | null)[] = [];
  for (let i = 0; i < count; i++) out.push(byHour.get(currentHour - i * 3_600_000) ?? null);
  return out;
}
