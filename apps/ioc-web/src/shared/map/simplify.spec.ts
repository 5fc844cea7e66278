import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import type { WardFeature } from '../api/schemas';
import { countVertices, simplifyRing, simplifyWards } from './simplify';

/** A square with many collinear points along each side and a small wiggle. */
function noisySquare(perSide: number, wiggle: number): Position[] {
  const ring: Position[] = [];
  const side = (x0: number, y0: number, dx: number, dy: number) => {
    for (let i = 0; i < perSide; i++) {
      const t = i / perSide;
      const w = i === 0 ? 0 : i % 2 === 0 ? wiggle : -wiggle;
      ring.push([x0 + dx * t + (dy !== 0 ? w : 0), y0 + dy * t + (dx !== 0 ? w : 0)]);
    }
  };
  side(0, 0, 1, 0);
  side(1, 0, 0, 1);
  side(1, 1, -1, 0);
  side(0, 1, 0, -1);
  ring.push([0, 0]);
  return ring;
}

describe('simplifyRing', () => {
  it('removes detail below the tolerance and keeps the corners and closure', () => {
    const ring = noisySquare(100, 0.0001);
    const out = simplifyRing(ring, 0.001);
    expect(out.length).toBeLessThan(12);
    expect(out[0]).toEqual([0, 0]);
    expect(out[out.length - 1]).toEqual([0, 0]);
    expect(out).toContainEqual([1, 0]);
    expect(out).toContainEqual([1, 1]);
  });

  it('keeps detail above the tolerance', () => {
    const ring = noisySquare(20, 0.01);
    expect(simplifyRing(ring, 0.001)).toHaveLength(ring.length);
  });

  it('never degrades a ring below a valid polygon', () => {
    const tiny: Position[] = [
      [0, 0],
      [1e-6, 0],
      [1e-6, 1e-6],
      [0, 1e-6],
      [0, 0.5e-6],
      [0, 0],
    ];
    expect(simplifyRing(tiny, 1).length).toBeGreaterThanOrEqual(4);
  });
});

describe('simplifyWards', () => {
  it('simplifies every ring of every feature', () => {
    const f: WardFeature = {
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: [[noisySquare(50, 0.0001)]] },
      properties: {
        code: '1',
        name: 'x',
        shortName: 'x',
        level: 'ward',
        approximate: false,
        labelLon: 0.5,
        labelLat: 0.5,
      },
    };
    const [s] = simplifyWards([f], 0.001);
    expect(countVertices([f])).toBe(201);
    expect(countVertices(s ? [s] : [])).toBeLessThan(12);
  });
});
