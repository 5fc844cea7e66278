import type { DeviceContext } from './device-context';
import type { RuleScope } from './rule';

function matches(
  list: readonly string[] | undefined,
  ...values: (string | null | undefined)[]
): boolean {
  if (!list || list.length === 0) return true;
  return values.some((v) => v !== null && v !== undefined && list.includes(v));
}

/** Whether a scope covers a device: every criterion present must match (AND), any entry of it (OR). */
export function scopeMatches(scope: RuleScope, device: DeviceContext): boolean {
  return (
    matches(scope.unitCodes, device.unitCode, device.provinceCode) &&
    matches(scope.deviceKinds, device.kind) &&
    matches(scope.deviceIds, device.id)
  );
}

/** Whether a rule should be evaluated for a device at all. */
export function ruleApplies(
  rule: { enabled: boolean; scope: RuleScope },
  device: DeviceContext,
): boolean {
  return rule.enabled && scopeMatches(rule.scope, device);
}
