import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { multiPolygonBBox } from './planar';
import { realWards } from './testing/shared-data';
import type { ImportedUnit, UnitGeometry } from './types';
import { UnitIndex } from './unit-index';

const square = (x: number, y: number, s: number): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [x, y],
        [x + s, y],
        [x + s, y + s],
        [x, y + s],
        [x, y],
      ],
    ],
  ],
});

/** Deterministic PRNG so a failure reproduces. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('UnitIndex on synthetic units', () => {
  it('resolves a point on a shared border to the lowest code, whatever the load order', () => {
    const a: UnitGeometry = { code: '20200', level: 'ward', geometry: square(108, 16, 1) };
    const b: UnitGeometry = { code: '20194', level: 'ward', geometry: square(109, 16, 1) };
    for (const units of [
      [a, b],
      [b, a],
    ]) {
      const index = UnitIndex.build(units);
      expect(index.locate(109, 16.5)).toBe('20194');
      expect(index.locateAll(109, 16.5)).toEqual(['20194', '20200']);
      expect(index.locate(109 - 1e-7, 16.5)).toBe('20200');
      expect(index.locate(109 + 1e-7, 16.5)).toBe('20194');
    }
  });

  it('honours holes and ignores provinces', () => {
    const ring = square(108, 16, 1).coordinates[0]![0]!;
    const hole = square(108.4, 16.4, 0.2).coordinates[0]![0]!;
    const index = UnitIndex.build([
      {
        code: '20194',
        level: 'ward',
        geometry: { type: 'MultiPolygon', coordinates: [[ring, hole]] },
      },
      { code: '48', level: 'province', geometry: square(107, 15, 3) },
    ]);
    expect(index.size).toBe(1);
    expect(index.locate(108.1, 16.1)).toBe('20194');
    expect(index.locate(108.5, 16.5)).toBeNull();
    expect(index.locate(107.5, 15.5)).toBeNull();
    expect(index.locate(NaN, 16)).toBeNull();
  });
});

describe('UnitIndex on the real wards of 48 and 75', { timeout: 120_000 }, () => {
  let units: ImportedUnit[] = [];
  let index: UnitIndex;
  beforeAll(async () => {
    units = [...(await realWards('48_da_nang')), ...(await realWards('75_dong_nai'))];
    index = UnitIndex.build(units);
  }, 120_000);

  it('indexes all 189 leaf units', () => {
    expect(index.size).toBe(189);
  });

  it('resolves 10,000 points sampled inside known wards to those wards', () => {
    const rand = mulberry32(48_75);
    const boxes = units.map((u) => multiPolygonBBox(u.geometry));
    const misses: string[] = [];
    let sampled = 0;
    while (sampled < 10_000) {
      const k = Math.floor(rand() * units.length);
      const u = units[k]!;
      const [x0, y0, x1, y1] = boxes[k]!;
      const p: [number, number] = [x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0)];
      // The oracle decides membership; the index must agree.
      if (!booleanPointInPolygon(p, u.geometry)) continue;
      sampled++;
      const got = index.locate(p[0], p[1]);
      if (got !== u.code) misses.push(`${p.join(',')} expected ${u.code} got ${got}`);
    }
    expect(misses).toEqual([]);
  });

  it('returns null at sea, never the nearest ward', () => {
    expect(index.locate(108.6, 16.0)).toBeNull(); // East Sea off Đà Nẵng
    expect(index.locate(108.35, 16.1)).toBeNull(); // Đà Nẵng bay, 10 km off the coast
    expect(index.locate(111.0, 16.5)).toBeNull(); // open sea west of Hoàng Sa
    expect(index.locate(105.8, 21.0)).toBeNull(); // Hà Nội: not loaded
  });

  it('finds the city centre, Hội An and an island of Hoàng Sa', () => {
    const at = (code: string) => units.find((u) => u.code === code)!.label;
    for (const code of ['20314', '20333', '20413', '25195']) {
      const [lon, lat] = at(code);
      expect(index.locate(lon, lat)).toBe(code);
    }
  });
});
