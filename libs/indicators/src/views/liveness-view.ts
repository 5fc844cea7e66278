import type { Indicator } from '../catalogue/schema';
import { feedLiveness, type ReportFact, type UnitLiveness } from '../liveness/liveness';
import type { Feed } from '../repo/feed.repository';
import { measuredLevel, type UnitLookup } from '../units';

export interface FeedLivenessView {
  feed: string;
  name: string;
  cadence: Feed['cadence'];
  dueDay: number;
  /** Σ reported / Σ expected over the feed's units (1 when nothing is due yet). */
  completeness: number;
  overdueUnits: number;
  lateReports: number;
  units: UnitLiveness[];
}

/**
 * Liveness of one feed: the units it reports for (its allowed units, else those it has reported
 * for) and, per unit, the indicators expected of it (its allowed indicators measured at the
 * unit's level, else those the unit has reported).
 */
export function feedLivenessView(input: {
  feed: Feed;
  reports: readonly ReportFact[];
  indicators: ReadonlyMap<string, Indicator>;
  units: UnitLookup;
  since: Date;
  now: Date;
}): FeedLivenessView {
  const { feed, reports } = input;
  const unitCodes = feed.allowedUnits ?? [...new Set(reports.map((r) => r.unitCode))].sort();
  const seen = new Map<string, Set<string>>();
  for (const r of reports) {
    const set = seen.get(r.unitCode) ?? new Set<string>();
    set.add(r.indicator);
    seen.set(r.unitCode, set);
  }
  const indicatorsOf = (unitCode: string): readonly string[] => {
    const unit = input.units.get(unitCode);
    const candidates = feed.allowedIndicators ?? [...(seen.get(unitCode) ?? [])].sort();
    if (unit === undefined) return candidates;
    const level = measuredLevel(unit.level);
    return candidates.filter(
      (code) => input.indicators.get(code)?.measuredAt.includes(level) ?? false,
    );
  };
  const units = feedLiveness({
    feed,
    units: unitCodes,
    indicators: indicatorsOf,
    reports,
    since: input.since,
    now: input.now,
  });
  const expected = units.reduce((n, u) => n + u.expected, 0);
  const reported = units.reduce((n, u) => n + u.reported, 0);
  return {
    feed: feed.code,
    name: feed.name,
    cadence: feed.cadence,
    dueDay: feed.dueDay,
    completeness: expected === 0 ? 1 : reported / expected,
    overdueUnits: units.filter((u) => u.overdue).length,
    lateReports: units.reduce((n, u) => n + u.late.length, 0),
    units,
  };
}
