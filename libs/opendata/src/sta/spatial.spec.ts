import { describe, expect, it } from 'vitest';
import { lineLength, parseWkt, pointPredicate, relateMatches, relateMatrix } from './spatial';

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

describe('relateMatrix and relateMatches (st_relate)', () => {
  it('gives the DE-9IM matrix of a point inside, on the edge of and outside a polygon', () => {
    expect(relateMatrix([5, 5], square, true)).toBe('0FFFFF212');
    expect(relateMatrix([0, 5], square, true)).toBe('F0FFFF212');
    expect(relateMatrix([11, 5], square, true)).toBe('FF0FFF212');
    // The polygon first: the same relation, transposed.
    expect(relateMatrix([5, 5], square, false)).toBe('0F2FF1FF2');
    expect(relateMatrix([1, 2], parseWkt('POINT(1 2)'), true)).toBe('0FFFFFFF2');
    expect(relateMatrix([1, 2], parseWkt('POINT(2 1)'), true)).toBe('FF0FFF0F2');
  });

  it('matches patterns as st_within, st_touches and st_disjoint would answer', () => {
    const within = 'T*F**F***';
    for (const pt of [
      [5, 5],
      [0, 5],
      [11, 5],
    ] as [number, number][]) {
      const m = relateMatrix(pt, square, true);
      expect(relateMatches(m, within), `within ${pt.join(' ')}`).toBe(
        pointPredicate('st_within', pt, square, true),
      );
      expect(relateMatches(m, 'FF*FF****'), `disjoint ${pt.join(' ')}`).toBe(
        pointPredicate('st_disjoint', pt, square, true),
      );
    }
    expect(relateMatches('0FFFFF212', '0********')).toBe(true);
    expect(relateMatches('0FFFFF212', '1********')).toBe(false);
    expect(() => relateMatches('0FFFFF212', 'T*F')).toThrow(/pattern/);
  });
});

describe('lineLength (geo.length)', () => {
  it('measures a line along great circles, in metres', () => {
    // One degree of latitude on the mean radius: 6371008.8 × π / 180 ≈ 111195 m.
    expect(lineLength('LINESTRING(108 16, 108 17)')).toBeCloseTo(111_195.08, 1);
    expect(lineLength('MULTILINESTRING((108 16, 108 17), (108 17, 108 18))')).toBeCloseTo(
      2 * 111_195.08,
      1,
    );
    expect(() => lineLength('POINT(1 2)')).toThrow(/LINESTRING/);
  });
});
