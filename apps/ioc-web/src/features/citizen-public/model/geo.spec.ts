import { describe, expect, it } from 'vitest';
import type { WardFeature } from '../../../shared/api/schemas';
import { roundPosition, wardAt } from './geo';

function square(code: string, west: number, south: number, size: number): WardFeature {
  const e = west + size;
  const n = south + size;
  return {
    type: 'Feature',
    properties: {
      code,
      name: `Phường ${code}`,
      shortName: code,
      level: 'ward',
      approximate: false,
      labelLon: west + size / 2,
      labelLat: south + size / 2,
    },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [e, south],
          [e, n],
          [west, n],
          [west, south],
        ],
      ],
    },
  };
}

describe('wardAt', () => {
  const wards = [square('A', 108, 16, 0.1), square('B', 108.1, 16, 0.1)];

  it('names the ward whose boundary contains the point', () => {
    expect(wardAt(wards, { lon: 108.05, lat: 16.05 })?.properties.code).toBe('A');
    expect(wardAt(wards, { lon: 108.15, lat: 16.05 })?.properties.code).toBe('B');
  });

  it('answers null outside every ward (at sea, another province)', () => {
    expect(wardAt(wards, { lon: 108.3, lat: 16.05 })).toBeNull();
  });
});

describe('roundPosition', () => {
  it('keeps five decimals', () => {
    expect(roundPosition({ lon: 108.2208123456, lat: 16.0678987 })).toEqual({
      lon: 108.22081,
      lat: 16.0679,
    });
  });
});
