import type { IndicatorStatus } from '@ioc/contracts';
import type { Direction, Indicator, IndicatorUnit, TargetRule } from '../catalogue/schema';
import { parsePeriod } from '../period';

/**
 * Status of an indicator for a unit and year. See libs/indicators/STATUS.md for the method.
 * `no_target` is returned when no plan sets any target for the indicator × unit at all, so a
 * dashboard can tell "nothing to measure against" from "no data".
 */
export type Status = IndicatorStatus;
export type EvaluatedStatus = Exclude<Status, 'no_target'>;

/** A target as the evaluator needs it: a seeded catalogue target, a stored row or a test case. */
export type TargetLike = TargetRule & {
  year: number;
  source: string | null;
  ref?: string | null;
  /** Seed key or database id, echoed back so the UI can link to the target. */
  id?: string | number;
};

export type Basis =
  /** A target set for this very year. */
  | 'target'
  /** Linear interpolation between the surrounding milestones (or from the baseline). */
  | 'interpolated'
  /** The year is past the last milestone: the last target keeps applying. */
  | 'carried_forward'
  /** A yes/no milestone due in a later year. */
  | 'milestone_pending'
  /** A later target with nothing to interpolate from (no earlier target, no baseline): judged as is. */
  | 'final_target';

export interface Anchor {
  year: number;
  value: number;
  kind: 'target' | 'baseline';
  source: string | null;
}

export interface Evaluation {
  status: EvaluatedStatus;
  basis: Basis;
  /** What the unit should have reached in the evaluated year. */
  expected: TargetRule;
  /** The plan target the expectation comes from (the later milestone, for interpolations). */
  target: TargetLike;
  from: Anchor | null;
  source: string | null;
}

export interface StatusResult {
  indicator: string;
  unitCode: string;
  year: number;
  value: number | null;
  /** Headline: the strictest (worst) of the evaluations, see STATUS.md. */
  status: Status;
  evaluations: Evaluation[];
}

export interface StatusInput {
  indicator: Pick<Indicator, 'code' | 'unit' | 'direction'>;
  unitCode: string;
  year: number;
  /** The unit's value for the year (see valueForYear), null when nothing was reported. */
  value: number | null;
  /** Targets of this indicator for this unit, any year and any source. */
  targets: readonly TargetLike[];
  /** The first reported value, used as the starting point when only a later target exists. */
  baseline?: { year: number; value: number } | null;
  /** Relative tolerance for at_risk; 0.1 = within 10 % of the expected value. */
  margin?: number;
}

export const DEFAULT_MARGIN = 0.1;

const RANK: Record<EvaluatedStatus, number> = { off_track: 0, at_risk: 1, on_track: 2, no_data: 3 };

export function evaluateStatus(input: StatusInput): StatusResult {
  const { indicator, unitCode, year, value } = input;
  const margin = input.margin ?? DEFAULT_MARGIN;
  const head = { indicator: indicator.code, unitCode, year, value };
  const expectations = expectationsFor(
    year,
    input.targets,
    indicator.direction,
    input.baseline ?? null,
  );
  if (expectations.length === 0) return { ...head, status: 'no_target', evaluations: [] };
  const evaluations = expectations.map((e): Evaluation => ({
    ...e,
    status:
      value === null
        ? 'no_data'
        : judge(
            e.expected,
            value,
            e.basis === 'milestone_pending',
            indicator.direction,
            indicator.unit,
            margin,
          ),
  }));
  const status = evaluations.reduce<EvaluatedStatus>(
    (worst, e) => (RANK[e.status] < RANK[worst] ? e.status : worst),
    'no_data',
  );
  return { ...head, status: value === null ? 'no_data' : status, evaluations };
}

type Expectation = Omit<Evaluation, 'status'>;

/**
 * The expectations for a year: the year's own targets; otherwise, between two milestone years,
 * a straight line from the earlier milestone (or the first reported value) to the later one;
 * after the last milestone, the last target again.
 */
function expectationsFor(
  year: number,
  targets: readonly TargetLike[],
  direction: Direction,
  baseline: { year: number; value: number } | null,
): Expectation[] {
  const same = targets.filter((t) => t.year === year);
  if (same.length > 0) return same.map((t) => direct(t, 'target'));
  const years = [...new Set(targets.map((t) => t.year))].sort((a, b) => a - b);
  const prevYear = years.filter((y) => y < year).at(-1);
  const nextYear = years.find((y) => y > year);
  if (nextYear === undefined) {
    return prevYear === undefined
      ? []
      : targets.filter((t) => t.year === prevYear).map((t) => direct(t, 'carried_forward'));
  }
  const prevAnchors: Anchor[] =
    prevYear === undefined
      ? []
      : targets.flatMap((t) => {
          const v = t.year === prevYear ? anchorValue(t, direction) : null;
          return v === null
            ? []
            : [{ year: t.year, value: v, kind: 'target' as const, source: t.source }];
        });
  const baselineAnchor: Anchor[] =
    baseline !== null && baseline.year <= year
      ? [{ ...baseline, kind: 'baseline', source: null }]
      : [];
  return targets
    .filter((t) => t.year === nextYear)
    .flatMap((t): Expectation[] => {
      if (t.op === 'reached') return [direct(t, 'milestone_pending')];
      const sameSource = prevAnchors.filter((a) => a.source === t.source);
      const anchors =
        sameSource.length > 0 ? sameSource : prevAnchors.length > 0 ? prevAnchors : baselineAnchor;
      if (anchors.length === 0) return [direct(t, 'final_target')];
      return anchors.map((a) => ({
        basis: 'interpolated',
        expected: interpolateRule(t, a, year),
        target: t,
        from: a,
        source: t.source,
      }));
    });
}

function direct(t: TargetLike, basis: Basis): Expectation {
  return { basis, expected: ruleOf(t), target: t, from: null, source: t.source };
}

function ruleOf(t: TargetLike): TargetRule {
  if (t.op === 'between') return { op: 'between', min: t.min, max: t.max };
  if (t.op === 'reached') return { op: 'reached' };
  return { op: t.op, value: t.value };
}

/** The level an earlier target required: the bound that matters in the indicator's direction. */
function anchorValue(t: TargetLike, direction: Direction): number | null {
  if (t.op === 'reached') return null;
  if (t.op === 'between') return direction === 'higher_is_better' ? t.min : t.max;
  return t.value;
}

/** expected(Y) = a + (T − a) × (Y − Ya) / (Yt − Ya), for each bound of the later target. */
function interpolateRule(t: TargetLike, a: Anchor, year: number): TargetRule {
  const f = (year - a.year) / (t.year - a.year);
  const at = (target: number): number => a.value + (target - a.value) * f;
  if (t.op === 'between') return { op: 'between', min: at(t.min), max: at(t.max) };
  if (t.op === 'reached') return { op: 'reached' };
  return { op: t.op, value: at(t.value) };
}

/**
 * Compares a value with an expectation.
 * - `>=` T: on_track at ≥ T; at_risk at ≥ T − margin·|T| (≥ 90 % of the way with the default);
 *   off_track below.
 * - `<=` T: on_track at ≤ T; at_risk at ≤ T + allowance, where allowance = margin·|T| and, for
 *   ranks, at least one place (rank 6 against "top 5" is at risk, rank 7 is off track).
 * - `=` T: "reach T" — read as `>=` for higher_is_better and `<=` for lower_is_better (README
 *   convention); overshooting a "reach" target is not a failure.
 * - between [a, b]: on_track inside; beyond the favourable bound also on_track (the catalogue's
 *   ranges are "at least 35–40 %" style); short of the other bound, the `>=`/`<=` rule applies.
 * - reached: 1 = reached. Not reached is off_track in or after the due year and at_risk
 *   before it (still achievable, not yet done).
 */
function judge(
  rule: TargetRule,
  v: number,
  pending: boolean,
  direction: Direction,
  unit: IndicatorUnit,
  margin: number,
): EvaluatedStatus {
  const atLeast = (t: number): EvaluatedStatus =>
    v >= t ? 'on_track' : v >= t - margin * Math.abs(t) ? 'at_risk' : 'off_track';
  const atMost = (t: number): EvaluatedStatus => {
    const allowance = Math.max(margin * Math.abs(t), unit === 'rank' ? 1 : 0);
    return v <= t ? 'on_track' : v <= t + allowance ? 'at_risk' : 'off_track';
  };
  const higher = direction === 'higher_is_better';
  switch (rule.op) {
    case '>=':
      return atLeast(rule.value);
    case '<=':
      return atMost(rule.value);
    case '=':
      return higher ? atLeast(rule.value) : atMost(rule.value);
    case 'between':
      return higher ? atLeast(rule.min) : atMost(rule.max);
    case 'reached':
      return v >= 1 ? 'on_track' : pending ? 'at_risk' : 'off_track';
  }
}

export interface PeriodValue {
  period: string;
  value: number | null;
}

/**
 * The value that represents a year: the report of the latest period in that year (stocks such
 * as VNeID coverage are cumulative, so December — or the latest month so far — is the year's
 * state). On equal end dates the longer period wins, so an annual figure beats December's.
 * Flows ("per year") should be reported yearly; a month of a flow is not the year's total.
 */
export function valueForYear(
  values: readonly PeriodValue[],
  year: number,
): { period: string; value: number } | null {
  let best: { period: string; value: number; end: string; start: string } | null = null;
  for (const pv of values) {
    const p = parsePeriod(pv.period);
    if (p === null || p.year !== year || pv.value === null) continue;
    if (best === null || p.end > best.end || (p.end === best.end && p.start < best.start)) {
      best = { period: p.code, value: pv.value, end: p.end, start: p.start };
    }
  }
  return best === null ? null : { period: best.period, value: best.value };
}

/** The first reported value (earliest period start), the baseline for interpolation. */
export function baselineOf(values: readonly PeriodValue[]): { year: number; value: number } | null {
  let best: { year: number; value: number; start: string } | null = null;
  for (const pv of values) {
    const p = parsePeriod(pv.period);
    if (p === null || pv.value === null) continue;
    if (best === null || p.start < best.start)
      best = { year: p.year, value: pv.value, start: p.start };
  }
  return best === null ? null : { year: best.year, value: best.value };
}
