import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANONICAL_UOM } from './metric-units';
import { isConvertible, toCanonicalUnit } from './unit-conversion';

describe('unit conversion', () => {
  it('converts into canonical units and refuses foreign quantities', () => {
    expect(toCanonicalUnit(0, 'K', '°C')).toBe(-273.15);
    expect(toCanonicalUnit(10, 'kn', 'm/s')).toBeCloseTo(5.144444, 6);
    expect(toCanonicalUnit(0.05, 'kg/m3', 'µg/m³')).toBe(5e7);
    expect(toCanonicalUnit(3, '°C', '°C')).toBe(3);
    expect(toCanonicalUnit(3, 'Pa', '°C')).toBeUndefined();
    expect(isConvertible('cm', 'mm')).toBe(true);
    expect(isConvertible('cm', 'kW')).toBe(false);
  });
});

describe('built-in metric units', () => {
  it('match the metric catalogue migration (0002) exactly', () => {
    const sql = readFileSync(
      resolve(import.meta.dirname, '../../../db/migrations/0002_metric_catalogue.sql'),
      'utf8',
    );
    const rows = [...sql.matchAll(/^\s*\('([a-z0-9_]+)',\s*'([^']+)'/gm)].map((m) => [m[1], m[2]]);
    expect(rows.length).toBeGreaterThan(20);
    expect(new Map(rows as [string, string][])).toEqual(CANONICAL_UOM);
  });
});
