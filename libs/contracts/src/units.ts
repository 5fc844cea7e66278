export type UnitLevel = 'province' | 'ward' | 'commune' | 'special_zone';

export interface UnitSummary {
  code: string;
  name: string;
  shortName: string;
  nameEn: string | null;
  level: UnitLevel;
  parentCode: string | null;
  label: [number, number] | null;
  areaKm2: number | null;
  population: number | null;
  /** True when the geometry is an approximate cell generated from label points, not an official boundary. */
  approximate: boolean;
}
