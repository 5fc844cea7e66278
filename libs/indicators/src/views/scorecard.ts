import type { Indicator, TargetRule } from '../catalogue/schema';
import { parsePeriod } from '../period';
import type { CurrentReport } from '../repo/report.repository';
import {
  baselineOf,
  evaluateStatus,
  valueForYear,
  type Evaluation,
  type Status,
} from '../status/status';
import type { UnitLookup } from '../units';
import type { Coverage } from '../values/rollup';
import { unitSeries, type ReportRef, type SeriesPoint } from './series';
import type { ApplicableTarget } from './targets';

export type TrendDirection = 'improving' | 'worsening' | 'stable';

export interface Trend {
  /** Latest point against the one before it, in the indicator's direction; null with < 2 points. */
  direction: TrendDirection | null;
  /** Values of the same period granularity as the year's value, this year and the year before. */
  points: { period: string; value: number; used: 'own' | 'rolled_up' | null }[];
}

export interface StatusView {
  status: Status;
  /** Every target evaluated (conflicting plans each get one), with basis and source. */
  evaluations: Evaluation[];
}

export interface ScorecardEntry extends StatusView {
  indicator: string;
  year: number;
  /** The year's value: the latest period of the year with a value (see STATUS.md §1). */
  value: SeriesPoint | null;
  /** Children reporting vs expected for the period of `value` (units with children only). */
  coverage: Coverage | null;
  /** The targets set for this very year (own plan, or the province's for a ward without one). */
  targets: ApplicableTarget[];
  trend: Trend;
  /** The report the year's value rests on (the newest one, for a rolled-up value). */
  latestReport: ReportRef | null;
}

export interface ScorecardInput {
  indicator: Pick<Indicator, 'code' | 'unit' | 'rollup' | 'direction'>;
  unitCode: string;
  year: number;
  units: UnitLookup;
  /** Current reports of the unit and its children, all periods up to the end of `year`. */
  reports: readonly CurrentReport[];
  /** applicableTargets() of the indicator for the unit, every year. */
  targets: readonly ApplicableTarget[];
  margin?: number;
}

/** Relative change below which a trend counts as stable. */
const STABLE = 0.005;

function trendOf(
  points: readonly SeriesPoint[],
  year: number,
  kind: string | undefined,
  direction: Indicator['direction'],
): Trend {
  const picked = points.flatMap((p) => {
    const period = parsePeriod(p.period);
    if (p.value === null || period === null) return [];
    if (period.year > year || period.year < year - 1 || period.kind !== kind) return [];
    return [{ period: p.period, value: p.value, used: p.used }];
  });
  const last = picked.at(-1);
  const before = picked.at(-2);
  if (last === undefined || before === undefined) return { direction: null, points: picked };
  const delta = last.value - before.value;
  if (Math.abs(delta) <= STABLE * Math.max(Math.abs(before.value), 1)) {
    return { direction: 'stable', points: picked };
  }
  const better = direction === 'higher_is_better' ? delta > 0 : delta < 0;
  return { direction: better ? 'improving' : 'worsening', points: picked };
}

/** One line of a unit's scorecard: value (own vs rolled up), coverage, targets, status, trend. */
export function scorecardEntry(input: ScorecardInput): ScorecardEntry {
  const series = unitSeries(input.indicator, input.unitCode, input.units, input.reports);
  const status = statusFromSeries(input, series);
  const yearValue = valueForYear(series, input.year);
  const point =
    yearValue === null ? null : (series.find((p) => p.period === yearValue.period) ?? null);
  return {
    indicator: input.indicator.code,
    year: input.year,
    value: point,
    coverage: point?.rolledUp?.coverage ?? null,
    targets: input.targets.filter((t) => t.year === input.year),
    ...status,
    trend: trendOf(
      series,
      input.year,
      point === null ? undefined : parsePeriod(point.period)?.kind,
      input.indicator.direction,
    ),
    latestReport: point?.latest ?? null,
  };
}

/**
 * Status of a unit for a year from its series: the value of the year (or of one `period`
 * within it, for a month's map), judged against the year's expectation with the unit's first
 * reported value as baseline.
 */
export function statusFromSeries(
  input: Pick<ScorecardInput, 'indicator' | 'unitCode' | 'year' | 'targets' | 'margin'>,
  series: readonly SeriesPoint[],
  value: number | null = valueForYear(series, input.year)?.value ?? null,
): StatusView {
  const result = evaluateStatus({
    indicator: input.indicator,
    unitCode: input.unitCode,
    year: input.year,
    value,
    targets: input.targets,
    baseline: baselineOf(series),
    ...(input.margin === undefined ? {} : { margin: input.margin }),
  });
  return { status: result.status, evaluations: result.evaluations };
}

/** A target rule as plain fields, for tables and CSV exports. */
export function ruleText(rule: TargetRule): string {
  if (rule.op === 'between') return `${rule.min}–${rule.max}`;
  if (rule.op === 'reached') return 'reached';
  return `${rule.op} ${rule.value}`;
}
