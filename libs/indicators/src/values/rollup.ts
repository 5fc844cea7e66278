import type { Indicator } from '../catalogue/schema';
import { ratioScale } from '../report/validate';
import type { UnitLookup } from '../units';

/** The figures of one current report that values are computed from. */
export interface ReportFigures {
  unitCode: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface Coverage {
  /** Children whose report contributed to the rolled-up value. */
  reporting: number;
  /** Children that should report (every child of the unit). */
  expected: number;
  /** Children without a usable report, so a partial figure is never mistaken for a full one. */
  missing: string[];
}

export interface RollupResult {
  value: number | null;
  /** Σ numerators and Σ denominators, for `ratio` rollups. */
  numerator: number | null;
  denominator: number | null;
  coverage: Coverage;
}

/**
 * A unit's own value from its current report: numerator / denominator × scale when both are
 * given (so the stored pair is the truth), else the reported value.
 */
export function unitValue(
  indicator: Pick<Indicator, 'unit'>,
  report: Omit<ReportFigures, 'unitCode'> | undefined,
): number | null {
  if (report === undefined) return null;
  const scale = ratioScale(indicator.unit);
  if (
    scale !== undefined &&
    report.numerator !== null &&
    report.denominator !== null &&
    report.denominator > 0
  ) {
    return (report.numerator / report.denominator) * scale;
  }
  return report.value;
}

/** A commune-level yes/no value counts as met at 1 (validation only lets 0 and 1 through). */
const met = (v: number): boolean => v >= 1;

/**
 * Combines children's current reports into the parent's value by the indicator's rule:
 * - ratio: Σ numerators / Σ denominators × scale — never the mean of percentages, which would
 *   weigh a 2,000-person commune like a 60,000-person ward. Children without a denominator
 *   cannot take part and are reported as missing;
 * - sum: Σ values of the children that reported (a partial sum; see coverage);
 * - share_of_units: children that met their milestone ÷ all children × 100. A child that did
 *   not report counts as not met, because the target is "X % of communes", not "of those that
 *   answered";
 * - min: the smallest child value ("every commune has at least N"), over the children that
 *   reported;
 * - all: 1 only when every child reported 1; 0 as soon as one child has not (reported 0 or
 *   silent);
 * - none: province-only indicator, no rolled-up value.
 * In every case the value is null when no child reported at all.
 */
export function rollUp(
  indicator: Pick<Indicator, 'unit' | 'rollup'>,
  childCodes: readonly string[],
  reports: ReadonlyMap<string, Omit<ReportFigures, 'unitCode'>>,
): RollupResult {
  const values: number[] = [];
  const missing: string[] = [];
  let sumNum = 0;
  let sumDen = 0;
  const scale = ratioScale(indicator.unit);
  for (const code of childCodes) {
    const r = reports.get(code);
    if (indicator.rollup === 'ratio') {
      if (r?.numerator == null || r.denominator == null || r.denominator <= 0) {
        missing.push(code);
        continue;
      }
      sumNum += r.numerator;
      sumDen += r.denominator;
      values.push(r.numerator / r.denominator);
      continue;
    }
    const v = unitValue(indicator, r);
    if (v === null) missing.push(code);
    else values.push(v);
  }
  const coverage: Coverage = { reporting: values.length, expected: childCodes.length, missing };
  const empty: RollupResult = { value: null, numerator: null, denominator: null, coverage };
  if (values.length === 0) return empty;
  switch (indicator.rollup) {
    case 'ratio':
      return {
        value: (sumNum / sumDen) * (scale ?? 100),
        numerator: sumNum,
        denominator: sumDen,
        coverage,
      };
    case 'sum':
      return { ...empty, value: values.reduce((a, b) => a + b, 0) };
    case 'share_of_units':
      return { ...empty, value: (values.filter(met).length / childCodes.length) * 100 };
    case 'min':
      return { ...empty, value: Math.min(...values) };
    case 'all':
      return { ...empty, value: missing.length === 0 && values.every(met) ? 1 : 0 };
    case 'none':
      return empty;
  }
}

export interface ResolvedValue {
  unitCode: string;
  /** The unit's own current report, if any. */
  own: number | null;
  /** Rolled up from the unit's children; null for communes (no children) and `none` indicators. */
  rolledUp: RollupResult | null;
  /**
   * Which figure is headline. Rule: a unit's own report is used when present — it is the
   * official figure the province signs, and it may count things no commune reports (e.g.
   * province-run services) — and the rolled-up value is shown alongside so a gap between the two
   * is visible. Without an own report the rolled-up value is used.
   */
  used: 'own' | 'rolled_up' | null;
  value: number | null;
}

/** The value of one indicator for one unit and period, given the current reports of that period. */
export function resolveValue(
  indicator: Pick<Indicator, 'unit' | 'rollup'>,
  unitCode: string,
  units: UnitLookup,
  reports: ReadonlyMap<string, Omit<ReportFigures, 'unitCode'>>,
): ResolvedValue {
  const own = unitValue(indicator, reports.get(unitCode));
  const children = units.childrenOf(unitCode);
  const rolledUp =
    children.length > 0 && indicator.rollup !== 'none'
      ? rollUp(indicator, children, reports)
      : null;
  if (own !== null) return { unitCode, own, rolledUp, used: 'own', value: own };
  if (rolledUp?.value != null)
    return { unitCode, own, rolledUp, used: 'rolled_up', value: rolledUp.value };
  return { unitCode, own, rolledUp, used: null, value: null };
}

/** Indexes reports by unit code, the shape rollUp and resolveValue take. */
export function byUnit<T extends ReportFigures>(reports: Iterable<T>): Map<string, T> {
  return new Map([...reports].map((r) => [r.unitCode, r]));
}
