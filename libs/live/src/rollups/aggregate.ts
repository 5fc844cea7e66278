/** count, sum, min, max of a set of readings: the rollup cell. Means are derived, never stored. */
export interface Aggregate {
  n: number;
  sum: number;
  min: number;
  max: number;
}

/** Two cells of the same bucket (two devices, two wards) combined: Σn, Σsum, min, max. */
export function combine(a: Aggregate, b: Aggregate): Aggregate {
  return {
    n: a.n + b.n,
    sum: a.sum + b.sum,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
  };
}

/** Σsum / Σn — the only correct mean of a combined cell (a mean of means would weight wards wrongly). */
export function meanOf(a: Aggregate): number | null {
  return a.n > 0 ? a.sum / a.n : null;
}

export function withMean<T extends Aggregate>(a: T): T & { mean: number | null } {
  return { ...a, mean: meanOf(a) };
}
