import type { MultiPolygon, Position } from 'geojson';

/** Mean Earth radius (IUGG), the sphere the area formula below assumes. */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/**
 * Spherical ring area (Chamberlain & Duquette, "Some algorithms for polygons on a sphere", 2007),
 * in m², sign by orientation. Within 0.5% of ellipsoidal area at Vietnamese latitudes, which is
 * finer than the precision of the published official areas.
 */
export function sphericalRingAreaM2(ring: readonly Position[]): number {
  const n = ring.length - 1; // the closing position repeats the first
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lower = ring[i];
    const middle = ring[(i + 1) % n];
    const upper = ring[(i + 2) % n];
    if (!lower || !middle || !upper) continue;
    total += ((upper[0] ?? 0) - (lower[0] ?? 0)) * RAD * Math.sin((middle[1] ?? 0) * RAD);
  }
  return (total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2;
}

/** Area of a multipolygon in km²: shells minus holes, independent of ring orientation. */
export function areaKm2(mp: MultiPolygon): number {
  let m2 = 0;
  for (const poly of mp.coordinates) {
    poly.forEach((ring, i) => {
      const a = Math.abs(sphericalRingAreaM2(ring));
      m2 += i === 0 ? a : -a;
    });
  }
  return m2 / 1e6;
}
