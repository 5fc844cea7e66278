import { describe, expect, it } from 'vitest';
import { applyTargetPatch, targetCreateSchema } from '../admin/inputs';
import { indexIndicators, loadCatalogue } from '../catalogue/load';
import type { Indicator } from '../catalogue/schema';
import type { CurrentReport, ReportVersion } from '../repo/report.repository';
import { createUnitLookup } from '../units';
import { choropleth } from './choropleth';
import { historyView } from './history';
import { scorecardEntry } from './scorecard';
import { unitSeries } from './series';
import { applicableTargets, type UnitTarget } from './targets';

const catalogue = indexIndicators(loadCatalogue());
const get = (code: string): Indicator => {
  const i = catalogue.get(code);
  if (i === undefined) throw new Error(code);
  return i;
};
const dossiers = get('dx.dossiers_processed_online'); // ratio, percent
const software = get('dx.unified_governance_software'); // share_of_units

const units = createUnitLookup([
  { code: '48', level: 'province', parentCode: null },
  { code: 'A', level: 'ward', parentCode: '48' },
  { code: 'B', level: 'ward', parentCode: '48' },
  { code: 'C', level: 'commune', parentCode: '48' },
]);

let nextId = 1;
function report(
  unitCode: string,
  period: string,
  numerator: number,
  denominator: number,
  submittedAt = '2026-04-05T00:00:00Z',
): CurrentReport {
  return {
    id: nextId++,
    indicator: dossiers.code,
    unitCode,
    period,
    periodStart: `${period}-01`,
    periodEnd: `${period}-28`,
    value: (numerator / denominator) * 100,
    numerator,
    denominator,
    note: null,
    feed: 'f',
    submissionId: nextId,
    submittedAt: new Date(submittedAt),
  };
}

const target = (
  unitCode: string,
  year: number,
  value: number,
  source = 'DOC',
): UnitTarget & { indicator: string } => ({
  indicator: dossiers.code,
  unitCode,
  year,
  op: '>=',
  value,
  source,
  ref: null,
  id: `${unitCode}-${year}`,
});

describe('applicableTargets', () => {
  const ward = units.get('A');
  if (ward === undefined) throw new Error('A');

  it("holds a ward without targets of its own to its province's, saying so", () => {
    const t = applicableTargets(dossiers, ward, [target('48', 2025, 90), target('48', 2030, 95)]);
    expect(t.map((x) => [x.unitCode, x.year, x.op, x.inheritedFrom])).toEqual([
      ['A', 2025, '>=', '48'],
      ['A', 2030, '>=', '48'],
    ]);
  });

  it('uses only the ward’s own plan when it has one', () => {
    const t = applicableTargets(dossiers, ward, [target('48', 2025, 90), target('A', 2035, 100)]);
    expect(t.map((x) => [x.unitCode, x.year, x.inheritedFrom])).toEqual([['A', 2035, null]]);
  });

  it('turns "X % of communes" into "reached" for the ward of a share-of-units indicator', () => {
    const t = applicableTargets(software, ward, [target('48', 2030, 100)]);
    expect(t).toMatchObject([{ op: 'reached', year: 2030, inheritedFrom: '48' }]);
  });

  it('does not hand a province total down to a ward for additive indicators', () => {
    expect(
      applicableTargets({ ...dossiers, rollup: 'sum' }, ward, [target('48', 2030, 5)]),
    ).toEqual([]);
  });
});

describe('unitSeries and scorecardEntry', () => {
  const reports = [
    report('A', '2026-02', 540, 600),
    report('B', '2026-02', 20, 100),
    report('A', '2026-03', 570, 600, '2026-04-08T00:00:00Z'),
    report('B', '2026-03', 30, 100, '2026-04-09T00:00:00Z'),
    report('48', '2026-03', 820, 1000, '2026-04-10T00:00:00Z'),
  ];

  it('rolls wards up by Σ/Σ and uses the province’s own report when there is one', () => {
    const series = unitSeries(dossiers, '48', units, reports);
    expect(series.map((p) => [p.period, p.used])).toEqual([
      ['2026-02', 'rolled_up'],
      ['2026-03', 'own'],
    ]);
    expect(series[0]?.value).toBeCloseTo((560 / 700) * 100, 9);
    expect(series[0]?.rolledUp?.coverage).toEqual({ reporting: 2, expected: 3, missing: ['C'] });
    expect(series[1]).toMatchObject({ own: 82, numerator: 820, denominator: 1000 });
    expect(series[1]?.rolledUp?.value).toBeCloseTo((600 / 700) * 100, 9);
    expect(series[0]?.latest?.submittedAt.toISOString()).toBe('2026-04-05T00:00:00.000Z');
  });

  it('scores the year on its latest period, with coverage, trend and the report it rests on', () => {
    const entry = scorecardEntry({
      indicator: dossiers,
      unitCode: '48',
      year: 2026,
      units,
      reports,
      targets: [
        { ...target('48', 2025, 70), inheritedFrom: null },
        { ...target('48', 2030, 90), inheritedFrom: null },
      ],
    });
    // 2026 expects 70 + (90 − 70) × 1/5 = 74; the March own value 82 is on track.
    expect(entry.status).toBe('on_track');
    expect(entry.evaluations[0]?.basis).toBe('interpolated');
    expect(entry.value?.period).toBe('2026-03');
    expect(entry.coverage).toMatchObject({ reporting: 2, expected: 3 });
    expect(entry.trend.direction).toBe('improving');
    expect(entry.trend.points.map((p) => p.period)).toEqual(['2026-02', '2026-03']);
    expect(entry.latestReport?.unitCode).toBe('48');
    expect(entry.targets).toEqual([]);
  });

  it('maps every ward, greying out the silent one', () => {
    const map = choropleth({
      indicator: dossiers,
      provinceCode: '48',
      year: 2026,
      period: '2026-03',
      units,
      reports,
      targetsOf: (u) =>
        applicableTargets(dossiers, units.get(u) ?? { code: u, level: 'ward', parentCode: '48' }, [
          target('48', 2026, 85),
        ]),
    });
    expect(map.cells.map((c) => [c.unitCode, c.status])).toEqual([
      ['A', 'on_track'],
      ['B', 'off_track'],
      ['C', 'no_data'],
    ]);
    expect(map.province).toMatchObject({ used: 'own', own: 82, status: 'at_risk' });
    expect(map.province.rolledUp?.coverage.reporting).toBe(2);
  });
});

describe('historyView', () => {
  const version = (id: number, period: string, current: boolean, at: string): ReportVersion => ({
    id,
    period,
    value: id,
    numerator: null,
    denominator: null,
    note: null,
    current,
    feed: 'f',
    submissionId: id,
    submittedBy: 'x',
    submittedAt: new Date(at),
    filename: null,
    rowNo: 1,
    supersededAt: null,
    supersededBy: null,
    replaced: null,
  });

  it('lists periods newest first with every version, newest first', () => {
    const periods = historyView(
      [
        version(1, '2026-02', false, '2026-03-05T00:00:00Z'),
        version(2, '2026-02', true, '2026-03-09T00:00:00Z'),
        version(3, '2026-03', true, '2026-04-05T00:00:00Z'),
      ],
      [],
    );
    expect(periods.map((p) => [p.period, p.current?.id, p.versions.map((v) => v.id)])).toEqual([
      ['2026-03', 3, [3]],
      ['2026-02', 2, [2, 1]],
    ]);
  });
});

describe('admin target input', () => {
  const base = { indicator: dossiers.code, unitCode: '48', year: 2030, why: 'kế hoạch' };

  it('builds the comparator from op and its numbers, refusing mismatches', () => {
    expect(
      targetCreateSchema.parse({ ...base, op: 'between', min: 35, max: 40 }).target.rule,
    ).toEqual({ op: 'between', min: 35, max: 40 });
    expect(targetCreateSchema.safeParse({ ...base, op: '>=', min: 1, max: 2 }).success).toBe(false);
    expect(targetCreateSchema.safeParse({ ...base, op: 'reached', value: 1 }).success).toBe(false);
    expect(
      targetCreateSchema.safeParse({ ...base, op: '>=', value: 90, why: undefined }).success,
    ).toBe(false);
  });

  it('applies an edit: numbers alone adjust the comparator, a new op replaces it', () => {
    const current = {
      year: 2030,
      rule: { op: '>=' as const, value: 90 },
      source: 'DOC',
      ref: null,
    };
    expect(applyTargetPatch(current, { value: 95, why: 'x' })).toEqual({
      change: { ...current, rule: { op: '>=', value: 95 } },
    });
    expect(applyTargetPatch(current, { op: 'between', min: 90, max: 95, why: 'x' })).toEqual({
      change: { ...current, rule: { op: 'between', min: 90, max: 95 } },
    });
    expect(applyTargetPatch(current, { min: 1, why: 'x' })).toEqual({ error: '>= takes a value' });
  });
});
