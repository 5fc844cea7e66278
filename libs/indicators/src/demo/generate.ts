import { makePeriod, periodDueAt, type Period } from '../period';
import type { RawReportRow } from '../report/raw-row';
import { createRandom, type Random } from './prng';

/** Commune-measurable ratio indicators with a plausible monthly story. */
export const DEMO_INDICATORS = [
  'dx.online_public_service_usage',
  'dx.vneid_accounts',
  'dx.digital_signature_share',
  'hr.commune_officials_basic_digital_training',
] as const;

export interface DemoOptions {
  /** Ward/commune codes of the province (e.g. the 94 of Đà Nẵng). */
  unitCodes: readonly string[];
  /** Last month reported, `YYYY-MM`; twelve months end here. */
  lastPeriod: string;
  months?: number;
  seed?: number;
  feed?: string;
  dueDay?: number;
  /** Share of units that often report after the due date. */
  lateShare?: number;
  /** Share of units that stop reporting for the last few months. */
  silentShare?: number;
  /**
   * The province: when given, it also reports its own monthly figure for
   * PROVINCE_DEMO_INDICATOR through its own department feed (PROVINCE_DEMO_FEED), covering the
   * wards' dossiers plus those handled at province level, so own and rolled-up values differ.
   */
  provinceCode?: string;
}

/** The feed of the demo ward reports. */
export const DEMO_FEED = 'demo-ward-reports';

/** The indicator the demo province reports itself, besides its wards. */
export const PROVINCE_DEMO_INDICATOR = 'dx.online_public_service_usage';
export const PROVINCE_DEMO_FEED = 'demo-province-reports';

export interface DemoSubmission {
  feed: string;
  unitCode: string;
  period: string;
  submittedAt: Date;
  submittedBy: string;
  filename: string;
  /** Rows as a ward's CSV would give them; run them through validateReportRows like real ones. */
  rows: RawReportRow[];
}

export interface DemoData {
  submissions: DemoSubmission[];
  lateUnits: string[];
  silentUnits: string[];
  /** Units that re-sent a corrected month (so history has superseded rows). */
  correctedUnits: string[];
}

interface WardProfile {
  population: number;
  officials: number;
  dossiers: number;
  online: number;
  vneid: number;
  signature: number;
  trained: number;
}

/**
 * Twelve months of noisy ward reports, deterministic for a seed. Each ward gets a size (urban
 * wards of 20–60k people, rural communes of 5–20k) and starting levels; each month levels drift
 * up with noise, as adoption campaigns do. Stocks (VNeID, signatures, trained officials) never go
 * down; the online-service rate is a monthly flow and can dip. Some wards send late, a few fall
 * silent for the last months, a few re-send a corrected month.
 */
export function generateDemoReports(options: DemoOptions): DemoData {
  const rnd = createRandom(options.seed ?? 57);
  const months = options.months ?? 12;
  const feed = options.feed ?? DEMO_FEED;
  const dueDay = options.dueDay ?? 10;
  const periods = lastMonths(options.lastPeriod, months);
  const units = [...options.unitCodes];
  const lateUnits = units.filter(() => rnd.next() < (options.lateShare ?? 0.15));
  const silentUnits = units.filter(
    (u) => !lateUnits.includes(u) && rnd.next() < (options.silentShare ?? 0.05),
  );
  const correctedUnits: string[] = [];
  const submissions: DemoSubmission[] = [];

  for (const unitCode of units) {
    const w = profile(rnd);
    const silentFrom = silentUnits.includes(unitCode) ? months - rnd.int(2, 4) : months;
    const late = lateUnits.includes(unitCode);
    periods.forEach((period, i) => {
      // Monthly adoption drift, then clamp: shares stay within 0–100 %.
      w.online = clamp(w.online + rnd.normal(0.9, 2.5), 20, 98);
      w.vneid = clamp(w.vneid + Math.max(0, rnd.normal(0.6, 0.4)), 0, 99);
      w.signature = clamp(w.signature + Math.max(0, rnd.normal(0.9, 0.5)), 0, 95);
      w.trained = Math.min(w.officials, w.trained + (rnd.next() < 0.4 ? rnd.int(1, 3) : 0));
      if (i >= silentFrom) return;
      const dossiers = Math.max(20, Math.round(rnd.normal(w.dossiers, w.dossiers * 0.12)));
      const rows = [
        row(
          1,
          'dx.online_public_service_usage',
          unitCode,
          period,
          Math.round((dossiers * w.online) / 100),
          dossiers,
        ),
        row(
          2,
          'dx.vneid_accounts',
          unitCode,
          period,
          Math.round((w.population * w.vneid) / 100),
          w.population,
        ),
        row(
          3,
          'dx.digital_signature_share',
          unitCode,
          period,
          Math.round((w.population * 0.75 * w.signature) / 100),
          Math.round(w.population * 0.75),
        ),
        row(
          4,
          'hr.commune_officials_basic_digital_training',
          unitCode,
          period,
          w.trained,
          w.officials,
        ),
      ];
      const due = periodDueAt(period, dueDay);
      const sentDaysBeforeDue = late && rnd.next() < 0.7 ? -rnd.int(1, 20) : rnd.int(1, dueDay - 1);
      const submittedAt = new Date(
        due.getTime() - sentDaysBeforeDue * 86_400_000 - rnd.int(1, 8) * 3_600_000,
      );
      const base = {
        feed,
        unitCode,
        period: period.code,
        submittedBy: `demo:${unitCode}`,
        filename: `bao-cao-${unitCode}-${period.code}.csv`,
      };
      submissions.push({ ...base, submittedAt, rows });
      if (rnd.next() < 0.01) {
        // A correction a few days later: the ward mis-typed its dossier count.
        if (!correctedUnits.includes(unitCode)) correctedUnits.push(unitCode);
        const fixed = rows.map((r) =>
          r.indicator === 'dx.online_public_service_usage'
            ? { ...r, denominator: dossiers + rnd.int(5, 40) }
            : r,
        );
        submissions.push({
          ...base,
          submittedAt: new Date(submittedAt.getTime() + rnd.int(2, 6) * 86_400_000),
          rows: fixed,
        });
      }
    });
  }
  if (options.provinceCode !== undefined) {
    submissions.push(...provinceSubmissions(options.provinceCode, periods, submissions, options));
  }
  submissions.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  return { submissions, lateUnits, silentUnits, correctedUnits };
}

/**
 * The province's own monthly figure: the dossiers its wards reported (their last version) plus
 * province-level dossiers, which are more often filed online. Drawn from a separate random
 * stream so the wards' data do not depend on whether a province is asked for.
 */
function provinceSubmissions(
  provinceCode: string,
  periods: readonly Period[],
  wards: readonly DemoSubmission[],
  options: DemoOptions,
): DemoSubmission[] {
  const rnd = createRandom((options.seed ?? 57) + 1);
  const dueDay = options.dueDay ?? 10;
  const lastVersion = new Map<string, RawReportRow>();
  for (const s of [...wards].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())) {
    for (const r of s.rows) {
      if (r.indicator === PROVINCE_DEMO_INDICATOR) lastVersion.set(`${r.unitCode}|${r.period}`, r);
    }
  }
  return periods.map((period): DemoSubmission => {
    let numerator = 0;
    let denominator = 0;
    for (const r of lastVersion.values()) {
      if (r.period !== period.code) continue;
      numerator += typeof r.numerator === 'number' ? r.numerator : 0;
      denominator += typeof r.denominator === 'number' ? r.denominator : 0;
    }
    const own = Math.round(denominator * rnd.between(0.8, 1.2));
    const ownOnline = Math.round(own * clamp(rnd.normal(0.82, 0.04), 0, 1));
    const due = periodDueAt(period, dueDay);
    return {
      feed: PROVINCE_DEMO_FEED,
      unitCode: provinceCode,
      period: period.code,
      submittedAt: new Date(due.getTime() - rnd.int(1, 5) * 86_400_000),
      submittedBy: `demo:${provinceCode}`,
      filename: `bao-cao-tinh-${provinceCode}-${period.code}.json`,
      rows: [
        row(
          1,
          PROVINCE_DEMO_INDICATOR,
          provinceCode,
          period,
          numerator + ownOnline,
          denominator + own,
        ),
      ],
    };
  });
}

function profile(rnd: Random): WardProfile {
  const urban = rnd.next() < 0.5;
  const population = urban ? rnd.int(20_000, 60_000) : rnd.int(5_000, 20_000);
  const officials = rnd.int(25, 45);
  return {
    population,
    officials,
    dossiers: Math.round(population / rnd.between(40, 80)),
    online: rnd.between(urban ? 55 : 35, urban ? 80 : 65),
    vneid: rnd.between(urban ? 70 : 55, urban ? 88 : 78),
    signature: rnd.between(3, urban ? 18 : 10),
    trained: Math.round(officials * rnd.between(0.5, 0.9)),
  };
}

function row(
  n: number,
  indicator: string,
  unitCode: string,
  period: Period,
  numerator: number,
  denominator: number,
): RawReportRow {
  return {
    row: n,
    indicator,
    unitCode,
    period: period.code,
    value: null,
    numerator,
    denominator,
    note: null,
  };
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}

function lastMonths(last: string, months: number): Period[] {
  const m = /^(\d{4})-(\d{2})$/.exec(last);
  if (m === null) throw new RangeError(`lastPeriod must be YYYY-MM, got ${last}`);
  const end = Number(m[1]) * 12 + Number(m[2]) - 1;
  const out: Period[] = [];
  for (let k = end - months + 1; k <= end; k++) {
    const p = makePeriod('month', Math.floor(k / 12), (k % 12) + 1);
    if (p === null) throw new RangeError(`No month ${k}`);
    out.push(p);
  }
  return out;
}

/** The department feed of the province's own demo figure. */
export function demoProvinceFeed(provinceCode: string): ReturnType<typeof demoFeed> {
  return {
    code: PROVINCE_DEMO_FEED,
    name: 'Báo cáo chỉ tiêu chuyển đổi số cấp tỉnh của Sở Khoa học và Công nghệ (dữ liệu mẫu)',
    cadence: 'monthly',
    dueDay: 10,
    allowedIndicators: [PROVINCE_DEMO_INDICATOR],
    allowedUnits: [provinceCode],
  };
}

/** The feed the demo submissions belong to (create it with createFeed before saving them). */
export function demoFeed(
  unitCodes: readonly string[],
  code = DEMO_FEED,
): {
  code: string;
  name: string;
  cadence: 'monthly';
  dueDay: number;
  allowedIndicators: string[];
  allowedUnits: string[];
} {
  return {
    code,
    name: 'Báo cáo chỉ tiêu chuyển đổi số của xã, phường (dữ liệu mẫu)',
    cadence: 'monthly',
    dueDay: 10,
    allowedIndicators: [...DEMO_INDICATORS],
    allowedUnits: [...unitCodes],
  };
}
