import { foldVietnamese, type UnitLevel, type UnitSummary } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { MultiPolygon } from 'geojson';
import { unitContentHash } from './content-hash';
import { multiPolygonBBox } from './planar';
import { computeNeighbours } from './simplify';
import type { UnitGeometry, UnitRecord } from './types';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** What an upsert would do, by code (the `--dry-run` answer). */
export interface UnitDiff {
  inserted: string[];
  updated: string[];
  unchanged: string[];
}

export interface UnitListFilter {
  /** `null` lists units without a parent (provinces). */
  parentCode?: string | null;
  level?: UnitLevel;
}

interface SummaryRow {
  code: string;
  name: string;
  short_name: string;
  name_en: string | null;
  level: UnitLevel;
  parent_code: string | null;
  label_lon: number | null;
  label_lat: number | null;
  area_km2: number | null;
  population: number | null;
  approximate: boolean;
}

const SUMMARY_COLUMNS =
  'code, name, short_name, name_en, level, parent_code, label_lon, label_lat, area_km2, population, approximate';

/** Keeps each statement's JSON parameter to a few MB: Đồng Nai alone is 8 MB of geometry. */
const MAX_BATCH_CHARS = 4_000_000;

/**
 * Administrative units over plain parameterised SQL (PostgreSQL, TimescaleDB and PGlite alike).
 * Needs migrations 0001_core and 0004_geo. Methods issue single statements; wrap calls in a
 * transaction by passing a client that is inside one.
 */
export class UnitsRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Inserts new units and rewrites changed ones; an unchanged unit (same content hash) is not
   * touched, so re-running an import is cheap and keeps updated_at meaningful. The write still
   * guards with ON CONFLICT and the hash, so a unit another import wrote in between is neither
   * duplicated nor counted twice. A stored population survives an import that carries none.
   */
  async upsert(units: readonly UnitRecord[]): Promise<UpsertCounts> {
    const seen = new Set<string>();
    for (const u of units) {
      // One statement cannot update a row twice; say which code rather than surface that error.
      if (seen.has(u.code)) throw new RangeError(`upsert: unit ${u.code} appears twice`);
      seen.add(u.code);
    }
    // Only new and changed units travel to the database: re-importing an unchanged 8 MB file
    // then costs one hash lookup instead of re-sending and re-parsing every geometry.
    const diff = await this.diff(units);
    const pending = new Set([...diff.inserted, ...diff.updated]);
    let inserted = 0;
    let updated = 0;
    for (const batch of batches(units.filter((u) => pending.has(u.code)).map(toRow))) {
      const { rows } = await this.db.query<{ code: string; inserted: boolean }>(
        `INSERT INTO admin_unit (code, name, short_name, name_en, level, parent_code, geom, label_lon, label_lat,
           area_km2, population, approximate, name_folded, content_hash, bbox_west, bbox_south, bbox_east, bbox_north)
         SELECT r.code, r.name, r.short_name, r.name_en, r.level, r.parent_code, r.geom, r.label_lon, r.label_lat,
           r.area_km2, r.population, r.approximate, r.name_folded, r.content_hash,
           r.bbox_west, r.bbox_south, r.bbox_east, r.bbox_north
         FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, short_name text, name_en text, level text,
           parent_code text, geom jsonb, label_lon double precision, label_lat double precision,
           area_km2 double precision, population integer, approximate boolean, name_folded text,
           content_hash text, bbox_west double precision, bbox_south double precision,
           bbox_east double precision, bbox_north double precision)
         ON CONFLICT (code) DO UPDATE SET
           name = EXCLUDED.name, short_name = EXCLUDED.short_name, name_en = EXCLUDED.name_en,
           level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, geom = EXCLUDED.geom,
           label_lon = EXCLUDED.label_lon, label_lat = EXCLUDED.label_lat, area_km2 = EXCLUDED.area_km2,
           population = COALESCE(EXCLUDED.population, admin_unit.population),
           approximate = EXCLUDED.approximate, name_folded = EXCLUDED.name_folded,
           content_hash = EXCLUDED.content_hash, bbox_west = EXCLUDED.bbox_west,
           bbox_south = EXCLUDED.bbox_south, bbox_east = EXCLUDED.bbox_east,
           bbox_north = EXCLUDED.bbox_north, updated_at = now()
         WHERE admin_unit.content_hash IS DISTINCT FROM EXCLUDED.content_hash
         RETURNING code, (xmax = 0) AS inserted`,
        [JSON.stringify(batch)],
      );
      // xmax = 0 marks a freshly inserted row version; an updated one carries the old row's xid.
      for (const r of rows) {
        if (r.inserted) inserted++;
        else updated++;
      }
    }
    return { inserted, updated, unchanged: units.length - inserted - updated };
  }

  /** What `upsert(units)` would do, without writing. */
  async diff(units: readonly UnitRecord[]): Promise<UnitDiff> {
    const { rows } = await this.db.query<{ code: string; content_hash: string | null }>(
      'SELECT code, content_hash FROM admin_unit WHERE code = ANY($1::text[])',
      [units.map((u) => u.code)],
    );
    const stored = new Map(rows.map((r) => [r.code, r.content_hash]));
    const out: UnitDiff = { inserted: [], updated: [], unchanged: [] };
    for (const u of units) {
      if (!stored.has(u.code)) out.inserted.push(u.code);
      else if (stored.get(u.code) === unitContentHash(u)) out.unchanged.push(u.code);
      else out.updated.push(u.code);
    }
    return out;
  }

  async list(filter: UnitListFilter = {}): Promise<UnitSummary[]> {
    const where: string[] = ['valid_to IS NULL'];
    const values: unknown[] = [];
    if (filter.parentCode === null) where.push('parent_code IS NULL');
    else if (filter.parentCode !== undefined) {
      values.push(filter.parentCode);
      where.push(`parent_code = $${values.length}`);
    }
    if (filter.level !== undefined) {
      values.push(filter.level);
      where.push(`level = $${values.length}`);
    }
    const { rows } = await this.db.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM admin_unit WHERE ${where.join(' AND ')} ORDER BY code`,
      values,
    );
    return rows.map(toSummary);
  }

  async get(code: string): Promise<UnitSummary | null> {
    const { rows } = await this.db.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM admin_unit WHERE code = $1`,
      [code],
    );
    const row = rows[0];
    return row ? toSummary(row) : null;
  }

  async getGeometry(code: string): Promise<MultiPolygon | null> {
    const { rows } = await this.db.query<{ geom: MultiPolygon | null }>(
      'SELECT geom FROM admin_unit WHERE code = $1',
      [code],
    );
    return rows[0]?.geom ?? null;
  }

  /** Every current ward/commune/special zone that has a boundary: the input of the point index. */
  async leafGeometries(parentCode?: string): Promise<UnitGeometry[]> {
    const values: unknown[] = [];
    let sql = `SELECT code, level, geom FROM admin_unit
       WHERE level <> 'province' AND geom IS NOT NULL AND valid_to IS NULL`;
    if (parentCode !== undefined) {
      values.push(parentCode);
      sql += ' AND parent_code = $1';
    }
    const { rows } = await this.db.query<{ code: string; level: UnitLevel; geom: MultiPolygon }>(
      `${sql} ORDER BY code`,
      values,
    );
    return rows.map((r) => ({ code: r.code, level: r.level, geometry: r.geom }));
  }

  /** code → parent code of every stored unit (the import's code table). */
  async codeTable(): Promise<{ code: string; parentCode: string | null }[]> {
    const { rows } = await this.db.query<{ code: string; parent_code: string | null }>(
      'SELECT code, parent_code FROM admin_unit WHERE valid_to IS NULL ORDER BY code',
    );
    return rows.map((r) => ({ code: r.code, parentCode: r.parent_code }));
  }

  /** Provinces with their boundary (when stored), as parents for an import. */
  async provinces(): Promise<{ code: string; level: 'province'; geometry: MultiPolygon | null }[]> {
    const { rows } = await this.db.query<{ code: string; geom: MultiPolygon | null }>(
      `SELECT code, geom FROM admin_unit WHERE level = 'province' AND valid_to IS NULL ORDER BY code`,
    );
    return rows.map((r) => ({ code: r.code, level: 'province', geometry: r.geom }));
  }

  /**
   * The bounding box of a unit and every unit below it (a province stored without its own
   * boundary still has its wards'); null when none of them has a geometry.
   */
  async bounds(code: string): Promise<[number, number, number, number] | null> {
    const { rows } = await this.db.query<{ w: number | null; s: number; e: number; n: number }>(
      `WITH RECURSIVE tree AS (
         SELECT code FROM admin_unit WHERE code = $1 AND valid_to IS NULL
         UNION ALL
         SELECT c.code FROM admin_unit c JOIN tree t ON c.parent_code = t.code WHERE c.valid_to IS NULL
       )
       SELECT min(u.bbox_west) AS w, min(u.bbox_south) AS s, max(u.bbox_east) AS e, max(u.bbox_north) AS n
         FROM admin_unit u JOIN tree USING (code)
        WHERE u.bbox_west IS NOT NULL`,
      [code],
    );
    const r = rows[0];
    return r && r.w !== null ? [r.w, r.s, r.e, r.n] : null;
  }

  /**
   * Leaf units sharing a border with `code`, across province lines too. SQL narrows the
   * candidates to touching bounding boxes; shared TopoJSON arcs decide.
   */
  async neighbours(code: string): Promise<string[]> {
    const { rows } = await this.db.query<{ code: string; level: UnitLevel; geom: MultiPolygon }>(
      `SELECT c.code, c.level, c.geom FROM admin_unit u
       JOIN admin_unit c ON c.bbox_west <= u.bbox_east AND c.bbox_east >= u.bbox_west
         AND c.bbox_south <= u.bbox_north AND c.bbox_north >= u.bbox_south
       WHERE u.code = $1 AND c.level <> 'province' AND c.geom IS NOT NULL AND c.valid_to IS NULL`,
      [code],
    );
    if (!rows.some((r) => r.code === code)) return [];
    const graph = computeNeighbours(
      rows.map((r) => ({ code: r.code, level: r.level, geometry: r.geom })),
    );
    return graph.get(code) ?? [];
  }
}

interface UnitRow {
  code: string;
  name: string;
  short_name: string;
  name_en: string | null;
  level: UnitLevel;
  parent_code: string | null;
  geom: MultiPolygon | null;
  label_lon: number | null;
  label_lat: number | null;
  area_km2: number | null;
  population: number | null;
  approximate: boolean;
  name_folded: string;
  content_hash: string;
  bbox_west: number | null;
  bbox_south: number | null;
  bbox_east: number | null;
  bbox_north: number | null;
}

function toRow(u: UnitRecord): { row: UnitRow; size: number } {
  const bbox = u.geometry ? multiPolygonBBox(u.geometry) : null;
  const row: UnitRow = {
    code: u.code,
    name: u.name,
    short_name: u.shortName,
    name_en: u.nameEn,
    level: u.level,
    parent_code: u.parentCode,
    geom: u.geometry,
    label_lon: u.label?.[0] ?? null,
    label_lat: u.label?.[1] ?? null,
    area_km2: u.areaKm2,
    population: u.population,
    approximate: u.approximate,
    name_folded: foldVietnamese(u.name),
    content_hash: unitContentHash(u),
    bbox_west: bbox?.[0] ?? null,
    bbox_south: bbox?.[1] ?? null,
    bbox_east: bbox?.[2] ?? null,
    bbox_north: bbox?.[3] ?? null,
  };
  // Rough size (≈ 20 characters per vertex) decides batching without serialising twice.
  let vertices = 0;
  for (const poly of u.geometry?.coordinates ?? [])
    for (const ring of poly) vertices += ring.length;
  return { row, size: 500 + vertices * 20 };
}

function* batches(rows: { row: UnitRow; size: number }[]): Generator<UnitRow[]> {
  let batch: UnitRow[] = [];
  let size = 0;
  for (const r of rows) {
    if (batch.length > 0 && size + r.size > MAX_BATCH_CHARS) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(r.row);
    size += r.size;
  }
  if (batch.length > 0) yield batch;
}

function toSummary(r: SummaryRow): UnitSummary {
  return {
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    nameEn: r.name_en,
    level: r.level,
    parentCode: r.parent_code,
    label: r.label_lon === null || r.label_lat === null ? null : [r.label_lon, r.label_lat],
    areaKm2: r.area_km2,
    population: r.population,
    approximate: r.approximate,
  };
}
