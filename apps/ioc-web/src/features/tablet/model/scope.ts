import { unitCodeParam } from '@ioc/contracts';

/** Which unit a signed-in user sees on the tablet, and which others they may switch to. */
export type UnitChoices =
  /** One unit only (a ward leader of one ward). */
  | { kind: 'none' }
  /** The province itself and its wards (a province-level user). */
  | { kind: 'children'; of: string }
  /** Several named units (a user scoped to a few wards). */
  | { kind: 'list'; codes: string[] }
  /** Any unit (administrator). */
  | { kind: 'all' };

export interface TabletScope {
  /** The unit shown first: the user's own (units[0]); the configured province for an admin. */
  initial: string | null;
  choices: UnitChoices;
}

const isUnitCode = (code: string): boolean => unitCodeParam.safeParse(code).success;

export function tabletScope(
  session: { role: string; units: readonly string[] },
  defaultProvince: string,
): TabletScope {
  const units = session.units.filter(isUnitCode);
  const first = units[0];
  if (first === undefined) {
    return session.role === 'admin'
      ? { initial: defaultProvince, choices: { kind: 'all' } }
      : { initial: null, choices: { kind: 'none' } };
  }
  if (first.length === 2) return { initial: first, choices: { kind: 'children', of: first } };
  if (units.length > 1) return { initial: first, choices: { kind: 'list', codes: units } };
  return { initial: first, choices: { kind: 'none' } };
}

/** Whether a remembered selection may be shown: the initial unit or one of the known choices. */
export function allowedSelection(
  scope: TabletScope,
  selected: string | null,
  knownChoices: readonly { code: string }[] | null,
): boolean {
  if (selected === null || !isUnitCode(selected)) return false;
  if (selected === scope.initial) return true;
  if (scope.choices.kind === 'none') return false;
  if (scope.choices.kind === 'list') return scope.choices.codes.includes(selected);
  return knownChoices?.some((u) => u.code === selected) ?? false;
}
