/**
 * Test-only helpers (not exported from the lib's index): the administrative units of Đà Nẵng (48)
 * and Đồng Nai (75) from fixtures/admin-units-48-75.csv, a copy of shared/data.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createUnitLookup, type UnitLookup, type UnitLevel, type UnitRef } from '../units';

interface CsvUnit {
  province_code: string;
  unit_code: string;
  full_name: string;
  level: UnitLevel;
}

export const UNITS_CSV = resolve(import.meta.dirname, '../../fixtures/admin-units-48-75.csv');

export function fixtureUnits(): (UnitRef & { name: string })[] {
  const rows = parse<CsvUnit>(readFileSync(UNITS_CSV, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  });
  return [
    { code: '48', level: 'province', parentCode: null, name: 'Thành phố Đà Nẵng' },
    { code: '75', level: 'province', parentCode: null, name: 'Tỉnh Đồng Nai' },
    ...rows.map((r) => ({
      code: r.unit_code,
      level: r.level,
      parentCode: r.province_code,
      name: r.full_name,
    })),
  ];
}

export function fixtureLookup(): UnitLookup {
  return createUnitLookup(fixtureUnits());
}

/** The 94 ward-level units of Đà Nẵng. */
export function danangWards(): string[] {
  return fixtureLookup().childrenOf('48').slice();
}
