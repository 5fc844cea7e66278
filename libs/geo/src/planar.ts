import type { MultiPolygon, Position } from 'geojson';

/** [minX, minY, maxX, maxY] */
export type BBox = [number, number, number, number];

/** Metres per degree of latitude (mean, WGS84 ellipsoid at ~10-20°N is within 0.1% of this). */
export const METRES_PER_DEGREE = 111_320;

export function emptyBBox(): BBox {
  return [Infinity, Infinity, -Infinity, -Infinity];
}

export function extendBBox(b: BBox, x: number, y: number): void {
  if (x < b[0]) b[0] = x;
  if (y < b[1]) b[1] = y;
  if (x > b[2]) b[2] = x;
  if (y > b[3]) b[3] = y;
}

export function ringBBox(ring: readonly Position[]): BBox {
  const b = emptyBBox();
  for (const p of ring) extendBBox(b, p[0] ?? NaN, p[1] ?? NaN);
  return b;
}

export function multiPolygonBBox(mp: MultiPolygon): BBox {
  const b = emptyBBox();
  for (const poly of mp.coordinates) {
    const shell = poly[0];
    if (shell) for (const p of shell) extendBBox(b, p[0] ?? NaN, p[1] ?? NaN);
  }
  return b;
}

export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Shoelace area in coordinate units², positive for counter-clockwise rings. */
export function ringSignedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j];
    const b = ring[i];
    if (!a || !b) continue;
    sum += ((a[0] ?? 0) - (b[0] ?? 0)) * ((a[1] ?? 0) + (b[1] ?? 0));
  }
  return sum / 2;
}

/** Even-odd test over all rings of one polygon, so holes are handled without orientation rules. */
export function pointInRings(
  x: number,
  y: number,
  rings: readonly (readonly Position[])[],
): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (!a || !b) continue;
      const ax = a[0] ?? 0;
      const ay = a[1] ?? 0;
      const bx = b[0] ?? 0;
      const by = b[1] ?? 0;
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    }
  }
  return inside;
}

export function pointInMultiPolygon(x: number, y: number, mp: MultiPolygon): boolean {
  return mp.coordinates.some((poly) => pointInRings(x, y, poly));
}

export function segmentDistanceSq(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  let x = ax;
  let y = ay;
  let dx = bx - x;
  let dy = by - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/**
 * A local equirectangular projection to metres around a reference latitude. Distances within a
 * province (a few hundred km) are off by well under 1%, which is all tolerances here need.
 */
export interface LocalProjection {
  kx: number;
  ky: number;
  x(lon: number): number;
  y(lat: number): number;
  lon(x: number): number;
  lat(y: number): number;
}

export function localProjection(refLat: number): LocalProjection {
  const kx = METRES_PER_DEGREE * Math.cos((refLat * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  return {
    kx,
    ky,
    x: (lon) => lon * kx,
    y: (lat) => lat * ky,
    lon: (x) => x / kx,
    lat: (y) => y / ky,
  };
}

/** Distance in metres from a point to the nearest edge of a multipolygon (any ring). */
export function distanceToBoundaryM(lon: number, lat: number, mp: MultiPolygon): number {
  const proj = localProjection(lat);
  const px = proj.x(lon);
  const py = proj.y(lat);
  let best = Infinity;
  for (const poly of mp.coordinates) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1];
        const b = ring[i];
        if (!a || !b) continue;
        const d = segmentDistanceSq(
          px,
          py,
          proj.x(a[0] ?? 0),
          proj.y(a[1] ?? 0),
          proj.x(b[0] ?? 0),
          proj.y(b[1] ?? 0),
        );
        if (d < best) best = d;
      }
    }
  }
  return Math.sqrt(best);
}
