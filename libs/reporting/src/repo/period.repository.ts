import type { ReportAction, ReportCadence, ReportState } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';

export interface StoredPeriod {
  id: string;
  scheduleId: string;
  unitCode: string;
  officeId: string | null;
  officeName: string | null;
  officeEmail: string | null;
  compilerOfficeId: string | null;
  cadence: ReportCadence;
  remindDays: number[];
  emails: string[];
  webhookUrl: string | null;
  period: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  state: ReportState;
  submittedAt: Date | null;
  submittedBy: string | null;
  returnedReason: string | null;
  approvedAt: Date | null;
  approvedBy: string | null;
}

export interface StoredEvent {
  id: string;
  periodId: string;
  at: Date;
  actor: string;
  action: ReportAction;
  reason: string | null;
}

type Row = Record<string, unknown>;

const day = (v: unknown): string =>
  v instanceof Date ? v.toISOString().slice(0, 10) : (text(v) ?? '').slice(0, 10);
const time = (v: unknown): Date | null =>
  v === null || v === undefined ? null : new Date(v as string);
const text = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : null;

function toPeriod(r: Row): StoredPeriod {
  return {
    id: String(r.id),
    scheduleId: String(r.schedule_id),
    unitCode: String(r.unit_code),
    officeId: text(r.office_id),
    officeName: text(r.office_name),
    officeEmail: text(r.office_email),
    compilerOfficeId: text(r.compiler_office_id),
    cadence: r.cadence as ReportCadence,
    remindDays: (r.remind_days as number[]).map(Number),
    emails: r.emails as string[],
    webhookUrl: text(r.webhook_url),
    period: String(r.period),
    periodStart: day(r.period_start),
    periodEnd: day(r.period_end),
    dueDate: day(r.due_date),
    state: r.state as ReportState,
    submittedAt: time(r.submitted_at),
    submittedBy: text(r.submitted_by),
    returnedReason: text(r.returned_reason),
    approvedAt: time(r.approved_at),
    approvedBy: text(r.approved_by),
  };
}

// Dates are read as text so no driver turns a calendar day into a shifted instant.
const COLUMNS = `p.id, p.schedule_id, s.unit_code, s.office_id, o.name_vi AS office_name,
  o.email AS office_email, s.compiler_office_id, s.cadence, s.remind_days, s.emails,
  s.webhook_url, p.period, p.period_start::text AS period_start,
  p.period_end::text AS period_end, p.due_date::text AS due_date, p.state, p.submitted_at,
  p.submitted_by, p.returned_reason, p.approved_at, p.approved_by`;
const FROM = `report_period p JOIN report_schedule s ON s.id = p.schedule_id
  LEFT JOIN office o ON o.id = s.office_id`;

export interface PeriodFilter {
  unitCodes?: readonly string[];
  period?: string;
  states?: readonly ReportState[];
  dueBefore?: string;
  dueFrom?: string;
}

/** `report_period` and `report_event`: one reporter's report per period, and its steps. */
export class PeriodRepository {
  constructor(private readonly db: Queryable) {}

  /** Creates the period of a schedule unless it exists (idempotent). */
  /**
   * Opens the given periods that do not exist yet, in one statement (it runs before every read
   * of the cycle, for every active schedule); returns how many were opened.
   */
  async ensureAll(
    ps: readonly {
      scheduleId: string;
      period: string;
      start: string;
      end: string;
      dueDate: string;
    }[],
  ): Promise<number> {
    if (ps.length === 0) return 0;
    const r = await this.db.query(
      `INSERT INTO report_period (schedule_id, period, period_start, period_end, due_date)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::date[], $4::date[], $5::date[])
       ON CONFLICT DO NOTHING`,
      [
        ps.map((p) => p.scheduleId),
        ps.map((p) => p.period),
        ps.map((p) => p.start),
        ps.map((p) => p.end),
        ps.map((p) => p.dueDate),
      ],
    );
    return r.rowCount ?? 0;
  }

  async list(f: PeriodFilter = {}): Promise<StoredPeriod[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM ${FROM}
       WHERE ($1::text[] IS NULL OR s.unit_code = ANY($1::text[]))
         AND ($2::text IS NULL OR p.period = $2)
         AND ($3::text[] IS NULL OR p.state = ANY($3::text[]))
         AND ($4::date IS NULL OR p.due_date < $4::date)
         AND ($5::date IS NULL OR p.due_date >= $5::date)
       ORDER BY p.due_date DESC, s.unit_code, s.office_id NULLS FIRST, p.id`,
      [
        f.unitCodes ?? null,
        f.period ?? null,
        f.states ?? null,
        f.dueBefore ?? null,
        f.dueFrom ?? null,
      ],
    );
    return rows.map(toPeriod);
  }

  async get(id: string): Promise<StoredPeriod | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1`, [
      id,
    ]);
    return rows[0] === undefined ? null : toPeriod(rows[0]);
  }

  /**
   * Moves a period from `from` to `to` and records the step, in one statement so two reviewers
   * racing cannot both win: the UPDATE matches only while the state is still `from`.
   */
  async step(s: {
    id: string;
    from: ReportState;
    to: ReportState;
    action: ReportAction;
    actor: string;
    reason: string | null;
    at: Date;
  }): Promise<boolean> {
    const { rows } = await this.db.query<{ id: unknown }>(
      `WITH moved AS (
         UPDATE report_period SET state = $3::text, updated_at = $6::timestamptz,
           submitted_at = CASE WHEN $4::text = 'submit' THEN $6::timestamptz ELSE submitted_at END,
           submitted_by = CASE WHEN $4::text = 'submit' THEN $5::text ELSE submitted_by END,
           returned_reason = CASE WHEN $4::text = 'return' THEN $7::text
                                  WHEN $4::text = 'submit' THEN NULL ELSE returned_reason END,
           approved_at = CASE WHEN $4::text = 'approve' THEN $6::timestamptz WHEN $4::text = 'reopen' THEN NULL
                              ELSE approved_at END,
           approved_by = CASE WHEN $4::text = 'approve' THEN $5::text WHEN $4::text = 'reopen' THEN NULL
                              ELSE approved_by END
         WHERE id = $1 AND state = $2::text RETURNING id)
       INSERT INTO report_event (period_id, at, actor, action, reason)
       SELECT id, $6::timestamptz, $5::text, $4::text, $7::text FROM moved RETURNING id`,
      [s.id, s.from, s.to, s.action, s.actor, s.at, s.reason],
    );
    return rows.length > 0;
  }

  async events(periodId: string): Promise<StoredEvent[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT id, period_id, at, actor, action, reason FROM report_event
       WHERE period_id = $1 ORDER BY at, id`,
      [periodId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      periodId: String(r.period_id),
      at: new Date(r.at as string),
      actor: String(r.actor),
      action: r.action as ReportAction,
      reason: text(r.reason),
    }));
  }
}
