import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { VIETNAM_REGION_BBOX, landWithin } from './land';

describe('landWithin (Natural Earth land for the offline basemap)', () => {
  const land = landWithin(VIETNAM_REGION_BBOX);
  const shape = land.features[0];
  if (!shape) throw new Error('no land feature');
  const onLand = (lon: number, lat: number) => booleanPointInPolygon([lon, lat], shape);

  it('puts Đà Nẵng city and Biên Hoà on land and the open East Sea in water', () => {
    expect(onLand(108.2, 16.05)).toBe(true); // Đà Nẵng, Hải Châu
    expect(onLand(106.85, 10.95)).toBe(true); // Biên Hoà, Đồng Nai
    expect(onLand(109.5, 15.5)).toBe(false); // offshore, east of Quảng Ngãi
    expect(onLand(112.0, 12.0)).toBe(false);
  });

  it('keeps every coordinate inside the box', () => {
    const [w, s, e, n] = VIETNAM_REGION_BBOX;
    for (const polygon of shape.geometry.coordinates)
      for (const ring of polygon)
        for (const [x = NaN, y = NaN] of ring) {
          expect(x).toBeGreaterThanOrEqual(w);
          expect(x).toBeLessThanOrEqual(e);
          expect(y).toBeGreaterThanOrEqual(s);
          expect(y).toBeLessThanOrEqual(n);
        }
  });

  it('clips a small box to only what lies inside it', () => {
    const small = landWithin([108.0, 15.9, 108.4, 16.2]).features[0];
    expect(small?.geometry.coordinates.length).toBeGreaterThan(0);
    expect(JSON.stringify(small).length).toBeLessThan(JSON.stringify(shape).length / 20);
  });
});
