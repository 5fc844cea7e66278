import {
  cadenceKind,
  parsePeriod,
  periodDueAt,
  periodsBetween,
  vnDay,
  type Cadence,
  type Period,
} from '../period';

export interface FeedSchedule {
  code: string;
  cadence: Cadence;
  /** Day of the month after the period by which the report is due (1–28). */
  dueDay: number;
}

/** One stored report row, current or superseded: lateness needs the first submission. */
export interface ReportFact {
  indicator: string;
  unitCode: string;
  period: string;
  submittedAt: Date;
}

export interface MissingCell {
  indicator: string;
  period: string;
  dueAt: Date;
}

export interface LateReport {
  indicator: string;
  period: string;
  dueAt: Date;
  /** The first submission of the cell; a later correction does not make an on-time report late. */
  submittedAt: Date;
}

export interface UnitLiveness {
  feed: string;
  unitCode: string;
  lastReportAt: Date | null;
  /** The latest period this unit reported anything for. */
  lastPeriod: string | null;
  /** Indicator × period cells whose due date has passed. */
  expected: number;
  /** Of those, the cells with a report (on time or late). */
  reported: number;
  /** reported / expected; 1 when nothing is due yet. */
  completeness: number;
  /** True when at least one due cell has no report. */
  overdue: boolean;
  missing: MissingCell[];
  late: LateReport[];
}

export interface LivenessInput {
  feed: FeedSchedule;
  /** Units the feed reports for (its allowed units, or the units seen). */
  units: readonly string[];
  /** Indicators expected from a unit; a function lets province and commune units differ. */
  indicators: readonly string[] | ((unitCode: string) => readonly string[]);
  reports: readonly ReportFact[];
  /** First day of the window (periods starting before the period containing it are ignored). */
  since: Date;
  now: Date;
}

/** Periods of the feed's cadence inside the window whose report is already due at `now`. */
export function duePeriods(
  feed: FeedSchedule,
  since: Date,
  now: Date,
): { period: Period; dueAt: Date }[] {
  return periodsBetween(cadenceKind(feed.cadence), vnDay(since), vnDay(now))
    .map((period) => ({ period, dueAt: periodDueAt(period, feed.dueDay) }))
    .filter((p) => p.dueAt.getTime() <= now.getTime());
}

/**
 * Liveness of a feed per unit: which due indicator × period cells arrived, which are missing
 * (overdue) and which came after the due date. A period of another granularity than the feed's
 * cadence (a yearly figure in a monthly feed) is a valid report but does not fill monthly cells.
 */
export function feedLiveness(input: LivenessInput): UnitLiveness[] {
  const due = duePeriods(input.feed, input.since, input.now);
  const first = new Map<string, Date>();
  const lastAt = new Map<string, Date>();
  const lastPeriod = new Map<string, Period>();
  for (const r of input.reports) {
    const key = `${r.unitCode}|${r.indicator}|${r.period}`;
    const seen = first.get(key);
    if (seen === undefined || r.submittedAt < seen) first.set(key, r.submittedAt);
    const at = lastAt.get(r.unitCode);
    if (at === undefined || r.submittedAt > at) lastAt.set(r.unitCode, r.submittedAt);
    const p = parsePeriod(r.period);
    const lp = lastPeriod.get(r.unitCode);
    if (p !== null && (lp === undefined || p.end > lp.end)) lastPeriod.set(r.unitCode, p);
  }
  return input.units.map((unitCode): UnitLiveness => {
    const indicators =
      typeof input.indicators === 'function' ? input.indicators(unitCode) : input.indicators;
    const missing: MissingCell[] = [];
    const late: LateReport[] = [];
    let reported = 0;
    for (const { period, dueAt } of due) {
      for (const indicator of indicators) {
        const at = first.get(`${unitCode}|${indicator}|${period.code}`);
        if (at === undefined) {
          missing.push({ indicator, period: period.code, dueAt });
          continue;
        }
        reported++;
        if (at.getTime() >= dueAt.getTime())
          late.push({ indicator, period: period.code, dueAt, submittedAt: at });
      }
    }
    const expected = due.length * indicators.length;
    return {
      feed: input.feed.code,
      unitCode,
      lastReportAt: lastAt.get(unitCode) ?? null,
      lastPeriod: lastPeriod.get(unitCode)?.code ?? null,
      expected,
      reported,
      completeness: expected === 0 ? 1 : reported / expected,
      overdue: missing.length > 0,
      missing,
      late,
    };
  });
}
