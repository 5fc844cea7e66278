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

/** Smallest frame around alerts, in degrees (~6 km): one alert is shown with its surroundings. */
const MIN_ALERT_SPAN = 0.06;

/**
 * The frame of an alerts scene: every open alert with a margin of a quarter of their spread
 * (at least MIN_ALERT_SPAN across), so the wall goes to where something is wrong. Null when no
 * alert has a place. Rounded to ~100 m so a live update that moves nothing keeps the camera.
 */
export function alertBounds(points: readonly { lon: number; lat: number }[]): Bounds | null {
  if (points.length === 0) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    w = Math.min(w, p.lon);
    e = Math.max(e, p.lon);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  const padX = Math.max((e - w) * 0.25, (MIN_ALERT_SPAN - (e - w)) / 2);
  const padY = Math.max((n - s) * 0.25, (MIN_ALERT_SPAN - (n - s)) / 2);
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return [
    [r(w - padX), r(s - padY)],
    [r(e + padX), r(n + padY)],
  ];
}
