import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import type { LonLat } from './types';

const CHUNK = 8;

export interface SelfIntersection {
  /** Index of the polygon in the multipolygon and of the ring in that polygon, for each segment. */
  a: { polygon: number; ring: number; segment: number };
  b: { polygon: number; ring: number; segment: number };
  at: LonLat;
}

/**
 * Finds one pair of edges that cross (or overlap collinearly) anywhere in a multipolygon: within
 * a ring (bow-tie), between a shell and its holes, or between two parts. Edges that merely touch
 * at a vertex are tolerated, as real cadastral data often pinches rings at one point.
 *
 * Edges go into a packed R-tree so each edge is only tested against the few near it:
 * O(n log n) for the 370k edges of a province, instead of O(n²).
 */
export function findSelfIntersection(
  polygons: readonly (readonly Position[][])[],
): SelfIntersection | null {
  let n = 0;
  for (const poly of polygons) for (const ring of poly) n += Math.max(ring.length - 1, 0);
  if (n < 2) return null;

  const seg = new Float64Array(n * 4);
  const ringOf = new Int32Array(n);
  const posInRing = new Int32Array(n);
  const ringSize: number[] = [];
  const ringRef: { polygon: number; ring: number }[] = [];
  let k = 0;
  polygons.forEach((poly, pi) => {
    poly.forEach((ring, ri) => {
      const id = ringRef.length;
      ringRef.push({ polygon: pi, ring: ri });
      ringSize.push(ring.length - 1);
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1] as Position;
        const b = ring[i] as Position;
        seg[k * 4] = a[0] ?? NaN;
        seg[k * 4 + 1] = a[1] ?? NaN;
        seg[k * 4 + 2] = b[0] ?? NaN;
        seg[k * 4 + 3] = b[1] ?? NaN;
        ringOf[k] = id;
        posInRing[k] = i - 1;
        k++;
      }
    });
  });

  // Index runs of CHUNK consecutive edges rather than single edges: consecutive edges of an
  // outline are neighbours in space, so the tree is 1/CHUNK the size and each query returns
  // the few runs that matter.
  const chunks = Math.ceil(n / CHUNK);
  const box = new Float64Array(chunks * 4);
  const index = new Flatbush(chunks);
  for (let c = 0; c < chunks; c++) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++) {
      const x1 = seg[i * 4] as number;
      const y1 = seg[i * 4 + 1] as number;
      const x2 = seg[i * 4 + 2] as number;
      const y2 = seg[i * 4 + 3] as number;
      minX = Math.min(minX, x1, x2);
      minY = Math.min(minY, y1, y2);
      maxX = Math.max(maxX, x1, x2);
      maxY = Math.max(maxY, y1, y2);
    }
    box[c * 4] = minX;
    box[c * 4 + 1] = minY;
    box[c * 4 + 2] = maxX;
    box[c * 4 + 3] = maxY;
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();

  const adjacent = (i: number, j: number): boolean => {
    if (ringOf[i] !== ringOf[j]) return false;
    const size = ringSize[ringOf[i] as number] as number;
    const d = Math.abs((posInRing[i] as number) - (posInRing[j] as number));
    return d === 1 || d === size - 1;
  };

  for (let c = 0; c < chunks; c++) {
    const others = index.search(
      box[c * 4] as number,
      box[c * 4 + 1] as number,
      box[c * 4 + 2] as number,
      box[c * 4 + 3] as number,
      (d) => d >= c,
    );
    for (const d of others) {
      const iEnd = Math.min(n, (c + 1) * CHUNK);
      const jEnd = Math.min(n, (d + 1) * CHUNK);
      for (let i = c * CHUNK; i < iEnd; i++) {
        const ax = seg[i * 4] as number;
        const ay = seg[i * 4 + 1] as number;
        const bx = seg[i * 4 + 2] as number;
        const by = seg[i * 4 + 3] as number;
        if (ax === bx && ay === by) continue;
        const minX = Math.min(ax, bx);
        const maxX = Math.max(ax, bx);
        const minY = Math.min(ay, by);
        const maxY = Math.max(ay, by);
        for (let j = Math.max(d * CHUNK, i + 1); j < jEnd; j++) {
          const cx = seg[j * 4] as number;
          const cy = seg[j * 4 + 1] as number;
          const dx = seg[j * 4 + 2] as number;
          const dy = seg[j * 4 + 3] as number;
          if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX) continue;
          if (Math.max(cy, dy) < minY || Math.min(cy, dy) > maxY) continue;
          if (adjacent(i, j)) continue;
          const at = crossing(ax, ay, bx, by, cx, cy, dx, dy);
          if (at) {
            const ri = ringRef[ringOf[i] as number] as { polygon: number; ring: number };
            const rj = ringRef[ringOf[j] as number] as { polygon: number; ring: number };
            return {
              a: { ...ri, segment: posInRing[i] as number },
              b: { ...rj, segment: posInRing[j] as number },
              at,
            };
          }
        }
      }
    }
  }
  return null;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** The crossing point of two segments if they cross properly or overlap collinearly, else null. */
function crossing(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): LonLat | null {
  if (cx === dx && cy === dy) return null;
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
    const t = o3 / (o3 - o4);
    return [ax + t * (bx - ax), ay + t * (by - ay)];
  }
  if (o1 === 0 && o2 === 0 && o3 === 0 && o4 === 0) {
    // Collinear: project onto the longer axis and require an overlap of positive length.
    const useX = Math.abs(bx - ax) >= Math.abs(by - ay);
    const a0 = useX ? Math.min(ax, bx) : Math.min(ay, by);
    const a1 = useX ? Math.max(ax, bx) : Math.max(ay, by);
    const c0 = useX ? Math.min(cx, dx) : Math.min(cy, dy);
    const c1 = useX ? Math.max(cx, dx) : Math.max(cy, dy);
    const lo = Math.max(a0, c0);
    if (Math.min(a1, c1) > lo) {
      return useX
        ? [lo, ay + ((lo - ax) / (bx - ax)) * (by - ay)]
        : [ax + ((lo - ay) / (by - ay)) * (bx - ax), lo];
    }
  }
  return null;
}
