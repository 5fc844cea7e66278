import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { beforeAll, describe, expect, it } from 'vitest';
import { areaKm2 } from './area';
import { buildApproximateCells } from './approximate-cells';
import { seedUnits } from './testing/shared-data';
import type { UnitRecord } from './types';
import { UnitIndex } from './unit-index';

describe('buildApproximateCells', () => {
  let seed: UnitRecord[] = [];
  beforeAll(async () => {
    seed = await seedUnits();
  }, 60_000);

  const leaves = (province: string) => seed.filter((u) => u.parentCode === province);

  it.each(['48', '75'])(
    'gives every unit of %s a flagged cell containing its label point',
    (province) => {
      const units = leaves(province);
      const cells = buildApproximateCells(units);
      expect(cells.map((c) => c.code)).toEqual(units.map((u) => u.code));
      const index = UnitIndex.build(
        cells.map((c) => ({ code: c.code, level: c.level, geometry: c.geometry! })),
      );
      for (const c of cells) {
        expect(c.approximate).toBe(true);
        expect(c.geometry?.coordinates[0]?.[0]?.length).toBeGreaterThanOrEqual(4);
        expect(booleanPointInPolygon(c.label!, c.geometry!), c.code).toBe(true);
        // The lookup lands in the unit's own cell: cells do not overlap at the label points.
        expect(index.locate(c.label![0], c.label![1])).toBe(c.code);
      }
    },
  );

  it('caps the offshore Hoàng Sa cell to a small area around its own point', () => {
    const cells = buildApproximateCells(leaves('48'));
    const hs = cells.find((c) => c.code === '20333')!;
    // A disc of radius √350 km is ~1,100 km²; an uncapped Voronoi cell would span the sea.
    expect(areaKm2(hs.geometry!)).toBeLessThan(1_200);
    expect(areaKm2(hs.geometry!)).toBeGreaterThan(300);
    const [west] = hs.geometry!.coordinates[0]![0]!.reduce((m, p) => (p[0]! < m[0]! ? p : m));
    expect(west).toBeGreaterThan(112);
  });

  it('keeps cells disjoint on a sample grid', () => {
    const cells = buildApproximateCells(leaves('48'));
    let covered = 0;
    for (let i = 0; i < 60; i++) {
      for (let j = 0; j < 60; j++) {
        const p: [number, number] = [107.2 + (i / 60) * 1.6, 14.9 + (j / 60) * 1.4];
        const n = cells.filter((c) =>
          booleanPointInPolygon(p, c.geometry!, { ignoreBoundary: true }),
        ).length;
        expect(n).toBeLessThanOrEqual(1);
        covered += n;
      }
    }
    expect(covered).toBeGreaterThan(1000);
  });

  it('refuses units without a label point', () => {
    expect(() => buildApproximateCells([{ ...seed[1]!, label: null }])).toThrow(/missing: 20194/);
  });
});
