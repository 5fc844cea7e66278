import type { MeasuredAt } from './catalogue/schema';

/** Levels as stored in admin_unit.level. */
export type UnitLevel = 'province' | 'ward' | 'commune' | 'special_zone';

export interface UnitRef {
  code: string;
  level: UnitLevel;
  parentCode: string | null;
  /** Official name, when the directory was loaded with names. */
  name?: string;
}

/**
 * The administrative units a report may name, with their hierarchy: one consistent view for a
 * request (or a fixture), so that validation and rollups stay pure functions.
 */
export interface UnitLookup {
  get(code: string): UnitRef | undefined;
  childrenOf(code: string): readonly string[];
}

/**
 * Where the indicator services find the units in force (geo's cached UnitDirectory satisfies
 * it; composition plugs it). Each call answers the current tree, reloaded after an import.
 */
export interface IndicatorUnits {
  snapshot(): Promise<UnitLookup>;
}

export function createUnitLookup(units: Iterable<UnitRef>): UnitLookup {
  const byCode = new Map<string, UnitRef>();
  const children = new Map<string, string[]>();
  for (const u of units) {
    byCode.set(u.code, u);
    if (u.parentCode !== null) {
      const list = children.get(u.parentCode) ?? [];
      list.push(u.code);
      children.set(u.parentCode, list);
    }
  }
  for (const list of children.values()) list.sort();
  return {
    get: (code) => byCode.get(code),
    childrenOf: (code) => children.get(code) ?? [],
  };
}

/**
 * Since 1 July 2025 there are two levels: wards, communes and special zones are all "commune
 * level" in the catalogue's `measuredAt` vocabulary.
 */
export function measuredLevel(level: UnitLevel): MeasuredAt {
  return level === 'province' ? 'province' : 'commune';
}
