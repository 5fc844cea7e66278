/**
 * Uptime of one device over a period, from the times it reported.
 *
 * Down time = every gap between consecutive reports longer than 2 × the expected interval, whole
 * (a device that reports every 5 min and then nothing for 40 min was down 40 min, not 30: we
 * cannot tell when in the gap it failed, and the IOC cares about the stretch without data).
 * Gaps are clipped to the period. The period edges count as gaps too: the stretch from the start
 * to the first report (or from the last report before the start, when the caller includes it)
 * and from the last report to the end (or to the first report after it).
 *
 * Times are epoch milliseconds: a day of 1-minute data is a flat number array, no Date objects.
 */

export interface UptimePeriod {
  fromMs: number;
  toMs: number;
}

/**
 * Shaped as an indicator value: numerator = seconds up, denominator = seconds expected. Units and
 * the province add numerators and denominators, never average ratios (ARCHITECTURE §1).
 */
export interface UptimeValue {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null for an empty period. */
  ratio: number | null;
}

export const DOWN_GAP_FACTOR = 2;

export function uptimeValue(numerator: number, denominator: number): UptimeValue {
  return { numerator, denominator, ratio: denominator > 0 ? numerator / denominator : null };
}

/**
 * @param times report times, sorted ascending (duplicates allowed). Times outside the period are
 *   used only as the nearest neighbours of the period's edges.
 */
export function deviceUptime(
  times: readonly number[],
  period: UptimePeriod,
  expectedIntervalS: number,
): UptimeValue {
  if (!(expectedIntervalS > 0))
    throw new RangeError(`expectedIntervalS must be > 0, got ${expectedIntervalS}`);
  const { fromMs, toMs } = period;
  if (!(toMs > fromMs)) return uptimeValue(0, 0);
  const maxGapMs = DOWN_GAP_FACTOR * expectedIntervalS * 1000;

  // Edge anchors: the last report at/before the start (else the start itself) and the first
  // report at/after the end (else the end itself).
  let left = fromMs;
  let right = toMs;
  const inside: number[] = [];
  for (const t of times) {
    if (!Number.isFinite(t)) continue;
    if (t <= fromMs) left = t;
    else if (t < toMs) inside.push(t);
    else {
      right = t;
      break;
    }
  }

  let downMs = 0;
  let prev = left;
  for (const t of [...inside, right]) {
    if (t - prev > maxGapMs) downMs += Math.min(t, toMs) - Math.max(prev, fromMs);
    prev = t;
  }
  const totalS = (toMs - fromMs) / 1000;
  return uptimeValue(totalS - downMs / 1000, totalS);
}
