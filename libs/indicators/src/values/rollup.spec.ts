import { describe, expect, it } from 'vitest';
import { indexIndicators, loadCatalogue } from '../catalogue/load';
import type { Indicator } from '../catalogue/schema';
import { createUnitLookup } from '../units';
import { resolveValue, rollUp, unitValue, type ReportFigures } from './rollup';

const catalogue = indexIndicators(loadCatalogue());
const get = (code: string): Indicator => {
  const i = catalogue.get(code);
  if (i === undefined) throw new Error(code);
  return i;
};
const vneid = get('dx.vneid_accounts'); // ratio, percent
const reports = (list: ReportFigures[]): Map<string, ReportFigures> =>
  new Map(list.map((r) => [r.unitCode, r]));
const ratio = (unitCode: string, numerator: number, denominator: number): ReportFigures => ({
  unitCode,
  value: (numerator / denominator) * 100,
  numerator,
  denominator,
});

describe('ratio rollup', () => {
  // A big urban ward at 90 % and two small communes at 50 % and 20 %.
  const r = reports([ratio('A', 54_000, 60_000), ratio('B', 1_000, 2_000), ratio('C', 600, 3_000)]);

  it('is Σ numerators / Σ denominators, not the mean of the percentages', () => {
    const result = rollUp(vneid, ['A', 'B', 'C'], r);
    const hand = ((54_000 + 1_000 + 600) / (60_000 + 2_000 + 3_000)) * 100; // 85.538…
    const meanOfPercentages = (90 + 50 + 20) / 3; // 53.33…
    expect(result.value).toBeCloseTo(hand, 9);
    expect(result.value).not.toBeCloseTo(meanOfPercentages, 0);
    expect(result).toMatchObject({
      numerator: 55_600,
      denominator: 65_000,
      coverage: { reporting: 3, expected: 3, missing: [] },
    });
  });

  it('reports partial coverage and leaves silent children out of both sums', () => {
    const result = rollUp(vneid, ['A', 'B', 'C', 'D'], r);
    expect(result.coverage).toEqual({ reporting: 3, expected: 4, missing: ['D'] });
    expect(result.denominator).toBe(65_000);
  });

  it('gives no value when no child reported', () => {
    expect(rollUp(vneid, ['X', 'Y'], r)).toMatchObject({
      value: null,
      coverage: { reporting: 0, expected: 2 },
    });
  });

  it('takes a unit’s own value from numerator/denominator when both are stored', () => {
    expect(unitValue(vneid, { value: 10, numerator: 1, denominator: 4 })).toBe(25);
    expect(unitValue(vneid, { value: 82.5, numerator: null, denominator: null })).toBe(82.5);
  });
});

describe('other rollup rules', () => {
  const flag = (unitCode: string, value: number): ReportFigures => ({
    unitCode,
    value,
    numerator: null,
    denominator: null,
  });

  it('share_of_units: share of all children that met the milestone (silent = not met)', () => {
    const ioc = get('city.ioc_coverage');
    const r = reports([flag('A', 1), flag('B', 0), flag('C', 1)]);
    expect(rollUp(ioc, ['A', 'B', 'C', 'D'], r).value).toBe(50);
  });

  it('min: the weakest commune decides (innovation points per commune)', () => {
    const points = get('inno.innovation_points_per_commune');
    expect(
      rollUp(points, ['A', 'B', 'C'], reports([flag('A', 3), flag('B', 1), flag('C', 2)])).value,
    ).toBe(1);
  });

  it('all: reached only when every child reached', () => {
    const smart = get('city.advanced_social_services');
    expect(rollUp(smart, ['A', 'B'], reports([flag('A', 1), flag('B', 1)])).value).toBe(1);
    expect(rollUp(smart, ['A', 'B'], reports([flag('A', 1), flag('B', 0)])).value).toBe(0);
    expect(rollUp(smart, ['A', 'B'], reports([flag('A', 1)])).value).toBe(0);
  });

  it('sum: adds counts of the children that reported', () => {
    const counts: Pick<Indicator, 'unit' | 'rollup'> = { unit: 'count', rollup: 'sum' };
    expect(rollUp(counts, ['A', 'B'], reports([flag('A', 3), flag('B', 4)])).value).toBe(7);
  });

  it('none: province-only indicators are never rolled up', () => {
    expect(rollUp(get('inno.pii_rank'), ['A'], reports([flag('A', 3)])).value).toBeNull();
  });
});

describe('resolveValue', () => {
  const units = createUnitLookup([
    { code: '48', level: 'province', parentCode: null },
    { code: 'A', level: 'ward', parentCode: '48' },
    { code: 'B', level: 'commune', parentCode: '48' },
  ]);

  it('uses the province’s own report when present and shows the rolled-up value alongside', () => {
    const r = reports([
      ratio('A', 900, 1000),
      ratio('B', 100, 1000),
      { unitCode: '48', value: 60, numerator: null, denominator: null },
    ]);
    const v = resolveValue(vneid, '48', units, r);
    expect(v).toMatchObject({ own: 60, used: 'own', value: 60 });
    expect(v.rolledUp?.value).toBeCloseTo(50, 9);
  });

  it('falls back to the rolled-up value without an own report', () => {
    const v = resolveValue(vneid, '48', units, reports([ratio('A', 900, 1000)]));
    expect(v).toMatchObject({
      own: null,
      used: 'rolled_up',
      value: 90,
      rolledUp: { coverage: { reporting: 1, expected: 2, missing: ['B'] } },
    });
  });

  it('a ward has only its own value', () => {
    expect(resolveValue(vneid, 'A', units, reports([ratio('A', 900, 1000)]))).toMatchObject({
      own: 90,
      rolledUp: null,
      used: 'own',
    });
  });
});
