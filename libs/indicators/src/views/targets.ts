import type { Indicator } from '../catalogue/schema';
import { isFlagAt } from '../report/validate';
import type { TargetLike } from '../status/status';
import { measuredLevel, type UnitRef } from '../units';

/** A target row with the unit its plan set it for (stored targets, catalogue targets). */
export type UnitTarget = TargetLike & { unitCode: string };

/** A target as it applies to one unit. */
export type ApplicableTarget = TargetLike & {
  /** The unit the target is applied to. */
  unitCode: string;
  /**
   * Null for the unit's own plan targets. Otherwise the province whose plan is applied to this
   * ward because the ward has no target of its own for the indicator.
   */
  inheritedFrom: string | null;
};

/**
 * The targets a unit is measured against for an indicator.
 *
 * - A unit with targets of its own (An Hải's ward plan, a province's plan) is measured against
 *   exactly those.
 * - A ward without any is measured against its province's targets: the provincial plans set
 *   their figures for the whole territory and require them "in every commune and ward".
 *   Exceptions: an additive indicator (`sum`) cannot be inherited — a province total is not a
 *   ward's total — and province-only indicators (`none`) have no ward value.
 * - Where the ward-level figure is a yes/no flag (`share_of_units`, `all`, milestones), a
 *   province target such as "100 % of communes by 2030" becomes "reached by 2030" for the ward.
 */
export function applicableTargets(
  indicator: Pick<Indicator, 'rollup' | 'unit'>,
  unit: UnitRef,
  targets: readonly UnitTarget[],
): ApplicableTarget[] {
  const own = targets.filter((t) => t.unitCode === unit.code);
  if (own.length > 0 || unit.parentCode === null) {
    return own.map((t) => ({ ...t, inheritedFrom: null }));
  }
  if (indicator.rollup === 'sum' || indicator.rollup === 'none') return [];
  const parent = unit.parentCode;
  const flag = isFlagAt(indicator, measuredLevel(unit.level));
  return targets
    .filter((t) => t.unitCode === parent)
    .map((t): ApplicableTarget => {
      const base = {
        year: t.year,
        source: t.source,
        ref: t.ref ?? null,
        ...(t.id === undefined ? {} : { id: t.id }),
        unitCode: unit.code,
        inheritedFrom: parent,
      };
      if (flag) return { ...base, op: 'reached' };
      return { ...t, ...base };
    });
}
