import type { MultiPolygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { deriveShippedBoundaries, shippedBoundaryPath } from './shipped-boundaries';
import type { ImportedUnit } from './types';

/** A border between two wards that wiggles by ~0.3 m, ~0.5 m apart (noise a 10 m tolerance drops). */
function wiggle(from: number, to: number, lon: number): Position[] {
  const out: Position[] = [];
  for (let lat = from, i = 0; lat <= to + 1e-12; lat += 0.0000045, i++)
    out.push([lon + (i % 2 === 0 ? 0 : 0.000003), lat]);
  return out;
}

const BORDER = wiggle(16.0, 16.01, 108.2);

function ward(code: string, geometry: MultiPolygon): ImportedUnit {
  return {
    code,
    name: `Phường ${code}`,
    shortName: code,
    nameEn: null,
    level: 'ward',
    parentCode: '48',
    label: [108.2, 16.005],
    areaKm2: 1.2,
    population: null,
    approximate: false,
    geometry,
  };
}

/** West ward: its east edge is the border; east ward: its west edge, walked the other way. */
const west = ward('20001', {
  type: 'MultiPolygon',
  coordinates: [
    [[[108.19, 16.0], ...BORDER, [108.19, 16.01], [108.19, 16.0]]],
    // An islet of a few square centimetres: it collapses when rounded to 5 decimals.
    [
      [
        [108.1850001, 16.0050001],
        [108.1850002, 16.0050001],
        [108.1850002, 16.0050002],
        [108.1850001, 16.0050001],
      ],
    ],
  ],
});
const east = ward('20002', {
  type: 'MultiPolygon',
  coordinates: [[[[108.21, 16.0], [108.21, 16.01], ...[...BORDER].reverse(), [108.21, 16.0]]]],
});

const decimals = (x: number): number => (String(x).split('.')[1] ?? '').length;

describe('deriveShippedBoundaries', () => {
  const out = deriveShippedBoundaries([east, west], 10);

  it('keeps neighbours on one simplified border: every vertex of the shared edge is on both sides', () => {
    const [a, b] = out.features;
    const verts = (g: MultiPolygon) => new Set(g.coordinates.flat(2).map((p) => p.join()));
    const inWest = verts(a!.geometry);
    const shared = [...verts(b!.geometry)].filter((p) => inWest.has(p));
    // The 2 000-vertex wiggle is gone; its ends (and nothing between them that one side lacks)
    // remain on both sides.
    expect(shared.length).toBeGreaterThanOrEqual(2);
    expect(shared.length).toBeLessThan(20);
    const westBorder = [...inWest].filter((p) => Number(p.split(',')[0]) >= 108.1999);
    expect(westBorder.every((p) => shared.includes(p))).toBe(true);
  });

  it('rounds to 5 decimals, drops a collapsed islet, sorts by code and carries the official facts', () => {
    expect(out.features.map((f) => f.properties.code)).toEqual(['20001', '20002']);
    expect(out.features[0]!.properties).toEqual({
      code: '20001',
      name: '20001',
      fullName: 'Phường 20001',
      nameEn: null,
      provinceCode: '48',
      areaKm2: 1.2,
    });
    const coords = out.features.flatMap((f) => f.geometry.coordinates.flat(2));
    expect(coords.every(([x, y]) => decimals(x!) <= 5 && decimals(y!) <= 5)).toBe(true);
    expect(out.features[0]!.geometry.coordinates).toHaveLength(1);
    for (const ring of out.features.flatMap((f) => f.geometry.coordinates.flat())) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
  });

  it('is deterministic: the same source gives the same file, whatever the input order', () => {
    expect(JSON.stringify(deriveShippedBoundaries([west, east], 10))).toBe(JSON.stringify(out));
  });
});

describe('shippedBoundaryPath', () => {
  it('finds the demo province’s file and nothing for other provinces or odd codes', () => {
    expect(shippedBoundaryPath('48')).toMatch(/libs\/geo\/seed\/boundaries\/48\.wards\.geojson$/);
    expect(shippedBoundaryPath('75')).toBeNull();
    expect(shippedBoundaryPath('../48')).toBeNull();
  });
});
