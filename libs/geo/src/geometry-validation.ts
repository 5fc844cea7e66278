import type { MultiPolygon, Position } from 'geojson';
import { findSelfIntersection } from './self-intersection';

export type GeometryIssueReason =
  'invalid_geometry' | 'not_wgs84' | 'unclosed_ring' | 'too_few_points' | 'self_intersection';

export interface GeometryIssue {
  reason: GeometryIssueReason;
  message: string;
}

export type GeometryCheck =
  { ok: true; geometry: MultiPolygon } | { ok: false; issues: GeometryIssue[] };

/**
 * Checks one GeoJSON geometry and returns it as a MultiPolygon (a Polygon is promoted). Every
 * distinct problem is reported once, with where it first occurs, so a data owner fixing a file
 * sees all kinds of faults in one pass without thousands of repeated lines.
 */
export function checkGeometry(geometry: unknown): GeometryCheck {
  const shape = readShape(geometry);
  if (typeof shape === 'string') return fail('invalid_geometry', shape);
  const polygons = shape;

  const crs = checkWgs84(polygons);
  if (crs) return fail('not_wgs84', crs);

  const issues: GeometryIssue[] = [];
  const seen = new Set<GeometryIssueReason>();
  const add = (reason: GeometryIssueReason, message: string): void => {
    if (seen.has(reason)) return;
    seen.add(reason);
    issues.push({ reason, message });
  };
  polygons.forEach((poly, pi) => {
    poly.forEach((ring, ri) => {
      const where = `polygon ${pi}, ring ${ri}`;
      const first = ring[0];
      const last = ring[ring.length - 1];
      const closed = !!first && !!last && first[0] === last[0] && first[1] === last[1];
      if (ring.length >= 3 && !closed) {
        add('unclosed_ring', `${where}: first and last positions differ (ring is not closed)`);
      } else if (distinctPositions(ring) < 3 || ring.length < 4) {
        add(
          'too_few_points',
          `${where}: a ring needs at least 4 positions (3 distinct, then the first repeated), got ${ring.length}`,
        );
      }
    });
  });
  if (issues.length > 0) return { ok: false, issues };

  const cross = findSelfIntersection(polygons);
  if (cross) {
    const where = (s: { polygon: number; ring: number; segment: number }): string =>
      `polygon ${s.polygon} ring ${s.ring} edge ${s.segment}`;
    return fail(
      'self_intersection',
      `edges cross at [${cross.at[0].toFixed(6)}, ${cross.at[1].toFixed(6)}] (${where(cross.a)} × ${where(cross.b)})`,
    );
  }
  return { ok: true, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}

function fail(reason: GeometryIssueReason, message: string): GeometryCheck {
  return { ok: false, issues: [{ reason, message }] };
}

/** The coordinates as polygons → rings → positions, or why they are not that shape. */
function readShape(geometry: unknown): Position[][][] | string {
  if (typeof geometry !== 'object' || geometry === null) return 'feature has no geometry';
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    return `geometry type ${JSON.stringify(g.type)} is not Polygon or MultiPolygon`;
  }
  const raw = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(raw) || raw.length === 0) return `${g.type} has no coordinates`;
  const polygons: Position[][][] = [];
  for (const [pi, poly] of (raw as unknown[]).entries()) {
    if (!Array.isArray(poly) || poly.length === 0) return `polygon ${pi} has no rings`;
    const rings: Position[][] = [];
    for (const [ri, ring] of (poly as unknown[]).entries()) {
      if (!Array.isArray(ring)) return `polygon ${pi}, ring ${ri} is not an array of positions`;
      const positions: Position[] = [];
      for (const p of ring as unknown[]) {
        if (!isPosition(p)) {
          return `polygon ${pi}, ring ${ri}: ${JSON.stringify(p)} is not a [lon, lat] position`;
        }
        // Elevation and extra members are dropped: boundaries are 2-D and stored as such.
        positions.push([p[0], p[1]]);
      }
      rings.push(positions);
    }
    polygons.push(rings);
  }
  return polygons;
}

function isPosition(p: unknown): p is [number, number, ...number[]] {
  if (!Array.isArray(p) || p.length < 2) return false;
  const [x, y] = p as unknown[];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y);
}

/** Explains the first position outside the WGS84 degree range, guessing the usual causes. */
function checkWgs84(polygons: Position[][][]): string | null {
  for (const poly of polygons) {
    for (const ring of poly) {
      for (const p of ring) {
        const x = p[0] ?? 0;
        const y = p[1] ?? 0;
        if (Math.abs(x) <= 180 && Math.abs(y) <= 90) continue;
        const shown = `[${x}, ${y}]`;
        if (Math.abs(x) > 1000 && Math.abs(y) > 1000) {
          return `coordinates look like projected metres (VN-2000/UTM), expected WGS84 degrees: ${shown}; reproject to EPSG:4326 first`;
        }
        if (Math.abs(x) <= 90 && Math.abs(y) <= 180) {
          return `coordinate ${shown} is outside the WGS84 range; it looks like [lat, lon] order, but GeoJSON positions are [lon, lat]`;
        }
        return `coordinate ${shown} is outside the WGS84 range (lon −180…180, lat −90…90)`;
      }
    }
  }
  return null;
}

function distinctPositions(ring: readonly Position[]): number {
  const keys = new Set<string>();
  for (const p of ring) {
    keys.add(`${p[0] ?? NaN},${p[1] ?? NaN}`);
    if (keys.size >= 3) break;
  }
  return keys.size;
}
