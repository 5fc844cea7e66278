import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SimplifiedUnits } from './simplify';
import type { ImportedUnit } from './types';

/**
 * Ward boundaries shipped with the platform, so a fresh install draws the demo province's real
 * wards instead of approximate cells. Each file is a derivative of the public boundary data
 * (MIT; derived from the national administrative reference map), made by this platform's own
 * topology-aware simplification (`deriveShippedBoundaries`, run by `npm run boundaries:derive`);
 * the source and licence are in NOTICE. They are reference boundaries, not cadastral ones.
 */
export const SHIPPED_BOUNDARIES_DIR = resolve(import.meta.dirname, '../seed/boundaries');

/**
 * Vertices whose effective triangle is smaller than toleranceM² are dropped: about two screen
 * pixels at street zoom (z15 ≈ 4.5 m/px at 16°N), so a ward wall drawn over a street basemap
 * still follows the roads and rivers its border runs along, and the file stays under 2 MB.
 * Areas change by less than 0.05% (the derive script prints the largest change).
 */
export const SHIPPED_TOLERANCE_M = 10;

/** Output precision: 5 decimals of a degree ≈ 1.1 m, finer than the tolerance above. */
const DECIMALS = 5;

/** The shipped file of a province, or null when the platform ships none for it. */
export function shippedBoundaryPath(provinceCode: string): string | null {
  const path = resolve(SHIPPED_BOUNDARIES_DIR, `${provinceCode}.wards.geojson`);
  return /^\d{2}$/.test(provinceCode) && existsSync(path) ? path : null;
}

export interface ShippedProperties {
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  provinceCode: string | null;
  /** The official area (km²) as the source publishes it, not the simplified polygon's area. */
  areaKm2: number;
}

const round = (p: Position): Position => {
  const f = 10 ** DECIMALS;
  return [Math.round((p[0] ?? 0) * f) / f, Math.round((p[1] ?? 0) * f) / f];
};

/** Drops a vertex equal to the one before it (rounding can merge neighbours). */
function roundRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring.map(round)) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/**
 * Simplifies a province's imported units as one topology (a border two wards share is simplified
 * once, so no gap or overlap opens between them) and returns the GeoJSON to ship. Deterministic:
 * the same source gives byte-identical output, so a re-run shows no diff.
 */
export function deriveShippedBoundaries(
  units: readonly ImportedUnit[],
  toleranceM: number = SHIPPED_TOLERANCE_M,
): FeatureCollection<MultiPolygon, ShippedProperties> {
  // Sorted first: the topology (where rings start, how arcs are cut) follows the input order.
  const sorted = [...units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const byCode = new Map(sorted.map((u) => [u.code, u]));
  const simplified = SimplifiedUnits.build(
    sorted.map((u) => ({ code: u.code, level: u.level, geometry: u.geometry })),
    [{ band: 'high', minZoom: 0, maxZoom: 24, toleranceM }],
  ).featureCollection('high');
  const features = simplified.features.map((f): Feature<MultiPolygon, ShippedProperties> => {
    const u = byCode.get(f.properties.code);
    if (!u) throw new RangeError(`simplification returned unknown unit ${f.properties.code}`);
    return {
      type: 'Feature',
      id: u.code,
      properties: {
        code: u.code,
        name: u.shortName,
        fullName: u.name,
        nameEn: u.nameEn,
        provinceCode: u.parentCode,
        areaKm2: u.areaKm2,
      },
      geometry: {
        type: 'MultiPolygon',
        coordinates: f.geometry.coordinates.flatMap((poly) => {
          // A ring needs 3 distinct vertices and its closing one; a collapsed shell takes its
          // holes with it, a collapsed hole is dropped.
          const [shell, ...holes] = poly.map(roundRing);
          return shell && shell.length >= 4 ? [[shell, ...holes.filter((h) => h.length >= 4)]] : [];
        }),
      },
    };
  });
  return { type: 'FeatureCollection', features };
}
