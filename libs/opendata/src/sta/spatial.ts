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

/**
 * The DE-9IM matrix (OGC 06-103r4 §6.1.15) between a position and a geometry, in the order the
 * call names them, as its nine characters (interior, boundary, exterior of the first against
 * those of the second). A point's boundary is empty and its interior 0-dimensional; a polygon's
 * interior and exterior are 2-dimensional and its boundary 1-dimensional.
 */
export function relateMatrix(pt: [number, number], g: Geometry, pointFirst: boolean): string {
  let m: string;
  if (g.type === 'Point') {
    const same = sameCoord(pt, g.coordinates);
    // II IB IE / BI BB BE / EI EB EE: two points either coincide or lie in each other's exterior.
    m = same ? '0FFFFFFF2' : 'FF0FFF0F2';
  } else {
    const inside = booleanPointInPolygon(pt, g, { ignoreBoundary: true });
    const edge = !inside && booleanPointInPolygon(pt, g);
    const ii = inside ? '0' : 'F';
    const ib = edge ? '0' : 'F';
    const ie = inside || edge ? 'F' : '0';
    m = `${ii}${ib}${ie}FFF212`;
  }
  if (pointFirst) return m;
  // The same relation seen from the other side is the transposed matrix.
  return [0, 3, 6, 1, 4, 7, 2, 5, 8].map((i) => m[i]).join('');
}

/**
 * Whether a DE-9IM matrix matches a pattern of nine `T F * 0 1 2` (case-insensitive): T is any
 * non-empty intersection, F an empty one, * anything, a digit that dimension exactly.
 */
export function relateMatches(matrix: string, pattern: string): boolean {
  if (!/^[TF*012]{9}$/i.test(pattern))
    throw bad(`st_relate pattern '${pattern}' is not nine of T F * 0 1 2`);
  const wanted = pattern.toUpperCase();
  return [0, 1, 2, 3, 4, 5, 6, 7, 8].every((i) => {
    const [want, got] = [wanted[i], matrix[i]];
    if (want === '*') return true;
    if (want === 'T') return got !== 'F';
    return want === got;
  });
}

/**
 * geo.length of a `geography'LINESTRING(…)'` (or MULTILINESTRING) literal: its length in metres
 * along great circles on the WGS 84 mean radius, as geo.distance measures.
 */
export function lineLength(wkt: string): number {
  let g: { type?: unknown; coordinates?: unknown };
  try {
    g = wktToGeoJSON(wkt.replace(/^SRID=\d+;/i, '')) as typeof g;
  } catch (err) {
    throw bad(
      `geography literal is not valid WKT: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const lines =
    g.type === 'LineString'
      ? [g.coordinates as [number, number][]]
      : g.type === 'MultiLineString'
        ? (g.coordinates as [number, number][][])
        : null;
  if (!lines) throw bad(`geo.length measures a LINESTRING, not a ${String(g.type)}`);
  let metres = 0;
  for (const line of lines)
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1];
      const b = line[i];
      if (a && b) metres += haversine(a, b);
    }
  return metres;
}

/** Metres between two lon/lat positions on the WGS 84 mean radius (as geo.distance's SQL). */
export function haversine([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

export function bad(message: string, path = '$filter'): DomainError {
  return new DomainError('invalid', 'STA_QUERY_INVALID', message, {
    issues: [{ path, message }],
  });
}
