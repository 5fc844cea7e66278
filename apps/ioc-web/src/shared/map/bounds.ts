import type { Position } from 'geojson';
import type { WardFeature } from '../api/schemas';

/** [[west, south], [east, north]] */
export type Bounds = [[number, number], [number, number]];

function extend(b: Bounds | null, other: Bounds): Bounds {
  if (!b) return [[...other[0]], [...other[1]]];
  return [
    [Math.min(b[0][0], other[0][0]), Math.min(b[0][1], other[0][1])],
    [Math.max(b[1][0], other[1][0]), Math.max(b[1][1], other[1][1])],
  ];
}

export function featureBounds(feature: WardFeature): Bounds | null {
  let b: Bounds | null = null;
  const visit = (ring: Position[]): void => {
    for (const [lon, lat] of ring) {
      if (lon === undefined || lat === undefined) continue;
      b = extend(b, [
        [lon, lat],
        [lon, lat],
      ]);
    }
  };
  const g = feature.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const polygon of polygons) for (const ring of polygon) visit(ring);
  return b;
}

function span(b: Bounds): [number, number] {
  return [b[1][0] - b[0][0], b[1][1] - b[0][1]];
}

/**
 * Bounds the wall opens on. Offshore special zones far from the mainland (Hoàng Sa lies ~400 km
 * east of Đà Nẵng) would shrink the wards to a corner, so a special zone is left out when it
 * would more than grow the mainland extent by `maxGrowth` in either direction; such zones are
 * shown in the East Sea inset instead. Near-shore island zones (Phú Quốc, Côn Đảo…) stay in.
 */
export function wallBounds(features: readonly WardFeature[], maxGrowth = 0.6): Bounds | null {
  let main: Bounds | null = null;
  const zones: Bounds[] = [];
  for (const f of features) {
    const b = featureBounds(f);
    if (!b) continue;
    if (f.properties.level === 'special_zone') zones.push(b);
    else main = extend(main, b);
  }
  if (!main) return zones.reduce<Bounds | null>((acc, z) => extend(acc, z), null);
  for (const z of zones) {
    const grown = extend(main, z);
    const [w0, h0] = span(main);
    const [w1, h1] = span(grown);
    if (w1 <= w0 * (1 + maxGrowth) + 0.05 && h1 <= h0 * (1 + maxGrowth) + 0.05) main = grown;
  }
  return main;
}
