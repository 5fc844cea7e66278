import type { TaskStatus } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { StoredTaskStatus } from '../status';
import { whereOf, type TaskFilter } from './task-filter';
import { statusSql, TASK_COLUMNS, toTaskRecord, type TaskRecord, type TaskRow } from './task-row';

/**
 * A new task's stored fields (the seed's and the API's): the record less what the database and
 * later updates set; a task made through the API may have no code yet.
 */
export type TaskInsert = Omit<
  TaskRecord,
  'id' | 'code' | 'status' | 'progress' | 'cancelReason' | 'updatedAt' | 'lastUpdateAt'
> & { code: string | null };

/** Columns an edit may set, by field name. */
export const EDITABLE_COLUMNS = {
  titleVi: 'title_vi',
  titleEn: 'title_en',
  detailVi: 'detail_vi',
  groupVi: 'group_vi',
  number: 'number',
  leadOfficeId: 'lead_office_id',
  leadVi: 'lead_vi',
  cooperatingVi: 'cooperating_vi',
  periodVi: 'period_vi',
  dueDate: 'due_date',
  recurring: 'recurring',
  cadence: 'cadence',
  productVi: 'product_vi',
  kpiVi: 'kpi_vi',
  relatedIndicators: 'related_indicators',
  ref: 'ref',
  notes: 'notes',
} as const;
export type TaskChanges = Partial<Pick<TaskInsert, keyof typeof EDITABLE_COLUMNS>>;

const INSERT_COLUMNS = `code, source, number, group_vi, parent_vi, title_vi, title_en, detail_vi,
  area_code, lead_unit_code, lead_office_id, lead_vi, lead_uncertain, cooperating_vi,
  supervisor_vi, period_vi, due_date, recurring, cadence, product_vi, kpi_vi,
  related_indicators, ref, notes`;

function insertValues(t: TaskInsert): unknown[] {
  return [
    t.code,
    t.source,
    t.number,
    t.groupVi,
    t.parentVi,
    t.titleVi,
    t.titleEn,
    t.detailVi,
    t.areaCode,
    t.leadUnitCode,
    t.leadOfficeId,
    t.leadVi,
    t.leadUncertain,
    t.cooperatingVi,
    t.supervisorVi,
    t.periodVi,
    t.dueDate,
    t.recurring,
    t.cadence,
    t.productVi,
    t.kpiVi,
    t.relatedIndicators,
    t.ref,
    t.notes,
  ];
}
const PLACEHOLDERS = Array.from({ length: 24 }, (_, i) => `$${i + 1}`).join(', ');

/** Keyset position of a list page: due date (nulls last) then id. */
export interface TaskCursor {
  due: string;
  id: string;
}
const NO_DUE = '9999-12-31';

/** Plan tasks: plain SQL over `task`. */
export class TaskRepository {
  constructor(private readonly db: Queryable) {}

  async get(id: string): Promise<TaskRecord | null> {
    const r = await this.db.query<TaskRow>(`SELECT ${TASK_COLUMNS} FROM task t WHERE t.id = $1`, [
      id,
    ]);
    return r.rows[0] ? toTaskRecord(r.rows[0]) : null;
  }

  async unitOf(id: string): Promise<string | undefined> {
    const r = await this.db.query<{ lead_unit_code: string }>(
      'SELECT lead_unit_code FROM task WHERE id = $1',
      [id],
    );
    return r.rows[0]?.lead_unit_code;
  }

  /** A page of tasks by due date (none last), then id. */
  async list(f: TaskFilter, limit: number, after?: TaskCursor): Promise<TaskRecord[]> {
    const values: unknown[] = [];
    let where = whereOf(f, values);
    if (after !== undefined) {
      values.push(after.due, after.id);
      where += ` AND (COALESCE(t.due_date, '${NO_DUE}'::date), t.id) > ($${values.length - 1}::date, $${values.length}::bigint)`;
    }
    values.push(limit);
    const r = await this.db.query<TaskRow>(
      `SELECT ${TASK_COLUMNS} FROM task t WHERE ${where}
        ORDER BY COALESCE(t.due_date, '${NO_DUE}'::date), t.id LIMIT $${values.length}`,
      values,
    );
    return r.rows.map(toTaskRecord);
  }

  cursorOf(t: TaskRecord): TaskCursor {
    return { due: t.dueDate ?? NO_DUE, id: t.id };
  }

  /** Counts by status as seen, over the filter's scope (units, office, source, q). */
  async countByStatus(f: TaskFilter): Promise<Map<TaskStatus, number>> {
    const values: unknown[] = [f.today];
    const where = whereOf(f, values, { scopeOnly: true });
    const r = await this.db.query<{ status: TaskStatus; n: number }>(
      `SELECT ${statusSql('$1')} AS status, count(*)::int AS n FROM task t WHERE ${where}
        GROUP BY 1`,
      values,
    );
    return new Map(r.rows.map((row) => [row.status, row.n]));
  }

  /** Overdue tasks by lead unit and office, most first. */
  async overdueByLead(
    f: TaskFilter,
  ): Promise<{ leadUnitCode: string; leadOfficeId: string | null; overdue: number }[]> {
    const values: unknown[] = [f.today];
    const where = whereOf(f, values, { scopeOnly: true });
    const r = await this.db.query<{
      lead_unit_code: string;
      lead_office_id: string | null;
      n: number;
    }>(
      `SELECT t.lead_unit_code, t.lead_office_id, count(*)::int AS n FROM task t
        WHERE ${where} AND ${statusSql('$1')} = 'overdue'
        GROUP BY 1, 2 ORDER BY n DESC, 1, 2`,
      values,
    );
    return r.rows.map((row) => ({
      leadUnitCode: row.lead_unit_code,
      leadOfficeId: row.lead_office_id,
      overdue: row.n,
    }));
  }

  /** Inserts a task; a null code becomes `local/<id>`. Null when the code is taken. */
  async insert(t: TaskInsert): Promise<string | null> {
    const r = await this.db.query<{ id: string }>(
      `INSERT INTO task (id, ${INSERT_COLUMNS})
       SELECT nextval('task_id_seq'), ${PLACEHOLDERS.replace('$1', "COALESCE($1, 'local/' || currval('task_id_seq'))")}
       ON CONFLICT (code) DO NOTHING RETURNING id::text AS id`,
      insertValues(t),
    );
    return r.rows[0]?.id ?? null;
  }

  async update(id: string, changes: TaskChanges, at: Date): Promise<void> {
    const values: unknown[] = [id, at];
    const sets = ['updated_at = $2'];
    for (const [key, column] of Object.entries(EDITABLE_COLUMNS)) {
      const v = changes[key as keyof TaskChanges];
      if (v === undefined) continue;
      values.push(v);
      sets.push(`${column} = $${values.length}`);
    }
    await this.db.query(`UPDATE task SET ${sets.join(', ')} WHERE id = $1`, values);
  }

  /** Stores progress and status; completion and cancellation times follow the status. */
  async setState(
    id: string,
    s: { status: StoredTaskStatus; progress: number; cancelReason?: string | null },
    at: Date,
  ): Promise<void> {
    await this.db.query(
      `UPDATE task SET status = $2, progress = $3, updated_at = $4,
         completed_at = CASE WHEN $2 = 'done' THEN COALESCE(completed_at, $4) ELSE NULL END,
         cancelled_at = CASE WHEN $2 = 'cancelled' THEN $4 ELSE NULL END,
         cancel_reason = CASE WHEN $2 = 'cancelled' THEN $5 ELSE NULL END
       WHERE id = $1`,
      [id, s.status, s.progress, at, s.cancelReason ?? null],
    );
  }

  /** Open tasks (not done nor cancelled) led by the unit, or by one office of it. */
  async openOf(unitCode: string, officeId: string | null): Promise<TaskRecord[]> {
    const r = await this.db.query<TaskRow>(
      `SELECT ${TASK_COLUMNS} FROM task t
        WHERE t.lead_unit_code = $1 AND ($2::text IS NULL OR t.lead_office_id = $2)
          AND t.status IN ('not_started', 'in_progress')
        ORDER BY COALESCE(t.due_date, '${NO_DUE}'::date), t.id`,
      [unitCode, officeId],
    );
    return r.rows.map(toTaskRecord);
  }

  /** Tasks overdue on `today` (every unit). */
  async overdue(today: string): Promise<TaskRecord[]> {
    const r = await this.db.query<TaskRow>(
      `SELECT ${TASK_COLUMNS} FROM task t WHERE ${statusSql('$1')} = 'overdue' ORDER BY t.due_date, t.id`,
      [today],
    );
    return r.rows.map(toTaskRecord);
  }
}
