import {
  ALERT_SEVERITIES,
  INDICATOR_STATUSES,
  alertSeveritySchema,
  alertViewSchema,
  listEnvelope,
  parseItems,
  type AlertSeverity,
  type DeviceView,
  type IndicatorStatus,
  type ScorecardItem,
  type UnitSummary,
} from '@ioc/contracts';
import { z } from 'zod';
import { apiGet } from '../../../shared/api/client';
import { fetchChildUnits, fetchDevices, fetchUnit } from '../../../shared/api/endpoints';
import {
  parseScorecardLines,
  parseUnitList,
  scorecardEnvelope,
  type TargetRule,
} from '../../../shared/api/schemas';

// The tablet's read models, condensed at the edge to what the screen shows: the snapshot kept
// for offline use stores exactly these, so it stays small (a few tens of kB per ward). The wire
// shapes are the contract's (@ioc/contracts); only the condensed views are declared here.

export type { IndicatorStatus };

/** Display order of statuses on the tablet: the ones needing attention first. */
const STATUS_ORDER: Record<IndicatorStatus, number> = {
  off_track: 0,
  at_risk: 1,
  on_track: 2,
  no_target: 3,
  no_data: 4,
};
export const STATUSES: readonly IndicatorStatus[] = [...INDICATOR_STATUSES].sort(
  (a, b) => STATUS_ORDER[a] - STATUS_ORDER[b],
);

/** Severities worst first (the contract lists them lowest first). */
export const SEVERITIES: readonly AlertSeverity[] = [...ALERT_SEVERITIES].reverse();
export type Severity = AlertSeverity;

export type Rule = TargetRule;

/** What the tablet shows of one expectation: the year's expected level and where it comes from. */
export interface TabletExpectation {
  expected: Rule;
  basis: string;
  /** The plan milestone the expectation derives from (the later one, when interpolated). */
  targetYear: number | null;
  target: Rule;
  source: string | null;
}

type ValuePoint = NonNullable<ScorecardItem['value']>;
type ReportRef = NonNullable<ScorecardItem['latestReport']>;

export interface TabletIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  domain: string;
  unit: string;
  direction: ScorecardItem['direction'];
  status: IndicatorStatus;
  value: number | null;
  period: string | null;
  used: ValuePoint['used'];
  expectation: TabletExpectation | null;
  trend: { period: string; value: number }[];
  trendDirection: ScorecardItem['trend']['direction'];
  report: Pick<ReportRef, 'feed' | 'period' | 'submittedAt'> | null;
}

export interface TabletScorecard {
  asOf: string | null;
  year: number;
  items: TabletIndicator[];
  sources: Record<string, { titleVi: string; titleEn: string }>;
}

export function parseScorecard(body: unknown): TabletScorecard {
  const sc = scorecardEnvelope.parse(body);
  const items = parseScorecardLines(sc.items).map((i): TabletIndicator => {
    // The headline status is the worst evaluation; show the expectation that produced it.
    const ev = i.evaluations.find((e) => e.status === i.status) ?? i.evaluations[0];
    const r = i.latestReport;
    return {
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
            targetYear: ev.target.year,
            target: pickRule(ev.target),
            source: ev.source,
          }
        : null,
      trend: i.trend.points.map((p) => ({ period: p.period, value: p.value })),
      trendDirection: i.trend.direction,
      report: r ? { feed: r.feed, period: r.period, submittedAt: r.submittedAt } : null,
    };
  });
  const sources: TabletScorecard['sources'] = {};
  for (const [k, v] of Object.entries(sc.sources)) {
    sources[k] = { titleVi: v.titleVi, titleEn: v.titleEn ?? '' };
  }
  return { asOf: sc.asOf, year: sc.year, items, sources };
}

function pickRule(r: Rule): Rule {
  const out: Rule = { op: r.op };
  if (r.value !== undefined) out.value = r.value;
  if (r.min !== undefined) out.min = r.min;
  if (r.max !== undefined) out.max = r.max;
  return out;
}

/** What the tablet keeps of an alert; an unknown severity reads as a warning. */
const tabletAlert = alertViewSchema
  .pick({
    id: true,
    ruleName: true,
    deviceId: true,
    unitCode: true,
    status: true,
    value: true,
    message: true,
    openedAt: true,
  })
  .extend({
    severity: alertSeveritySchema.catch('warning'),
    // A snapshot saved before owners were shown has none: read as "nobody yet".
    assignee: z.string().nullable().default(null),
  });
export type TabletAlert = z.output<typeof tabletAlert>;

const alertList = listEnvelope(z.unknown());

export function parseAlerts(body: unknown): TabletAlert[] {
  return parseItems(alertList.parse(body).items, tabletAlert, (issues, raw) => {
    console.warn('Dropped malformed alert', issues, raw);
  });
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
