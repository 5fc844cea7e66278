export interface RankedWard {
  code: string;
  value: number;
}

/**
 * The n best and n worst wards of a measure. With fewer than 2n wards reporting the lists would
 * share wards; the worst list then takes only those not already among the best.
 */
export function bestWorst(
  values: ReadonlyMap<string, number | null>,
  higherIsBetter: boolean,
  n: number,
): { best: RankedWard[]; worst: RankedWard[] } {
  const ranked: RankedWard[] = [];
  for (const [code, value] of values) {
    if (value !== null && Number.isFinite(value)) ranked.push({ code, value });
  }
  const sign = higherIsBetter ? -1 : 1;
  ranked.sort((a, b) => sign * (a.value - b.value) || (a.code < b.code ? -1 : 1));
  const best = ranked.slice(0, n);
  const rest = ranked.slice(best.length);
  const worst = rest.slice(Math.max(0, rest.length - n)).reverse();
  return { best, worst };
}
