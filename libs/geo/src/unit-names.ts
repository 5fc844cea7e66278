import type { UnitLevel } from '@ioc/contracts';

/**
 * Official name prefixes since the 2025 reorganisation (no districts any more), longest first so
 * "Thành phố" wins over any shorter match. "Thành phố" is a province-level city: the cities that
 * were districts of a province were dissolved into wards.
 */
const PREFIXES: readonly { prefix: string; level: UnitLevel }[] = [
  { prefix: 'Thành phố', level: 'province' },
  { prefix: 'Đặc khu', level: 'special_zone' },
  { prefix: 'Phường', level: 'ward' },
  { prefix: 'Tỉnh', level: 'province' },
  { prefix: 'Xã', level: 'commune' },
];

const DEFAULT_PREFIX: Record<UnitLevel, string> = {
  province: 'Tỉnh',
  ward: 'Phường',
  commune: 'Xã',
  special_zone: 'Đặc khu',
};

export interface ParsedUnitName {
  name: string;
  shortName: string;
  level: UnitLevel;
}

/**
 * Splits "Phường Hải Vân" into its level and short name. Matching is exact on the accented
 * prefix (case aside), never on a folded form: folding would read the commune "Xà Bang" as
 * "Xã Bang".
 */
export function parseUnitName(fullName: string): ParsedUnitName | null {
  const name = normaliseName(fullName);
  const lower = name.toLocaleLowerCase('vi');
  for (const { prefix, level } of PREFIXES) {
    const p = prefix.toLocaleLowerCase('vi');
    if (lower.startsWith(`${p} `) && name.length > p.length + 1) {
      return { name, shortName: name.slice(p.length + 1).trim(), level };
    }
  }
  return null;
}

/** Builds a full name from a short one when a file gives the level separately. */
export function fullNameFor(shortName: string, level: UnitLevel): string {
  return `${DEFAULT_PREFIX[level]} ${normaliseName(shortName)}`;
}

/** Reads a level given as a code ("ward") or a Vietnamese word ("Phường", "xã"). */
export function parseLevel(value: string): UnitLevel | null {
  const v = normaliseName(value).toLocaleLowerCase('vi').replace(/\s+/g, '_');
  if (v === 'province' || v === 'ward' || v === 'commune' || v === 'special_zone') return v;
  for (const { prefix, level } of PREFIXES) {
    if (prefix.toLocaleLowerCase('vi').replace(/\s+/g, '_') === v) return level;
  }
  return null;
}

/** NFC and single spaces, so names from different tools compare equal byte for byte. */
export function normaliseName(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}
