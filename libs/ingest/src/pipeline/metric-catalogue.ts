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

/** The metric table, loaded once and refreshed on demand (it changes only by migration/admin). */
export class MetricCatalogue {
  private byCode = new Map<string, MetricDef>();

  static async load(db: Queryable): Promise<MetricCatalogue> {
    const c = new MetricCatalogue();
    await c.refresh(db);
    return c;
  }

  static of(defs: MetricDef[]): MetricCatalogue {
    const c = new MetricCatalogue();
    c.byCode = new Map(defs.map((d) => [d.code, d]));
    return c;
  }

  async refresh(db: Queryable): Promise<void> {
    const { rows } = await db.query<{
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
    this.byCode = new Map(
      rows.map((r) => [
        r.code,
        {
          code: r.code,
          uom: r.uom,
          nameVi: r.name_vi,
          nameEn: r.name_en,
          category: r.category,
          min: r.min_value,
          max: r.max_value,
        },
      ]),
    );
  }

  get(code: string): MetricDef | undefined {
    return this.byCode.get(code);
  }

  all(): MetricDef[] {
    return [...this.byCode.values()];
  }
}
