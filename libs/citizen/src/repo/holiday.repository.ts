import type { WorkHolidayView } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';

const COLUMNS = `to_char(day, 'YYYY-MM-DD') AS day, name_vi AS "nameVi", name_en AS "nameEn"`;

/** work_holiday: the public holidays of the working-day calendar. */
export class HolidayRepository {
  constructor(private readonly db: Queryable) {}

  async ofYear(year: number): Promise<WorkHolidayView[]> {
    const { rows } = await this.db.query<WorkHolidayView>(
      `SELECT ${COLUMNS} FROM work_holiday
       WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1) ORDER BY day`,
      [year],
    );
    return rows;
  }

  /** Every holiday day, `YYYY-MM-DD` (a few dozen rows a year). */
  async allDays(): Promise<string[]> {
    const { rows } = await this.db.query<{ day: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM work_holiday ORDER BY day`,
    );
    return rows.map((r) => r.day);
  }

  async put(h: WorkHolidayView): Promise<WorkHolidayView> {
    const { rows } = await this.db.query<WorkHolidayView>(
      `INSERT INTO work_holiday (day, name_vi, name_en) VALUES ($1::date, $2, $3)
       ON CONFLICT (day) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en
       RETURNING ${COLUMNS}`,
      [h.day, h.nameVi, h.nameEn],
    );
    const row = rows[0];
    if (!row) throw new Error(`holiday ${h.day} was not stored`);
    return row;
  }

  async remove(day: string): Promise<boolean> {
    const r = await this.db.query('DELETE FROM work_holiday WHERE day = $1::date', [day]);
    return (r.rowCount ?? 0) > 0;
  }

  /** Removes every holiday of a year (before the year's list is put again). */
  async clearYear(year: number): Promise<void> {
    await this.db.query(
      'DELETE FROM work_holiday WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1)',
      [year],
    );
  }
}
