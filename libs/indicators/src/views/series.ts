import type { Indicator } from '../catalogue/schema';
import { parsePeriod } from '../period';
import type { CurrentReport } from '../repo/report.repository';
import type { UnitLookup } from '../units';
import { byUnit, resolveValue, type RollupResult } from '../values/rollup';

/** Where a figure comes from: one stored report row. */
export interface ReportRef {
  reportId: number;
  feed: string;
  unitCode: string;
  period: string;
  submissionId: number;
  submittedAt: Date;
}

/** The value of one indicator for one unit and period. */
export interface SeriesPoint {
  period: string;
  /** The headline figure (see `used`), null when neither an own report nor any child's exists. */
  value: number | null;
  /** 'own': the unit's own report; 'rolled_up': combined from its children (see resolveValue). */
  used: 'own' | 'rolled_up' | null;
  /** The unit's own reported figure, shown next to the rolled-up one when both exist. */
  own: number | null;
  /** The numerator and denominator behind `value`, for ratios. */
  numerator: number | null;
  denominator: number | null;
  /** Rolled up from the children (with coverage), null for wards and province-only indicators. */
  rolledUp: RollupResult | null;
  /** The newest report the headline figure rests on. */
  latest: ReportRef | null;
}

function ref(r: CurrentReport): ReportRef {
  return {
    reportId: r.id,
    feed: r.feed,
    unitCode: r.unitCode,
    period: r.period,
    submissionId: r.submissionId,
    submittedAt: r.submittedAt,
  };
}

/** Orders periods by start, then end: 2026-01 … 2026-03, 2026-Q1, 2026-04 … */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa === null || pb === null) return a.localeCompare(b);
  return pa.start.localeCompare(pb.start) || pa.end.localeCompare(pb.end);
}

/**
 * A unit's values period by period from the current reports of the unit and its children: for
 * every period in which the unit or any child reported, the unit's own value and the rolled-up
 * value of its children, and which of the two is used (resolveValue). Oldest period first.
 */
export function unitSeries(
  indicator: Pick<Indicator, 'code' | 'unit' | 'rollup'>,
  unitCode: string,
  units: UnitLookup,
  reports: readonly CurrentReport[],
): SeriesPoint[] {
  const children = new Set(units.childrenOf(unitCode));
  const byPeriod = new Map<string, CurrentReport[]>();
  for (const r of reports) {
    if (r.indicator !== indicator.code) continue;
    if (r.unitCode !== unitCode && !children.has(r.unitCode)) continue;
    const list = byPeriod.get(r.period) ?? [];
    list.push(r);
    byPeriod.set(r.period, list);
  }
  return [...byPeriod.keys()].sort(comparePeriods).map((period): SeriesPoint => {
    const list = byPeriod.get(period) ?? [];
    const resolved = resolveValue(indicator, unitCode, units, byUnit(list));
    const ownReport = list.find((r) => r.unitCode === unitCode);
    let latest: CurrentReport | undefined;
    if (resolved.used === 'own') latest = ownReport;
    else if (resolved.used === 'rolled_up') {
      const missing = new Set(resolved.rolledUp?.coverage.missing ?? []);
      for (const r of list) {
        if (r.unitCode === unitCode || missing.has(r.unitCode)) continue;
        if (latest === undefined || r.submittedAt > latest.submittedAt) latest = r;
      }
    }
    const fromOwn = resolved.used === 'own' && ownReport !== undefined;
    return {
      period,
      value: resolved.value,
      used: resolved.used,
      own: resolved.own,
      numerator: fromOwn ? ownReport.numerator : (resolved.rolledUp?.numerator ?? null),
      denominator: fromOwn ? ownReport.denominator : (resolved.rolledUp?.denominator ?? null),
      rolledUp: resolved.rolledUp,
      latest: latest === undefined ? null : ref(latest),
    };
  });
}
