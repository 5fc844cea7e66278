import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { WardFeature } from '../api/schemas';

function sqSegDist(p: Position, a: Position, b: Position): number {
  const [px = 0, py = 0] = p;
  let [x = 0, y = 0] = a;
  const [bx = 0, by = 0] = b;
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
 * Douglas–Peucker on one closed ring (iterative, no recursion depth limit). Keeps the ring
 * closed and never returns fewer than 4 positions, so a tiny islet stays a valid polygon.
 */
export function simplifyRing(ring: readonly Position[], tolerance: number): Position[] {
  const n = ring.length;
  if (n <= 4 || tolerance <= 0) return ring.slice();
  const sqTol = tolerance * tolerance;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() ?? [0, 0];
    let maxSq = 0;
    let index = -1;
    const a = ring[first];
    const b = ring[last];
    if (!a || !b) continue;
    for (let i = first + 1; i < last; i++) {
      const p = ring[i];
      if (!p) continue;
      const d = sqSegDist(p, a, b);
      if (d > maxSq) {
        maxSq = d;
        index = i;
      }
    }
    if (index !== -1 && maxSq > sqTol) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  const out: Position[] = [];
  for (let i = 0; i < n; i++) {
    const p = ring[i];
    if (keep[i] && p) out.push(p);
  }
  // A closed ring whose first and last points coincide collapses to 2 points: keep its shape.
  if (out.length < 4) {
    const step = Math.max(1, Math.floor((n - 1) / 3));
    return [ring[0], ring[step], ring[Math.min(2 * step, n - 2)], ring[n - 1]].filter(
      (p): p is Position => p !== undefined,
    );
  }
  return out;
}

function simplifyGeometry(g: Polygon | MultiPolygon, tolerance: number): Polygon | MultiPolygon {
  if (g.type === 'Polygon') {
    return { type: 'Polygon', coordinates: g.coordinates.map((r) => simplifyRing(r, tolerance)) };
  }
  return {
    type: 'MultiPolygon',
    coordinates: g.coordinates.map((poly) => poly.map((r) => simplifyRing(r, tolerance))),
  };
}

/**
 * Drops vertices the screen cannot show. Boundary files can carry ~10 m detail (150k vertices
 * for Đà Nẵng); at province scale that is far below a pixel, yet every vertex is re-drawn on
 * every live frame. Simplifying to half a pixel at the framed zoom keeps frames cheap, notably
 * on software-rendered GPUs (CI, thin clients). `tolerance` is in degrees.
 */
export function simplifyWards(features: readonly WardFeature[], tolerance: number): WardFeature[] {
  return features.map((f) => ({ ...f, geometry: simplifyGeometry(f.geometry, tolerance) }));
}

export function countVertices(features: readonly WardFeature[]): number {
  let n = 0;
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) for (const ring of poly) n += ring.length;
  }
  return n;
}

/**
 * Degrees per half screen pixel when `bounds` is framed in a `width`×`height` px map — the
 * largest error nobody can see.
 */
export function halfPixelTolerance(
  bounds: readonly [readonly [number, number], readonly [number, number]],
  width: number,
  height: number,
): number {
  const lonSpan = bounds[1][0] - bounds[0][0];
  const latSpan = bounds[1][1] - bounds[0][1];
  const perPx = Math.max(lonSpan / Math.max(1, width), latSpan / Math.max(1, height));
  return perPx / 2;
}
