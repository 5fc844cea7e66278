import { describe, expect, it } from 'vitest';
import { checkGeometry } from './geometry-validation';
import { findSelfIntersection } from './self-intersection';

const square = (x: number, y: number, s: number): number[][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

describe('checkGeometry', () => {
  it('promotes a Polygon to a MultiPolygon and drops elevations', () => {
    const r = checkGeometry({
      type: 'Polygon',
      coordinates: [square(108, 16, 0.1).map((p) => [...p, 12])],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.geometry.type).toBe('MultiPolygon');
    expect(r.geometry.coordinates[0]?.[0]?.[0]).toEqual([108, 16]);
  });

  it('accepts a polygon with a hole and rings that touch at one vertex', () => {
    const shell = square(108, 16, 1);
    const hole = [
      [108.2, 16.2],
      [108.2, 16.8],
      [108.8, 16.8],
      [108.8, 16.2],
      [108.2, 16.2],
    ];
    const touching = [
      [109, 16],
      [109.5, 15.5],
      [109.5, 16],
      [109, 16],
    ];
    expect(
      checkGeometry({ type: 'MultiPolygon', coordinates: [[shell, hole], [touching]] }).ok,
    ).toBe(true);
  });

  it('refuses a bow-tie with where the edges cross', () => {
    const r = checkGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [108, 16],
          [108.1, 16.1],
          [108.1, 16],
          [108, 16.1],
          [108, 16],
        ],
      ],
    });
    expect(r).toMatchObject({ ok: false, issues: [{ reason: 'self_intersection' }] });
    if (!r.ok) expect(r.issues[0]?.message).toContain('[108.050000, 16.050000]');
  });

  it('refuses a hole crossing its shell and two overlapping parts', () => {
    const crossingHole = [
      [108.5, 16.5],
      [109.5, 16.5],
      [109.5, 16.6],
      [108.5, 16.6],
      [108.5, 16.5],
    ];
    expect(
      checkGeometry({ type: 'Polygon', coordinates: [square(108, 16, 1), crossingHole] }),
    ).toMatchObject({
      ok: false,
      issues: [{ reason: 'self_intersection' }],
    });
    expect(
      checkGeometry({
        type: 'MultiPolygon',
        coordinates: [[square(108, 16, 1)], [square(108.5, 16.5, 1)]],
      }),
    ).toMatchObject({ ok: false, issues: [{ reason: 'self_intersection' }] });
  });

  it('refuses an unclosed ring and a ring with too few points', () => {
    expect(
      checkGeometry({
        type: 'Polygon',
        coordinates: [
          [
            [108, 16],
            [108.1, 16],
            [108.1, 16.1],
            [108, 16.1],
          ],
        ],
      }),
    ).toMatchObject({ ok: false, issues: [{ reason: 'unclosed_ring' }] });
    expect(
      checkGeometry({
        type: 'Polygon',
        coordinates: [
          [
            [108, 16],
            [108.1, 16],
            [108, 16],
          ],
        ],
      }),
    ).toMatchObject({ ok: false, issues: [{ reason: 'too_few_points' }] });
  });

  it('recognises projected metres and swapped axes', () => {
    const utm = checkGeometry({ type: 'Polygon', coordinates: [square(580000, 1780000, 1000)] });
    expect(utm).toMatchObject({ ok: false, issues: [{ reason: 'not_wgs84' }] });
    if (!utm.ok) {
      expect(utm.issues[0]?.message).toContain(
        'coordinates look like projected metres (VN-2000/UTM), expected WGS84 degrees',
      );
    }
    const swapped = checkGeometry({ type: 'Polygon', coordinates: [square(16, 108, 0.1)] });
    expect(swapped.ok ? '' : swapped.issues[0]?.message).toContain('[lat, lon] order');
  });

  it('refuses what is not a polygon', () => {
    expect(checkGeometry(null)).toMatchObject({
      ok: false,
      issues: [{ reason: 'invalid_geometry' }],
    });
    expect(checkGeometry({ type: 'Point', coordinates: [108, 16] })).toMatchObject({
      ok: false,
      issues: [{ reason: 'invalid_geometry' }],
    });
    expect(checkGeometry({ type: 'Polygon', coordinates: [[[108, 'x']]] })).toMatchObject({
      ok: false,
      issues: [{ reason: 'invalid_geometry' }],
    });
  });
});

describe('findSelfIntersection', () => {
  // Its speed (indexed, not all pairs) is measured by `npm run bench:geo`, not timed here.
  it('finds no crossing in a 100,000-edge wavy ring whose edges run close and nearly parallel', () => {
    const n = 100_000;
    const ring: number[][] = [];
    for (let i = 0; i < n; i++) {
      const t = (2 * Math.PI * i) / n;
      // A wavy circle: many near-parallel close edges, the worst case for a naive bounding test.
      const r = 1 + 0.01 * Math.sin(t * 400);
      ring.push([108 + r * Math.cos(t), 16 + r * Math.sin(t)]);
    }
    ring.push(ring[0] as number[]);
    expect(findSelfIntersection([[ring]])).toBeNull();
  });

  it('reports collinear overlapping edges of one ring', () => {
    const ring = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 0],
      [1.5, 0],
      [1.5, -1],
      [0, -1],
      [0, 0],
    ];
    expect(findSelfIntersection([[ring]])).not.toBeNull();
  });
});
