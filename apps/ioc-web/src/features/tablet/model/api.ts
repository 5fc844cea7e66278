import type { DeviceView, UnitSummary } from '@ioc/contracts';
import { z } from 'zod';
import { apiGet } from '../../../shared/api/client';
import { fetchChildUnits, fetchDevices, fetchUnit } from '../../../shared/api/endpoints';
import { parseUnitList } from '../../../shared/api/schemas';

// The tablet's read models, condensed at the edge to what the screen shows: the snapshot kept
// for offline use stores exactly these, so it stays small (a few tens of kB per ward).

export const STATUSES = ['off_track', 'at_risk', 'on_track', 'no_target', 'no_data'] as const;
export type IndicatorStatus = (typeof STATUSES)[number];

export const SEVERITIES = ['emergency', 'critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

const rule = z.object({
  op: z.string(),
  value: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type Rule = z.infer<typeof rule>;

const evaluation = z.object({
  status: z.string().optional(),
  basis: z.string().default('target'),
  expected: rule,
  target: rule.extend({ year: z.number().optional() }),
  source: z.string().nullable().default(null),
});

const point = z.object({ period: z.string(), value: z.number() });

const scorecardItem = z.object({
  indicator: z.string(),
  nameVi: z.string().default(''),
  nameEn: z.string().default(''),
  domain: z.string().default(''),
  unit: z.string().default('percent'),
  direction: z.enum(['higher_is_better', 'lower_is_better']).default('higher_is_better'),
  status: z.enum(STATUSES).catch('no_data'),
  value: z
    .object({ period: z.string(), value: z.number().nullable(), used: z.string().nullable() })
    .nullable()
    .default(null),
  evaluations: z.array(evaluation).default([]),
  trend: z
    .object({
      direction: z.enum(['improving', 'worsening', 'stable']).nullable().default(null),
      points: z.array(point).default([]),
    })
    .default({ direction: null, points: [] }),
  latestReport: z
    .object({ feed: z.string(), period: z.string(), submittedAt: z.string() })
    .nullable()
    .default(null),
});

const scorecard = z.object({
  asOf: z.string().nullable().default(null),
  year: z.number(),
  items: z.array(z.unknown()),
  sources: z
    .record(z.string(), z.object({ titleVi: z.string(), titleEn: z.string().default('') }))
    .default({}),
});

/** What the tablet shows of one expectation: the year's expected level and where it comes from. */
export interface TabletExpectation {
  expected: Rule;
  basis: string;
  /** The plan milestone the expectation derives from (the later one, when interpolated). */
  targetYear: number | null;
  target: Rule;
  source: string | null;
}

export interface TabletIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  domain: string;
  unit: string;
  direction: 'higher_is_better' | 'lower_is_better';
  status: IndicatorStatus;
  value: number | null;
  period: string | null;
  used: string | null;
  expectation: TabletExpectation | null;
  trend: { period: string; value: number }[];
  trendDirection: 'improving' | 'worsening' | 'stable' | null;
  report: { feed: string; period: string; submittedAt: string } | null;
}

export interface TabletScorecard {
  asOf: string | null;
  year: number;
  items: TabletIndicator[];
  sources: Record<string, { titleVi: string; titleEn: string }>;
}

export function parseScorecard(body: unknown): TabletScorecard {
  const sc = scorecard.parse(body);
  const items: TabletIndicator[] = [];
  for (const raw of sc.items) {
    const parsed = scorecardItem.safeParse(raw);
    if (!parsed.success) {
      console.warn('Dropped malformed scorecard item', parsed.error.issues, raw);
      continue;
    }
    const i = parsed.data;
    // The headline status is the worst evaluation; show the expectation that produced it.
    const ev = i.evaluations.find((e) => e.status === i.status) ?? i.evaluations[0];
    items.push({
      code: i.indicator,
      nameVi: i.nameVi,
      nameEn: i.nameEn,
      domain: i.domain,
      unit: i.unit,
      direction: i.direction,
      status: i.status,
      value: i.value?.value ?? null,
      period: i.value?.period ?? null,
      used: i.value?.used ?? null,
      expectation: ev
        ? {
            expected: pickRule(ev.expected),
            basis: ev.basis,
            targetYear: ev.target.year ?? null,
            target: pickRule(ev.target),
            source: ev.source,
          }
        : null,
      trend: i.trend.points.map((p) => ({ period: p.period, value: p.value })),
      trendDirection: i.trend.direction,
      report: i.latestReport,
    });
  }
  return { asOf: sc.asOf, year: sc.year, items, sources: sc.sources };
}

function pickRule(r: Rule): Rule {
  const out: Rule = { op: r.op };
  if (r.value !== undefined) out.value = r.value;
  if (r.min !== undefined) out.min = r.min;
  if (r.max !== undefined) out.max = r.max;
  return out;
}

const alertItem = z.object({
  id: z.string(),
  ruleName: z.string().nullable().default(null),
  deviceId: z.string().nullable().default(null),
  unitCode: z.string().nullable().default(null),
  status: z.string(),
  severity: z.enum(SEVERITIES).catch('warning'),
  value: z.number().nullable().default(null),
  message: z.string().default(''),
  openedAt: z.string(),
});
export type TabletAlert = z.infer<typeof alertItem>;

export function parseAlerts(body: unknown): TabletAlert[] {
  const env = z.object({ items: z.array(z.unknown()) }).parse(body);
  const out: TabletAlert[] = [];
  for (const raw of env.items) {
    const parsed = alertItem.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
    else console.warn('Dropped malformed alert', parsed.error.issues, raw);
  }
  return out;
}

/** Everything the tablet shows for one unit, as loaded together. */
export interface TabletData {
  unit: UnitSummary;
  scorecard: TabletScorecard;
  alerts: TabletAlert[];
  devices: DeviceView[];
  /** Client clock when the load completed (the snapshot's age is measured from it). */
  loadedAt: number;
}

const enc = encodeURIComponent;

export async function fetchScorecard(
  unit: string,
  year: number,
  signal?: AbortSignal,
): Promise<TabletScorecard> {
  return parseScorecard(
    await apiGet(`/api/v1/scorecard?unit=${enc(unit)}&year=${String(year)}`, signal),
  );
}

export async function fetchActiveAlerts(unit: string, signal?: AbortSignal) {
  return parseAlerts(await apiGet(`/api/v1/alerts?unit=${enc(unit)}&status=active`, signal));
}

/** The unit, its scorecard for the year, its active alerts and its devices, in parallel. */
export async function loadTabletData(
  unit: string,
  year: number,
  signal?: AbortSignal,
): Promise<TabletData> {
  const [u, sc, alerts, devices] = await Promise.all([
    fetchUnit(unit, signal),
    fetchScorecard(unit, year, signal),
    fetchActiveAlerts(unit, signal),
    fetchDevices(unit, signal),
  ]);
  return { unit: u, scorecard: sc, alerts, devices: devices.items, loadedAt: Date.now() };
}

/** Units a user may switch between: a province's wards (with the province first), or all. */
export async function fetchUnitChoices(
  scope: string | null,
  signal?: AbortSignal,
): Promise<UnitSummary[]> {
  if (scope === null) {
    const all = parseUnitList(await apiGet('/api/v1/units', signal)).items;
    return sortUnits(all);
  }
  const [self, children] = await Promise.all([
    fetchUnit(scope, signal),
    fetchChildUnits(scope, signal),
  ]);
  return [self, ...sortUnits(children.items)];
}

function sortUnits(units: UnitSummary[]): UnitSummary[] {
  const rank = (u: UnitSummary) => (u.level === 'province' ? 0 : 1);
  return [...units].sort(
    (a, b) => rank(a) - rank(b) || a.shortName.localeCompare(b.shortName, 'vi'),
  );
}
