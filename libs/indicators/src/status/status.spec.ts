import { describe, expect, it } from 'vitest';
import { indexIndicators, loadCatalogue } from '../catalogue/load';
import { baselineOf, evaluateStatus, valueForYear, type Status, type StatusResult } from './status';

const catalogue = loadCatalogue();
const indicators = indexIndicators(catalogue);

/** Evaluates a real catalogue indicator × unit against the real plan targets. */
function status(
  code: string,
  unit: string,
  year: number,
  value: number | null,
  baseline?: { year: number; value: number },
): StatusResult {
  const indicator = indicators.get(code);
  if (indicator === undefined) throw new Error(code);
  const targets = catalogue.targets.filter((t) => t.indicator === code && t.unitCode === unit);
  return evaluateStatus({
    indicator,
    unitCode: unit,
    year,
    value,
    targets,
    baseline: baseline ?? null,
  });
}

/**
 * Hand computations (default margin 10 %):
 * at_risk band for ">= T" is [0.9·T, T); for "<= T" on a rank it is (T, T + max(0.1·T, 1)].
 * Interpolation: expected(Y) = a + (T − a)(Y − Ya)/(Yt − Ya).
 */
const cases: [
  string,
  string,
  string,
  number,
  number | null,
  { year: number; value: number } | undefined,
  Status,
][] = [
  // dx.vneid_accounts, Đà Nẵng: 2025 ≥ 50, 2030 ≥ 80 (KH 122)
  ['target year met', 'dx.vneid_accounts', '48', 2025, 62, undefined, 'on_track'],
  ['target year within 10 %: 46 ≥ 45', 'dx.vneid_accounts', '48', 2025, 46, undefined, 'at_risk'],
  ['target year far short', 'dx.vneid_accounts', '48', 2025, 40, undefined, 'off_track'],
  [
    'interpolated 2027: 50 + 30·2/5 = 62; 63 ≥ 62',
    'dx.vneid_accounts',
    '48',
    2027,
    63,
    undefined,
    'on_track',
  ],
  ['interpolated 2027: 57 ≥ 55.8', 'dx.vneid_accounts', '48', 2027, 57, undefined, 'at_risk'],
  ['interpolated 2027: 55 < 55.8', 'dx.vneid_accounts', '48', 2027, 55, undefined, 'off_track'],
  ['no data', 'dx.vneid_accounts', '48', 2026, null, undefined, 'no_data'],
  ['no target anywhere for Đồng Nai', 'dx.vneid_accounts', '75', 2026, 70, undefined, 'no_target'],
  // inno.pii_rank (lower is better), Đà Nẵng 2030 ≤ 5 in two plans
  ['rank 4 ≤ 5', 'inno.pii_rank', '48', 2030, 4, undefined, 'on_track'],
  ['rank 6: one place short', 'inno.pii_rank', '48', 2030, 6, undefined, 'at_risk'],
  ['rank 8', 'inno.pii_rank', '48', 2030, 8, undefined, 'off_track'],
  // Đồng Nai PII ≤ 4 in 2030 only; baseline rank 10 in 2026 → 2028 expects 10 + (4 − 10)·2/4 = 7
  [
    'interpolated rank from baseline: 7 ≤ 7',
    'inno.pii_rank',
    '75',
    2028,
    7,
    { year: 2026, value: 10 },
    'on_track',
  ],
  [
    'interpolated rank 8 ≤ 7 + 1',
    'inno.pii_rank',
    '75',
    2028,
    8,
    { year: 2026, value: 10 },
    'at_risk',
  ],
  ['interpolated rank 9', 'inno.pii_rank', '75', 2028, 9, { year: 2026, value: 10 }, 'off_track'],
  // between 8–10 % (patents commercialised), higher is better
  ['inside the range', 'st.patent_commercialisation_share', '48', 2030, 9, undefined, 'on_track'],
  ['above the range', 'st.patent_commercialisation_share', '48', 2030, 12, undefined, 'on_track'],
  ['below: 7.5 ≥ 7.2', 'st.patent_commercialisation_share', '48', 2030, 7.5, undefined, 'at_risk'],
  ['below: 7 < 7.2', 'st.patent_commercialisation_share', '48', 2030, 7, undefined, 'off_track'],
  // digital economy: 2025 = 20, 2030 between 35–40 → 2027 between 26–28
  [
    'interpolated range: 27 ∈ [26, 28]',
    'dx.digital_economy_grdp',
    '48',
    2027,
    27,
    undefined,
    'on_track',
  ],
  [
    'interpolated range: 24 ≥ 23.4',
    'dx.digital_economy_grdp',
    '48',
    2027,
    24,
    undefined,
    'at_risk',
  ],
  // milestones (An Hải IOC, reached by 2035)
  ['milestone reached in its year', 'city.ioc_coverage', '20275', 2035, 1, undefined, 'on_track'],
  ['milestone missed in its year', 'city.ioc_coverage', '20275', 2035, 0, undefined, 'off_track'],
  [
    'milestone not yet due and not yet reached',
    'dx.unified_governance_software',
    '20275',
    2030,
    0,
    undefined,
    'at_risk',
  ],
  [
    'milestone reached early',
    'dx.unified_governance_software',
    '20275',
    2030,
    1,
    undefined,
    'on_track',
  ],
  // conflicting plans: headline is the strictest
  [
    '5G 2030: 99.5 meets 99 % but not 100 %',
    'infra.5g_coverage',
    '48',
    2030,
    99.5,
    undefined,
    'at_risk',
  ],
  [
    'VNeID An Hải 2035: ≥ 95 vs = 100',
    'dx.vneid_accounts',
    '20275',
    2035,
    96,
    undefined,
    'at_risk',
  ],
  // after the last milestone the last target keeps applying
  [
    'carried forward: signatures Đồng Nai 2028, 48 ≥ 45',
    'dx.digital_signature_share',
    '75',
    2028,
    48,
    undefined,
    'at_risk',
  ],
  [
    'carried forward rank',
    'inno.vietnam_innovation_index_rank',
    '48',
    2046,
    3,
    undefined,
    'on_track',
  ],
  // only a later target: baseline 60 (2025) → 2026 expects 60 + 25/5 = 65
  [
    'baseline interpolation: 66 ≥ 65',
    'dx.online_public_service_usage',
    '48',
    2026,
    66,
    { year: 2025, value: 60 },
    'on_track',
  ],
  [
    'baseline interpolation: 60 ≥ 58.5',
    'dx.online_public_service_usage',
    '48',
    2026,
    60,
    { year: 2025, value: 60 },
    'at_risk',
  ],
  [
    'no baseline: judged against the final target, 75 ≥ 72',
    'dx.online_public_service_usage',
    '75',
    2027,
    75,
    undefined,
    'at_risk',
  ],
  // officials trained: 2025 ≥ 80 → 2030 = 100 → 2028 expects 92
  [
    'interpolated toward "= 100": 90 ≥ 82.8',
    'hr.commune_officials_basic_digital_training',
    '48',
    2028,
    90,
    undefined,
    'at_risk',
  ],
  [
    'interpolated toward "= 100": 93 ≥ 92',
    'hr.commune_officials_basic_digital_training',
    '48',
    2028,
    93,
    undefined,
    'on_track',
  ],
];

describe('evaluateStatus on real catalogue targets', () => {
  it.each(cases)('%s (%s %s %i = %s)', (_label, code, unit, year, value, baseline, expected) => {
    expect(status(code, unit, year, value, baseline).status).toBe(expected);
  });

  it('has at least 20 hand-computed cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('returns every plan’s evaluation with its source when plans conflict', () => {
    const r = status('infra.5g_coverage', '48', 2030, 99.5);
    expect(r.evaluations.map((e) => [e.source, e.expected, e.status])).toEqual([
      ['DN-KH63-2025', { op: '=', value: 100 }, 'at_risk'],
      ['DN-KH63-2025', { op: '=', value: 99 }, 'on_track'],
      ['DN-KH122-2025', { op: '=', value: 100 }, 'at_risk'],
      ['DN-KH122-2025', { op: '=', value: 99 }, 'on_track'],
    ]);
  });

  it('shows the interpolated expectation and where it comes from', () => {
    const r = status('dx.vneid_accounts', '48', 2027, 63);
    expect(r.evaluations).toHaveLength(1);
    const e = r.evaluations[0];
    expect(e?.basis).toBe('interpolated');
    expect(e?.from).toEqual({ year: 2025, value: 50, kind: 'target', source: 'DN-KH122-2025' });
    expect(e?.expected.op === '>=' && e.expected.value).toBeCloseTo(62, 9);
    const g = status('dx.digital_economy_grdp', '48', 2027, 27).evaluations[0]?.expected;
    expect(g?.op === 'between' && [g.min, g.max]).toEqual([26, 28]);
  });

  it('marks a pending milestone and no-data evaluations', () => {
    expect(status('city.ioc_coverage', '20275', 2030, 0).evaluations[0]?.basis).toBe(
      'milestone_pending',
    );
    expect(status('dx.vneid_accounts', '48', 2025, null).evaluations.map((e) => e.status)).toEqual([
      'no_data',
    ]);
  });
});

describe('year values', () => {
  const values = [
    { period: '2026-01', value: 70 },
    { period: '2026-03', value: 72 },
    { period: '2026-Q1', value: 71 },
    { period: '2025-12', value: 68 },
    { period: '2025', value: 67.5 },
  ];

  it('uses the latest period of the year, the longer period on a tie (Q1 over March, year over December)', () => {
    expect(valueForYear(values, 2026)).toEqual({ period: '2026-Q1', value: 71 });
    expect(valueForYear(values.slice(0, 2), 2026)).toEqual({ period: '2026-03', value: 72 });
    expect(valueForYear(values, 2025)).toEqual({ period: '2025', value: 67.5 });
    expect(valueForYear(values, 2024)).toBeNull();
  });

  it('takes the first reported value as the baseline', () => {
    expect(baselineOf(values)).toEqual({ year: 2025, value: 67.5 });
  });
});
