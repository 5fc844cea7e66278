import { describe, expect, it } from 'vitest';
import { indexIndicators, loadCatalogue } from '../catalogue/load';
import { feedLiveness } from '../liveness/liveness';
import { validateReportRows } from '../report/validate';
import { danangWards, fixtureLookup } from '../testing/fixtures';
import { rollUp } from '../values/rollup';
import {
  DEMO_INDICATORS,
  PROVINCE_DEMO_FEED,
  PROVINCE_DEMO_INDICATOR,
  demoFeed,
  demoProvinceFeed,
  generateDemoReports,
} from './generate';

const wards = danangWards();
const options = { unitCodes: wards, lastPeriod: '2026-03', seed: 2026 };
const demo = generateDemoReports(options);
const feed = demoFeed(wards);
// After the latest late March report (≤ 20 days past 10 April), before April is due (10 May).
const now = new Date('2026-05-05T12:00:00+07:00');

describe('generateDemoReports', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(generateDemoReports(options)).toEqual(demo);
    expect(generateDemoReports({ ...options, seed: 1 }).submissions[0]).not.toEqual(
      demo.submissions[0],
    );
  });

  it('covers twelve months of the 94 wards, with some late, silent and corrected wards', () => {
    expect(wards).toHaveLength(94);
    const periods = new Set(demo.submissions.map((s) => s.period));
    expect([...periods].sort()).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(demo.lateUnits.length).toBeGreaterThan(3);
    expect(demo.silentUnits.length).toBeGreaterThan(0);
    expect(new Set(demo.submissions.map((s) => s.unitCode)).size).toBe(94);
  });

  it('produces rows that pass validation for the demo feed', () => {
    const ctx = {
      indicators: indexIndicators(loadCatalogue()),
      units: fixtureLookup(),
      feed,
      now,
    };
    for (const s of demo.submissions) {
      const { rejected } = validateReportRows(s.rows, ctx);
      expect(rejected).toEqual([]);
      expect(s.submittedAt.getTime()).toBeLessThan(now.getTime());
    }
  });

  it('shows the late and silent wards in liveness', () => {
    const reports = demo.submissions.flatMap((s) =>
      s.rows.map((r) => ({
        indicator: r.indicator,
        unitCode: s.unitCode,
        period: r.period,
        submittedAt: s.submittedAt,
      })),
    );
    const live = feedLiveness({
      feed,
      units: wards,
      indicators: DEMO_INDICATORS,
      reports,
      since: new Date('2025-04-01T00:00:00+07:00'),
      now,
    });
    const overdue = live.filter((l) => l.overdue).map((l) => l.unitCode);
    expect(overdue.sort()).toEqual([...demo.silentUnits].sort());
    const late = new Set(live.filter((l) => l.late.length > 0).map((l) => l.unitCode));
    for (const u of demo.lateUnits) expect(late.has(u)).toBe(true);
  });

  it('rolls the province VNeID rate up as Σnum/Σden of the wards', () => {
    // Submissions are in time order, so the last one per ward is its current (corrected) report.
    const current = new Map(
      demo.submissions.filter((s) => s.period === '2026-03').map((s) => [s.unitCode, s]),
    );
    const rows = [...current.values()].flatMap((s) =>
      s.rows.filter((r) => r.indicator === 'dx.vneid_accounts'),
    );
    const figures = new Map(
      rows.map((r) => [
        r.unitCode,
        { value: null, numerator: Number(r.numerator), denominator: Number(r.denominator) },
      ]),
    );
    const result = rollUp({ unit: 'percent', rollup: 'ratio' }, wards, figures);
    const num = rows.reduce((a, r) => a + Number(r.numerator), 0);
    const den = rows.reduce((a, r) => a + Number(r.denominator), 0);
    expect(result.value).toBeCloseTo((num / den) * 100, 9);
    expect(result.coverage.expected).toBe(94);
    expect(result.coverage.reporting).toBe(94 - demo.silentUnits.length);
  });

  it('adds the province’s own monthly figure, larger than its wards’ sum, without changing the wards', () => {
    const withProvince = generateDemoReports({ ...options, provinceCode: '48' });
    const own = withProvince.submissions.filter((s) => s.unitCode === '48');
    expect(own).toHaveLength(12);
    expect(own.every((s) => s.feed === PROVINCE_DEMO_FEED)).toBe(true);
    expect(withProvince.submissions.filter((s) => s.unitCode !== '48')).toEqual(demo.submissions);
    const march = own.find((s) => s.period === '2026-03')?.rows[0];
    const wardsMarch = new Map(
      demo.submissions.filter((s) => s.period === '2026-03').map((s) => [s.unitCode, s]),
    );
    const wardDen = [...wardsMarch.values()]
      .flatMap((s) => s.rows.filter((r) => r.indicator === PROVINCE_DEMO_INDICATOR))
      .reduce((a, r) => a + Number(r.denominator), 0);
    expect(march?.indicator).toBe(PROVINCE_DEMO_INDICATOR);
    expect(Number(march?.denominator)).toBeGreaterThan(wardDen);
    const { rejected } = validateReportRows(march === undefined ? [] : [march], {
      indicators: indexIndicators(loadCatalogue()),
      units: fixtureLookup(),
      feed: demoProvinceFeed('48'),
      now,
    });
    expect(rejected).toEqual([]);
  });
});
