import type { Queryable } from '@ioc/db';
import type { UnitLevel, UnitSummary } from '@ioc/contracts';

interface UnitRow {
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

const COLS = 'code, name, short_name, name_en, level, parent_code, label_lon, label_lat, area_km2, population, approximate';

/** Unit lookups for the edge, with the small parent map cached (units change only on import). */
export class UnitsService {
  private parents: Map<string, string | null> | undefined;

  constructor(private readonly db: Queryable) {}

  invalidate(): void {
    this.parents = undefined;
  }

  async load(): Promise<void> {
    const { rows } = await this.db.query<{ code: string; parent_code: string | null }>(
      'SELECT code, parent_code FROM admin_unit WHERE valid_to IS NULL',
    );
    this.parents = new Map(rows.map((r) => [r.code, r.parent_code]));
  }

  parentOf(code: string): string | null {
    return this.parents?.get(code) ?? null;
  }

  async exists(code: string): Promise<boolean> {
    if (!this.parents) await this.load();
    return this.parents?.has(code) ?? false;
  }

  async selfAndDescendants(code: string): Promise<string[]> {
    if (!this.parents) await this.load();
    const out = [code];
    for (const [c, p] of this.parents ?? []) if (p === code) out.push(c);
    return out;
  }

  async get(code: string): Promise<UnitSummary | null> {
    const { rows } = await this.db.query<UnitRow>(`SELECT ${COLS} FROM admin_unit WHERE code = $1`, [code]);
    return rows[0] ? toSummary(rows[0]) : null;
  }

  async list(filter: { parent?: string; level?: UnitLevel }): Promise<UnitSummary[]> {
    const { rows } = await this.db.query<UnitRow>(
      `SELECT ${COLS} FROM admin_unit
       WHERE valid_to IS NULL AND ($1::text IS NULL OR parent_code = $1) AND ($2::text IS NULL OR level = $2)
       ORDER BY code`,
      [filter.parent ?? null, filter.level ?? null],
    );
    return rows.map(toSummary);
  }

  async childGeometries(code: string): Promise<{ summary: UnitSummary; geometry: unknown }[]> {
    const { rows } = await this.db.query<UnitRow & { geom: unknown }>(
      `SELECT ${COLS}, geom FROM admin_unit WHERE valid_to IS NULL AND parent_code = $1 AND geom IS NOT NULL ORDER BY code`,
      [code],
    );
    return rows.map((r) => ({ summary: toSummary(r), geometry: r.geom }));
  }
}

function toSummary(r: UnitRow): UnitSummary {
  return {
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    nameEn: r.name_en,
    level: r.level,
    parentCode: r.parent_code,
    label: r.label_lon !== null && r.label_lat !== null ? [r.label_lon, r.label_lat] : null,
    areaKm2: r.area_km2,
    population: r.population,
    approximate: r.approximate,
  };
}
