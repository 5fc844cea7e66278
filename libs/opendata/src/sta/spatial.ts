import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
// @ts-expect-error -- @terraformer/wkt ships no type declarations; the one function used is typed below
import * as terraformer from '@terraformer/wkt';
import { DomainError } from '@ioc/contracts';

const wktToGeoJSON = (terraformer as { wktToGeoJSON: (wkt: string) => unknown }).wktToGeoJSON;

export type Geometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'Polygon'; coordinates: [number, number][][] }
  | { type: 'MultiPolygon'; coordinates: [number, number][][][] };

/** A `geography'…'` literal's WKT as GeoJSON; points and (multi)polygons only. */
export function parseWkt(wkt: string): Geometry {
  let g: unknown;
  try {
    g = wktToGeoJSON(wkt.replace(/^SRID=\d+;/i, ''));
  } catch (err) {
    throw bad(
      `geography literal is not valid WKT: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const type = (g as { type?: unknown }).type;
  if (type === 'Point' || type === 'Polygon' || type === 'MultiPolygon') return g as Geometry;
  throw bad(`geography literal ${String(type)} is not supported (Point, Polygon, MultiPolygon)`);
}

const sameCoord = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1];

/** Whether the point lies on the geometry's boundary (a point's boundary is empty). */
function onBoundary(pt: [number, number], g: Geometry): boolean {
  if (g.type === 'Point') return false;
  return booleanPointInPolygon(pt, g) && !booleanPointInPolygon(pt, g, { ignoreBoundary: true });
}

/**
 * A STA spatial predicate between a device's (rounded) position and a literal geometry, in the
 * order the call names them: `st_within(location, POLYGON)` is true when the position is inside.
 * Points have no area, so "overlaps" and "crosses" never hold between a point and anything.
 */
export function pointPredicate(
  fn: string,
  pt: [number, number],
  g: Geometry,
  pointFirst: boolean,
): boolean {
  const intersects =
    g.type === 'Point' ? sameCoord(pt, g.coordinates) : booleanPointInPolygon(pt, g);
  switch (fn) {
    case 'geo.intersects':
    case 'st_intersects':
      return intersects;
    case 'st_disjoint':
      return !intersects;
    case 'st_equals':
      return g.type === 'Point' && intersects;
    case 'st_touches':
      return onBoundary(pt, g);
    case 'st_within':
      // A point is within a polygon when inside it, not on its boundary.
      return pointFirst
        ? g.type === 'Point'
          ? intersects
          : booleanPointInPolygon(pt, g, { ignoreBoundary: true })
        : g.type === 'Point' && intersects;
    case 'st_contains':
      return pointFirst
        ? g.type === 'Point' && intersects
        : g.type === 'Point'
          ? intersects
          : booleanPointInPolygon(pt, g, { ignoreBoundary: true });
    case 'st_overlaps':
    case 'st_crosses':
      return false;
    default:
      throw bad(`${fn} is not supported`);
  }
}

export function bad(message: string, path = '$filter'): DomainError {
  return new DomainError('invalid', 'STA_QUERY_INVALID', message, {
    issues: [{ path, message }],
  });
}
