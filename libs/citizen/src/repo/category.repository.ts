import type { CitizenCategoryPutBody, CitizenCategoryView } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';

const COLUMNS = `code, name_vi AS "nameVi", name_en AS "nameEn", icon,
  deadline_days AS "deadlineDays", active`;

/** citizen_category: what residents may report and its deadline in working days. */
export class CategoryRepository {
  constructor(private readonly db: Queryable) {}

  async list(activeOnly: boolean): Promise<CitizenCategoryView[]> {
    const { rows } = await this.db.query<CitizenCategoryView>(
      `SELECT ${COLUMNS} FROM citizen_category ${activeOnly ? 'WHERE active' : ''}
       ORDER BY sort, code`,
    );
    return rows;
  }

  async get(code: string): Promise<CitizenCategoryView | null> {
    const { rows } = await this.db.query<CitizenCategoryView>(
      `SELECT ${COLUMNS} FROM citizen_category WHERE code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  async put(code: string, b: CitizenCategoryPutBody): Promise<CitizenCategoryView> {
    const { rows } = await this.db.query<CitizenCategoryView>(
      `INSERT INTO citizen_category (code, name_vi, name_en, icon, deadline_days, active, sort)
       VALUES ($1, $2, $3, $4, $5, $6,
               COALESCE($7, (SELECT COALESCE(max(sort), 0) + 10 FROM citizen_category)))
       ON CONFLICT (code) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en,
         icon = EXCLUDED.icon, deadline_days = EXCLUDED.deadline_days, active = EXCLUDED.active,
         sort = COALESCE($7, citizen_category.sort)
       RETURNING ${COLUMNS}`,
      [code, b.nameVi, b.nameEn, b.icon, b.deadlineDays, b.active, b.sort ?? null],
    );
    const row = rows[0];
    if (!row) throw new Error(`category ${code} was not stored`);
    return row;
  }

  /** Deletes an unused category, deactivates a used one; false when there is none. */
  async remove(code: string): Promise<'deleted' | 'deactivated' | false> {
    const used = await this.db.query(
      'SELECT 1 FROM citizen_report WHERE category_code = $1 LIMIT 1',
      [code],
    );
    if (used.rows.length > 0) {
      const r = await this.db.query('UPDATE citizen_category SET active = false WHERE code = $1', [
        code,
      ]);
      return (r.rowCount ?? 0) > 0 ? 'deactivated' : false;
    }
    const r = await this.db.query('DELETE FROM citizen_category WHERE code = $1', [code]);
    return (r.rowCount ?? 0) > 0 ? 'deleted' : false;
  }
}
