import { describe, expect, it } from 'vitest';
import { parseWkt, pointPredicate } from './spatial';

const square = parseWkt('POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))');

describe('pointPredicate', () => {
  it('within/intersects/disjoint/touches for a point inside, on the edge and outside', () => {
    const cases: [string, [number, number], boolean][] = [
      ['st_within', [5, 5], true],
      ['st_within', [0, 5], false],
      ['st_intersects', [0, 5], true],
      ['st_touches', [0, 5], true],
      ['st_touches', [5, 5], false],
      ['st_disjoint', [11, 5], true],
      ['geo.intersects', [11, 5], false],
      ['st_overlaps', [5, 5], false],
    ];
    for (const [fn, pt, want] of cases)
      expect(pointPredicate(fn, pt, square, true), `${fn} ${pt.join(' ')}`).toBe(want);
  });

  it('reads the argument order: a polygon contains a point, a point contains no polygon', () => {
    expect(pointPredicate('st_contains', [5, 5], square, false)).toBe(true);
    expect(pointPredicate('st_contains', [5, 5], square, true)).toBe(false);
    expect(pointPredicate('st_equals', [1, 2], parseWkt('POINT(1 2)'), true)).toBe(true);
  });

  it('refuses WKT it cannot read, and geometries other than points and polygons', () => {
    expect(() => parseWkt('POLYGON((1 2')).toThrow(/WKT/);
    expect(() => parseWkt('LINESTRING(0 0, 1 1)')).toThrow(/not supported/);
  });
});
