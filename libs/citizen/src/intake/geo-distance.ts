const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A lat/lon box holding every point within `metres` of the centre (an index prefilter). */
export function boxAround(
  centre: { lat: number; lon: number },
  metres: number,
): { south: number; north: number; west: number; east: number } {
  const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLon = dLat / Math.max(Math.cos(rad(centre.lat)), 1e-6);
  return {
    south: centre.lat - dLat,
    north: centre.lat + dLat,
    west: centre.lon - dLon,
    east: centre.lon + dLon,
  };
}

/** A position for public eyes: 3 decimals (~100 m), so a report does not point at a door. */
export function roundPublic(value: number): number {
  return Math.round(value * 1000) / 1000;
}
