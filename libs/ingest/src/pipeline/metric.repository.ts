import type { Queryable } from '@ioc/db';

export interface MetricDef {
  code: string;
  uom: string;
  nameVi: string;
  nameEn: string;
  category: string;
  min: number;
  max: number;
}

/** The metric table (codes, units and plausible ranges). */
export class MetricRepository {
  constructor(private readonly db: Queryable) {}

  async all(): Promise<MetricDef[]> {
    const { rows } = await this.db.query<{
      code: string;
      uom: string;
      name_vi: string;
      name_en: string;
      category: string;
      min_value: number;
      max_value: number;
    }>(
      'SELECT code, uom, name_vi, name_en, category, min_value, max_value FROM metric ORDER BY code',
    );
    return rows.map((r) => ({
      code: r.code,
      uom: r.uom,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      category: r.category,
      min: r.min_value,
      max: r.max_value,
    }));
  }
}
