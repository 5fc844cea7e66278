import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { WardFeature } from '../../../shared/api/schemas';

export interface LonLat {
  lon: number;
  lat: number;
}

/**
 * The ward containing a point, from the map's own (simplified) boundaries: shown at once under
 * the marker. Near a border the simplified line may disagree with the API's exact locator by a
 * few metres; the ward named on the confirmation is the API's.
 */
export function wardAt(wards: readonly WardFeature[], p: LonLat): WardFeature | null {
  return wards.find((w) => booleanPointInPolygon([p.lon, p.lat], w.geometry)) ?? null;
}

/** A position with ~1 m precision: more digits only add noise from the phone's GPS. */
export function roundPosition(p: LonLat, digits = 5): LonLat {
  const f = 10 ** digits;
  return { lon: Math.round(p.lon * f) / f, lat: Math.round(p.lat * f) / f };
}
