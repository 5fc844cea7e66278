import { describe, expect, it } from 'vitest';
import { boxAround, distanceMetres, roundPublic } from './geo-distance';

describe('distances', () => {
  it('measures ~111 m per 0.001° of latitude', () => {
    const d = distanceMetres({ lat: 16.054, lon: 108.202 }, { lat: 16.055, lon: 108.202 });
    expect(d).toBeGreaterThan(110);
    expect(d).toBeLessThan(112);
  });

  it('boxes every point within the radius', () => {
    const c = { lat: 16.0544, lon: 108.2022 };
    const box = boxAround(c, 50);
    // A point 49 m due east is inside the box; 60 m east is outside.
    const east = (m: number) => ({
      lat: c.lat,
      lon: c.lon + m / 111_320 / Math.cos((c.lat * Math.PI) / 180),
    });
    expect(distanceMetres(c, east(49))).toBeLessThan(50);
    expect(east(49).lon).toBeLessThan(box.east);
    expect(east(60).lon).toBeGreaterThan(box.east);
  });

  it('rounds public positions to 3 decimals', () => {
    expect(roundPublic(16.054449)).toBe(16.054);
    expect(roundPublic(108.20251)).toBe(108.203);
  });
});
