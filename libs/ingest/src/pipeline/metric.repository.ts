import type { MetricInfo } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';

/** A metric of the catalogue: what ingest checks readings against and what screens print. */
export type MetricDef = MetricInfo;

interface MetricRow {
  code: string;
  uom: string;
  name_vi: string;
  name_en: string;
  category: string;
  min_value: number;
  max_value: number;
  unit_vi: string;
  unit_en: string;
  decimals: number;
  limit_value: number | null;
  limit_basis_vi: string | null;
  limit_basis_en: string | null;
}

/** The metric table (codes, names, units, plausible ranges and national limits). */
export class MetricRepository {
  constructor(private readonly db: Queryable) {}

  async all(): Promise<MetricDef[]> {
    const { rows } = await this.db.query<MetricRow>(
      `SELECT code, uom, name_vi, name_en, category, min_value, max_value, unit_vi, unit_en,
              decimals, limit_value, limit_basis_vi, limit_basis_en
         FROM metric ORDER BY code`,
    );
    return rows.map((r) => ({
      code: r.code,
      uom: r.uom,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      category: r.category,
      min: r.min_value,
      max: r.max_value,
      unitVi: r.unit_vi,
      unitEn: r.unit_en,
      decimals: r.decimals,
      limit:
        r.limit_value === null
          ? null
          : {
              value: r.limit_value,
              basisVi: r.limit_basis_vi ?? '',
              basisEn: r.limit_basis_en ?? '',
            },
    }));
  }
}
