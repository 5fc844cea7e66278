import { describe, expect, it } from 'vitest';
import type { WardFeature, WardProperties } from '../api/schemas';
import { wallBounds } from './bounds';

function square(
  code: string,
  lon: number,
  lat: number,
  level: WardProperties['level'] = 'ward',
): WardFeature {
  const d = 0.05;
  return {
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lon - d, lat - d],
          [lon + d, lat - d],
          [lon + d, lat + d],
          [lon - d, lat + d],
          [lon - d, lat - d],
        ],
      ],
    },
    properties: {
      code,
      name: code,
      shortName: code,
      level,
      approximate: true,
      labelLon: lon,
      labelLat: lat,
    },
  };
}

describe('wallBounds', () => {
  const mainland = [square('a', 107.5, 15.2), square('b', 108.3, 16.1)];

  it('fits the mainland and leaves a far offshore zone (Hoàng Sa) to the inset', () => {
    const b = wallBounds([...mainland, square('hs', 112.3, 16.5, 'special_zone')]);
    expect(b?.[1][0]).toBeCloseTo(108.35);
    expect(b?.[0][0]).toBeCloseTo(107.45);
  });

  it('keeps a near-shore special zone', () => {
    const b = wallBounds([...mainland, square('ls', 108.6, 15.4, 'special_zone')]);
    expect(b?.[1][0]).toBeCloseTo(108.65);
  });

  it('falls back to the zones alone and to null when empty', () => {
    expect(wallBounds([square('hs', 112.3, 16.5, 'special_zone')])?.[0][0]).toBeCloseTo(112.25);
    expect(wallBounds([])).toBeNull();
  });
});
