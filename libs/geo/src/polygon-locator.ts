import type { Position } from 'geojson';
import { segmentDistanceSq } from './planar';

/** Where a point lies relative to a polygon. */
export const OUTSIDE = 0;
export const INSIDE = 1;
export const ON_BOUNDARY = 2;
export type Placement = typeof OUTSIDE | typeof INSIDE | typeof ON_BOUNDARY;

/**
 * Exact point-in-polygon for one polygon with holes, answered in roughly O(√n) instead of O(n):
 * edges are bucketed into horizontal bands, and a ray cast at latitude y only meets edges of the
 * band containing y. Real ward outlines run to 10,000+ vertices, so this is what makes a lookup
 * cost microseconds.
 */
export class PolygonLocator {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  private readonly seg: Float64Array;
  private readonly bandStart: Uint32Array;
  private readonly bandSeg: Uint32Array;
  private readonly bandCount: number;
  private readonly bandHeight: number;

  constructor(rings: readonly (readonly Position[])[]) {
    let n = 0;
    for (const ring of rings) n += Math.max(ring.length - 1, 0);
    const seg = new Float64Array(n * 4);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let k = 0;
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1] as Position;
        const b = ring[i] as Position;
        const ax = a[0] ?? NaN;
        const ay = a[1] ?? NaN;
        const bx = b[0] ?? NaN;
        const by = b[1] ?? NaN;
        seg[k * 4] = ax;
        seg[k * 4 + 1] = ay;
        seg[k * 4 + 2] = bx;
        seg[k * 4 + 3] = by;
        k++;
        minX = Math.min(minX, ax, bx);
        minY = Math.min(minY, ay, by);
        maxX = Math.max(maxX, ax, bx);
        maxY = Math.max(maxY, ay, by);
      }
    }
    this.seg = seg;
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    this.bandCount = Math.max(1, Math.min(Math.ceil(n / 8), 1 << 16));
    this.bandHeight = (maxY - minY) / this.bandCount || 1;

    // Two passes (count, then fill) keep the buckets in two flat typed arrays.
    const counts = new Uint32Array(this.bandCount + 1);
    for (let i = 0; i < n; i++) {
      const [b0, b1] = this.bandRange(seg[i * 4 + 1] as number, seg[i * 4 + 3] as number);
      for (let b = b0; b <= b1; b++) counts[b + 1] = (counts[b + 1] as number) + 1;
    }
    for (let b = 0; b < this.bandCount; b++)
      counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
    this.bandStart = counts.slice();
    const fill = counts.slice();
    this.bandSeg = new Uint32Array(counts[this.bandCount] as number);
    for (let i = 0; i < n; i++) {
      const [b0, b1] = this.bandRange(seg[i * 4 + 1] as number, seg[i * 4 + 3] as number);
      for (let b = b0; b <= b1; b++) {
        const at = fill[b] as number;
        this.bandSeg[at] = i;
        fill[b] = at + 1;
      }
    }
  }

  /** INSIDE, OUTSIDE, or ON_BOUNDARY when within `eps` (degrees) of an edge. */
  place(x: number, y: number, eps: number): Placement {
    if (x < this.minX - eps || x > this.maxX + eps || y < this.minY - eps || y > this.maxY + eps) {
      return OUTSIDE;
    }
    const eps2 = eps * eps;
    const [lo, hi] = this.bandRange(y - eps, y + eps);
    const home = this.band(y);
    const seg = this.seg;
    let inside = false;
    for (let b = lo; b <= hi; b++) {
      const end = this.bandStart[b + 1] as number;
      for (let s = this.bandStart[b] as number; s < end; s++) {
        const o = (this.bandSeg[s] as number) * 4;
        const ax = seg[o] as number;
        const ay = seg[o + 1] as number;
        const bx = seg[o + 2] as number;
        const by = seg[o + 3] as number;
        if (
          x >= Math.min(ax, bx) - eps &&
          x <= Math.max(ax, bx) + eps &&
          segmentDistanceSq(x, y, ax, ay, bx, by) <= eps2
        ) {
          return ON_BOUNDARY;
        }
        // Count each crossing once: only from the band that holds y.
        if (b === home && ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax)
          inside = !inside;
      }
    }
    return inside ? INSIDE : OUTSIDE;
  }

  private band(y: number): number {
    const b = Math.floor((y - this.minY) / this.bandHeight);
    return b < 0 ? 0 : b >= this.bandCount ? this.bandCount - 1 : b;
  }

  private bandRange(y1: number, y2: number): [number, number] {
    const a = this.band(Math.min(y1, y2));
    const b = this.band(Math.max(y1, y2));
    return [a, b];
  }
}
