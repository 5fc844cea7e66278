import type { UnitLevel, UnitSummary } from '@ioc/contracts';
import type { MultiPolygon, Position } from 'geojson';

export type { MultiPolygon, Polygon, Position } from 'geojson';

/** [lon, lat] in WGS84 degrees. */
export type LonLat = [number, number];

/** A unit as the platform stores it: the public summary plus its boundary (when known). */
export interface UnitRecord extends UnitSummary {
  geometry: MultiPolygon | null;
}

/** A unit read from a boundary file: geometry, label and area are always present. */
export interface ImportedUnit extends UnitRecord {
  geometry: MultiPolygon;
  label: LonLat;
  areaKm2: number;
}

/** The minimum the spatial index and simplifier need from a unit. */
export interface UnitGeometry {
  code: string;
  level: UnitLevel;
  geometry: MultiPolygon;
}

export type Ring = Position[];

export const LEAF_LEVELS: readonly UnitLevel[] = ['ward', 'commune', 'special_zone'];

export function isLeafLevel(level: UnitLevel): boolean {
  return level !== 'province';
}
