import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2 } from './area';
import { labelPoint } from './label-point';
import { realWards } from './testing/shared-data';

const mp = (...polygons: number[][][][]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: polygons,
});

describe('labelPoint', () => {
  it('stays inside a U shape whose centroid is outside', () => {
    const u = mp([
      [
        [108, 16],
        [108.3, 16],
        [108.3, 16.3],
        [108.2, 16.3],
        [108.2, 16.05],
        [108.1, 16.05],
        [108.1, 16.3],
        [108, 16.3],
        [108, 16],
      ],
    ]);
    const p = labelPoint(u);
    expect(booleanPointInPolygon(p, u)).toBe(true);
    expect(booleanPointInPolygon([108.15, 16.17], u)).toBe(false);
  });

  it('avoids a hole and picks the largest part', () => {
    const withHole = mp(
      [
        [
          [108, 16],
          [109, 16],
          [109, 17],
          [108, 17],
          [108, 16],
        ],
        [
          [108.3, 16.3],
          [108.7, 16.3],
          [108.7, 16.7],
          [108.3, 16.7],
          [108.3, 16.3],
        ],
      ],
      [
        [
          [110, 16],
          [110.1, 16],
          [110.1, 16.1],
          [110, 16.1],
          [110, 16],
        ],
      ],
    );
    const p = labelPoint(withHole);
    expect(booleanPointInPolygon(p, withHole)).toBe(true);
    expect(p[0]).toBeLessThan(109);
  });

  it('finds an interior point of a thin sliver', () => {
    const sliver = mp([
      [
        [108, 16],
        [108.5, 16],
        [108.5, 16.00001],
        [108, 16],
      ],
    ]);
    expect(booleanPointInPolygon(labelPoint(sliver), sliver)).toBe(true);
  });
});

describe('areaKm2', () => {
  it('matches the spherical area of a 1° cell at the equator', () => {
    const cell = mp([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ]);
    // R²·Δλ·(sin φ2 − sin φ1) with R = 6371.0088 km
    const expected = 6371.0088 ** 2 * (Math.PI / 180) * Math.sin(Math.PI / 180);
    expect(areaKm2(cell)).toBeCloseTo(expected, 3);
  });

  it('subtracts holes whatever the ring orientation', () => {
    const shell = [
      [108, 16],
      [108, 17],
      [109, 17],
      [109, 16],
      [108, 16],
    ];
    const hole = [
      [108.25, 16.25],
      [108.75, 16.25],
      [108.75, 16.75],
      [108.25, 16.75],
      [108.25, 16.25],
    ];
    const full = areaKm2(mp([shell]));
    expect(areaKm2(mp([shell, hole]))).toBeCloseTo(full * 0.75, 0);
  });

  it(
    'agrees with the official areas of the real wards within 8%',
    { timeout: 60_000 },
    async () => {
      for (const u of await realWards('75_dong_nai')) {
        expect(Math.abs(areaKm2(u.geometry) - u.areaKm2) / u.areaKm2, u.code).toBeLessThan(0.08);
      }
    },
  );
});
