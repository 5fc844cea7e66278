import Flatbush from 'flatbush';
import { OUTSIDE, PolygonLocator } from './polygon-locator';
import { isLeafLevel, type UnitGeometry } from './types';

/**
 * Points closer than this (degrees, ≈0.1 mm) to an edge count as on it. It only has to absorb
 * floating-point noise in coordinates that both neighbours share exactly.
 */
export const BOUNDARY_EPSILON_DEG = 1e-9;

/**
 * Point → administrative unit lookup over the leaf units (wards, communes, special zones).
 *
 * Rules, so every caller gets the same answer for the same point:
 * - A point belongs to every leaf unit whose polygon contains it or whose boundary is within
 *   BOUNDARY_EPSILON_DEG of it; among those the lowest code (fixed-width digits, compared as
 *   strings) wins. A device standing exactly on a ward border is thus always filed under the
 *   same ward, whatever order the units were loaded in.
 * - A point in no unit (at sea, abroad, in another province) is `null`, never the nearest unit:
 *   a fishing vessel offshore must not be counted in a coastal ward's figures.
 * - Provinces are not indexed; a province is the parent of the leaf found.
 */
export class UnitIndex {
  private readonly parts: PolygonLocator[] = [];
  private readonly partUnit: number[] = [];
  private readonly codes: string[] = [];
  private readonly tree: Flatbush | null;

  private constructor(units: Iterable<UnitGeometry>) {
    for (const unit of units) {
      if (!isLeafLevel(unit.level)) continue;
      const u = this.codes.length;
      this.codes.push(unit.code);
      for (const polygon of unit.geometry.coordinates) {
        if (polygon.length === 0) continue;
        this.parts.push(new PolygonLocator(polygon));
        this.partUnit.push(u);
      }
    }
    if (this.parts.length === 0) {
      this.tree = null;
      return;
    }
    // One box per polygon part, not per unit: Hoàng Sa's islands span 1.5°, its box would
    // otherwise catch every query in the sea around it.
    const tree = new Flatbush(this.parts.length);
    for (const p of this.parts) tree.add(p.minX, p.minY, p.maxX, p.maxY);
    tree.finish();
    this.tree = tree;
  }

  static build(units: Iterable<UnitGeometry>): UnitIndex {
    return new UnitIndex(units);
  }

  /** Number of leaf units indexed. */
  get size(): number {
    return this.codes.length;
  }

  /** The leaf unit containing the point, or null outside every unit (see class rules). */
  locate(lon: number, lat: number): string | null {
    let best: string | null = null;
    this.visit(lon, lat, (code) => {
      if (best === null || code < best) best = code;
    });
    return best;
  }

  /** All leaf units containing the point within epsilon, lowest code first. */
  locateAll(lon: number, lat: number): string[] {
    const found = new Set<string>();
    this.visit(lon, lat, (code) => found.add(code));
    return [...found].sort();
  }

  private visit(lon: number, lat: number, hit: (code: string) => void): void {
    if (!this.tree || !Number.isFinite(lon) || !Number.isFinite(lat)) return;
    const e = BOUNDARY_EPSILON_DEG;
    for (const i of this.tree.search(lon - e, lat - e, lon + e, lat + e)) {
      if ((this.parts[i] as PolygonLocator).place(lon, lat, e) !== OUTSIDE) {
        hit(this.codes[this.partUnit[i] as number] as string);
      }
    }
  }
}

export function buildUnitIndex(units: Iterable<UnitGeometry>): UnitIndex {
  return UnitIndex.build(units);
}
