import type { UnitLevel } from '@ioc/contracts';
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { buildApproximateCells } from './approximate-cells';
import { importGeoJsonPaths } from './geojson-files';
import type { ImportIssue } from './geojson-import';
import { shippedBoundaryPath } from './shipped-boundaries';
import { mergeUnits } from './simplify';
import { isLeafLevel, type UnitRecord } from './types';
import { normaliseName, parseUnitName } from './unit-names';

/**
 * The unit table shipped with the platform (codes, names, label points, areas of provinces 48
 * and 75 and their units). Resolved next to the source, so it works from a checkout and from
 * any install that keeps libs/geo/seed alongside libs/geo/src.
 */
export const SEED_CSV_PATH = resolve(import.meta.dirname, '../seed/admin-units.csv');

/** Province of the demo region when none is configured: Đà Nẵng (its real wards are shipped). */
export const DEMO_PROVINCE_CODE = '48';

const number = z.string().trim().min(1).transform(Number).pipe(z.number());
const SeedRow = z.object({
  province_code: z.string().regex(/^\d{2}$/),
  unit_code: z.string().regex(/^\d{2}$|^\d{5}$/),
  full_name: z.string().min(1),
  level: z.enum(['province', 'ward', 'commune', 'special_zone']),
  label_lon: number.pipe(z.number().min(-180).max(180)),
  label_lat: number.pipe(z.number().min(-90).max(90)),
  area_km2: number.pipe(z.number().positive()),
  name_en: z.string().optional(),
});

export class SeedError extends Error {
  override readonly name = 'SeedError';
}

/** Parses the seed CSV; any bad row fails the whole table, with its line number. */
export function parseSeedCsv(text: string): UnitRecord[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true });
  return records.map((raw, i) => {
    const r = SeedRow.safeParse(raw);
    if (!r.success) {
      throw new SeedError(
        `seed line ${i + 2}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
    }
    const row = r.data;
    const level: UnitLevel = row.level;
    const parsed = parseUnitName(row.full_name);
    if (parsed && parsed.level !== level) {
      throw new SeedError(
        `seed line ${i + 2}: "${row.full_name}" is a ${parsed.level}, not a ${level}`,
      );
    }
    const isProvince = level === 'province';
    return {
      code: row.unit_code,
      name: normaliseName(row.full_name),
      shortName: parsed?.shortName ?? normaliseName(row.full_name),
      nameEn: row.name_en === undefined || row.name_en === '' ? null : row.name_en,
      level,
      parentCode: isProvince ? null : row.province_code,
      label: [row.label_lon, row.label_lat],
      areaKm2: row.area_km2,
      population: null,
      approximate: false,
      geometry: null,
    };
  });
}

export async function loadSeedUnits(path: string = SEED_CSV_PATH): Promise<UnitRecord[]> {
  return parseSeedCsv(await readFile(path, 'utf8'));
}

export class GeoImportError extends Error {
  override readonly name = 'GeoImportError';
  constructor(readonly errors: ImportIssue[]) {
    super(
      `boundary import refused (${errors.length} error(s)): ${errors
        .slice(0, 5)
        .map((e) => `${e.source}#${e.featureIndex} ${e.code ?? '?'} ${e.reason}: ${e.message}`)
        .join('; ')}`,
    );
  }
}

export interface DemoRegionOptions {
  /**
   * GeoJSON files or directories with official boundaries. When absent: the boundaries the
   * platform ships for the province (`shippedBoundaryPath`), else approximate cells.
   */
  boundaries?: readonly string[];
  /** Province of the demo region (default 48, Đà Nẵng). */
  provinceCode?: string;
  /** The unit table; defaults to the shipped seed. */
  seed?: readonly UnitRecord[];
  /** Whether shipped boundaries may be used (default true; false builds approximate cells). */
  shipped?: boolean;
}

/**
 * Where a region's shapes come from: boundary files an administrator configured, the simplified
 * real boundaries shipped with the platform, or approximate cells (a province with neither).
 */
export type BoundarySource = 'boundaries' | 'shipped' | 'approximate';

export interface DemoRegion {
  source: BoundarySource;
  /** Provinces first, then their units, by code. */
  units: UnitRecord[];
}

/**
 * The units a fresh install starts with. With boundary files (configured, or shipped for the
 * province): the imported units, plus their provinces from the seed (outlined by merging their
 * wards when no province feature was given). Without: the seed's units of one province with
 * approximate Voronoi cells, so the map, the point→unit lookup and every per-unit view still
 * work before real boundaries are loaded.
 */
export async function buildDemoRegion(options: DemoRegionOptions = {}): Promise<DemoRegion> {
  const seed = options.seed ?? (await loadSeedUnits());
  const provinceCode = options.provinceCode ?? DEMO_PROVINCE_CODE;
  const configured = options.boundaries ?? [];
  const shipped =
    configured.length === 0 && options.shipped !== false ? shippedBoundaryPath(provinceCode) : null;
  const paths = shipped ? [shipped] : configured;
  if (paths.length > 0) {
    const result = await importGeoJsonPaths(paths, { codeTable: seed });
    if (!result.ok) throw new GeoImportError(result.errors);
    const units: UnitRecord[] = [...result.units];
    const present = new Set(units.map((u) => u.code));
    for (const parentCode of new Set(units.map((u) => u.parentCode))) {
      if (parentCode === null || present.has(parentCode)) continue;
      const province = seed.find((u) => u.code === parentCode);
      if (!province) continue;
      const wards = result.units.filter((u) => u.parentCode === parentCode);
      units.push({ ...province, geometry: mergeUnits(wards) });
    }
    return { source: shipped ? 'shipped' : 'boundaries', units: sortUnits(units) };
  }

  const province = seed.find((u) => u.code === provinceCode && u.level === 'province');
  if (!province) throw new SeedError(`province ${provinceCode} is not in the seed`);
  const cells = buildApproximateCells(
    seed.filter((u) => isLeafLevel(u.level) && u.parentCode === provinceCode),
  );
  const outline = { ...province, geometry: mergeUnits(cells), approximate: true };
  return { source: 'approximate', units: sortUnits([outline, ...cells]) };
}

function sortUnits(units: UnitRecord[]): UnitRecord[] {
  const rank = (u: UnitRecord): number => (u.level === 'province' ? 0 : 1);
  return units.sort(
    (a, b) => rank(a) - rank(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
