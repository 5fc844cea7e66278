import type { MultiPolygon, Position } from 'geojson';
import { localProjection, ringSignedArea, segmentDistanceSq } from './planar';
import type { LonLat } from './types';

interface Cell {
  x: number;
  y: number;
  h: number; // half the cell size
  d: number; // signed distance from the centre to the polygon edge (negative outside)
  max: number; // the best distance any point in the cell could reach
}

type XY = [number, number];

/**
 * A point guaranteed to lie inside the polygon, far from its edges: the pole of inaccessibility
 * (Mapbox "polylabel" algorithm) of the largest part, searched in a local metric projection so
 * "far" means metres, not degrees. Unlike a centroid it cannot fall in a bay, a hole or the sea
 * between islands, which is what a map label and a containment check both need.
 *
 * `precisionM` bounds how far from the true pole the answer may be; the default scales with the
 * part so that large communes do not cost more probes than small wards.
 */
export function labelPoint(mp: MultiPolygon, precisionM?: number): LonLat {
  const part = largestPart(mp);
  const shell = part[0];
  const first = shell?.[0];
  if (!shell || !first) throw new RangeError('labelPoint: empty geometry');
  const proj = localProjection(first[1] ?? 0);
  const rings: XY[][] = part.map((ring) => ring.map((p) => [proj.x(p[0] ?? 0), proj.y(p[1] ?? 0)]));
  const [x, y] = poleOfInaccessibility(rings, precisionM);
  return [proj.lon(x), proj.lat(y)];
}

function largestPart(mp: MultiPolygon): Position[][] {
  let best: Position[][] = mp.coordinates[0] ?? [];
  let bestArea = -1;
  for (const poly of mp.coordinates) {
    const shell = poly[0];
    if (!shell) continue;
    const first = shell[0];
    // cos(lat) makes the comparison fair between parts at different latitudes (Hoàng Sa).
    const k = Math.cos(((first?.[1] ?? 0) * Math.PI) / 180);
    const a = Math.abs(ringSignedArea(shell)) * k;
    if (a > bestArea) {
      bestArea = a;
      best = poly;
    }
  }
  return best;
}

function poleOfInaccessibility(rings: XY[][], precisionM?: number): XY {
  const shell = rings[0] ?? [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of shell) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  const width = maxX - minX;
  const height = maxY - minY;
  // Thin shapes: a grid of min(width, height) would be thousands of cells along the long side.
  const cellSize = Math.max(Math.min(width, height), Math.max(width, height) / 64);
  const precision = precisionM ?? Math.max(Math.max(width, height) / 500, 0.5);
  if (width === 0 || height === 0) return [minX, minY];

  const edges = new EdgeSet(rings);
  const queue = new MaxHeap<Cell>((c) => c.max);
  const makeCell = (x: number, y: number, h: number): Cell => {
    const d = edges.signedDistance(x, y);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  let h = cellSize / 2;
  for (let x = minX; x < maxX; x += cellSize) {
    for (let y = minY; y < maxY; y += cellSize) queue.push(makeCell(x + h, y + h, h));
  }
  let best = centroidCell(rings, makeCell);
  const bboxCell = makeCell(minX + width / 2, minY + height / 2, 0);
  if (bboxCell.d > best.d) best = bboxCell;
  // Any vertex-adjacent interior point beats an outside "best" when the shape is very thin.
  if (best.d <= 0) best = nearInteriorCell(shell, makeCell) ?? best;

  for (let cell = queue.pop(); cell; cell = queue.pop()) {
    if (cell.d > best.d) best = cell;
    if (cell.max - best.d <= precision) continue;
    h = cell.h / 2;
    queue.push(makeCell(cell.x - h, cell.y - h, h));
    queue.push(makeCell(cell.x + h, cell.y - h, h));
    queue.push(makeCell(cell.x - h, cell.y + h, h));
    queue.push(makeCell(cell.x + h, cell.y + h, h));
  }
  return [best.x, best.y];
}

/**
 * Edges in chunks of CHUNK consecutive segments with a bounding box each: a probe skips a whole
 * chunk when the box is farther than the nearest edge found so far and does not straddle the
 * probe's latitude (so it cannot change the inside/outside parity). Probes then cost far less
 * than one pass over a 10,000-vertex outline.
 */
const CHUNK = 32;

class EdgeSet {
  private readonly seg: Float64Array;
  private readonly box: Float64Array;
  private readonly n: number;

  constructor(rings: XY[][]) {
    let n = 0;
    for (const ring of rings) n += Math.max(ring.length - 1, 0);
    this.n = n;
    this.seg = new Float64Array(n * 4);
    let k = 0;
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1] as XY;
        const b = ring[i] as XY;
        this.seg[k++] = a[0];
        this.seg[k++] = a[1];
        this.seg[k++] = b[0];
        this.seg[k++] = b[1];
      }
    }
    const chunks = Math.ceil(n / CHUNK);
    this.box = new Float64Array(chunks * 4);
    for (let c = 0; c < chunks; c++) {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++) {
        for (const o of [0, 2]) {
          const x = this.seg[i * 4 + o] as number;
          const y = this.seg[i * 4 + o + 1] as number;
          if (x < minX) minX = x;
          if (y < minY) minY = y;
          if (x > maxX) maxX = x;
          if (y > maxY) maxY = y;
        }
      }
      this.box.set([minX, minY, maxX, maxY], c * 4);
    }
  }

  /** Distance to the nearest edge, positive inside (even-odd over all rings), negative outside. */
  signedDistance(x: number, y: number): number {
    const seg = this.seg;
    const box = this.box;
    let inside = false;
    let minSq = Infinity;
    for (let c = 0; c * CHUNK < this.n; c++) {
      const bx0 = box[c * 4] as number;
      const by0 = box[c * 4 + 1] as number;
      const bx1 = box[c * 4 + 2] as number;
      const by1 = box[c * 4 + 3] as number;
      const dx = x < bx0 ? bx0 - x : x > bx1 ? x - bx1 : 0;
      const dy = y < by0 ? by0 - y : y > by1 ? y - by1 : 0;
      const straddles = y >= by0 && y <= by1;
      if (!straddles && dx * dx + dy * dy >= minSq) continue;
      const end = Math.min(this.n, (c + 1) * CHUNK);
      for (let i = c * CHUNK; i < end; i++) {
        const ax = seg[i * 4] as number;
        const ay = seg[i * 4 + 1] as number;
        const qx = seg[i * 4 + 2] as number;
        const qy = seg[i * 4 + 3] as number;
        if (ay > y !== qy > y && x < ((qx - ax) * (y - ay)) / (qy - ay) + ax) inside = !inside;
        const d = segmentDistanceSq(x, y, ax, ay, qx, qy);
        if (d < minSq) minSq = d;
      }
    }
    return (inside ? 1 : -1) * Math.sqrt(minSq);
  }
}

function centroidCell(rings: XY[][], makeCell: (x: number, y: number, h: number) => Cell): Cell {
  const shell = rings[0] ?? [];
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = shell.length - 1; i < shell.length; j = i++) {
    const a = shell[i];
    const b = shell[j];
    if (!a || !b) continue;
    const f = a[0] * b[1] - b[0] * a[1];
    cx += (a[0] + b[0]) * f;
    cy += (a[1] + b[1]) * f;
    area += f * 3;
  }
  const p = shell[0] ?? [0, 0];
  return area === 0 ? makeCell(p[0], p[1], 0) : makeCell(cx / area, cy / area, 0);
}

/**
 * For slivers narrower than the first grid, probe just inside each edge midpoint; the polygon
 * has positive area, so one of the probes is interior.
 */
function nearInteriorCell(
  shell: XY[],
  makeCell: (x: number, y: number, h: number) => Cell,
): Cell | null {
  for (let i = 1; i < shell.length; i++) {
    const a = shell[i - 1];
    const b = shell[i];
    if (!a || !b) continue;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    const mx = (a[0] + b[0]) / 2;
    const my = (a[1] + b[1]) / 2;
    const nx = -(b[1] - a[1]) / len;
    const ny = (b[0] - a[0]) / len;
    for (const step of [len * 1e-3, -len * 1e-3]) {
      const c = makeCell(mx + nx * step, my + ny * step, 0);
      if (c.d > 0) return c;
    }
  }
  return null;
}

class MaxHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly key: (item: T) => number) {}

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as T;
      if (this.key(p) >= this.key(item)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = item;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    const n = items.length;
    const k = this.key(last);
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && this.key(items[r] as T) > this.key(items[l] as T)) c = r;
      const child = items[c] as T;
      if (this.key(child) <= k) break;
      items[i] = child;
      i = c;
    }
    items[i] = last;
    return top;
  }
}
