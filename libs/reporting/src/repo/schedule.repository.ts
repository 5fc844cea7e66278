import type { ReportCadence, ReportScheduleCreate, ReportSchedulePatch } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';

export interface Schedule {
  id: string;
  unitCode: string;
  officeId: string | null;
  officeName: string | null;
  officeEmail: string | null;
  cadence: ReportCadence;
  dueDay: number;
  remindDays: number[];
  emails: string[];
  webhookUrl: string | null;
  compilerOfficeId: string | null;
  active: boolean;
  createdAt: Date;
}

interface Row {
  id: unknown;
  unit_code: string;
  office_id: string | null;
  office_name: string | null;
  office_email: string | null;
  cadence: ReportCadence;
  due_day: number;
  remind_days: number[];
  emails: string[];
  webhook_url: string | null;
  compiler_office_id: string | null;
  active: boolean;
  created_at: Date | string;
}

const COLUMNS = `s.id, s.unit_code, s.office_id, o.name_vi AS office_name, o.email AS office_email,
  s.cadence, s.due_day, s.remind_days, s.emails, s.webhook_url, s.compiler_office_id, s.active,
  s.created_at`;
const FROM = 'report_schedule s LEFT JOIN office o ON o.id = s.office_id';

function toSchedule(r: Row): Schedule {
  return {
    id: String(r.id),
    unitCode: r.unit_code,
    officeId: r.office_id,
    officeName: r.office_name,
    officeEmail: r.office_email,
    cadence: r.cadence,
    dueDay: r.due_day,
    remindDays: r.remind_days.map(Number),
    emails: r.emails,
    webhookUrl: r.webhook_url,
    compilerOfficeId: r.compiler_office_id,
    active: r.active,
    createdAt: new Date(r.created_at),
  };
}

/** `report_schedule`: who reports, how often, by which day, and who is reminded. */
export class ScheduleRepository {
  constructor(private readonly db: Queryable) {}

  async list(filter: { unitCodes?: readonly string[]; activeOnly?: boolean } = {}) {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM ${FROM}
       WHERE ($1::text[] IS NULL OR s.unit_code = ANY($1::text[])) AND (NOT $2 OR s.active)
       ORDER BY s.unit_code, s.office_id NULLS FIRST`,
      [filter.unitCodes ?? null, filter.activeOnly === true],
    );
    return rows.map(toSchedule);
  }

  async get(id: string): Promise<Schedule | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = $1`, [
      id,
    ]);
    return rows[0] === undefined ? null : toSchedule(rows[0]);
  }

  /** Inserts; null when the reporter (unit, office) already has a schedule. */
  async insert(s: ReportScheduleCreate): Promise<string | null> {
    const { rows } = await this.db.query<{ id: unknown }>(
      `INSERT INTO report_schedule
         (unit_code, office_id, cadence, due_day, remind_days, emails, webhook_url, compiler_office_id)
       VALUES ($1, $2, $3, $4, $5::int[], $6::text[], $7, $8)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        s.unitCode,
        s.officeId,
        s.cadence,
        s.dueDay,
        s.remindDays,
        s.emails,
        s.webhookUrl,
        s.compilerOfficeId,
      ],
    );
    return rows[0] === undefined ? null : String(rows[0].id);
  }

  async update(id: string, p: ReportSchedulePatch): Promise<void> {
    await this.db.query(
      `UPDATE report_schedule SET
         cadence = COALESCE($2, cadence), due_day = COALESCE($3, due_day),
         remind_days = COALESCE($4::int[], remind_days), emails = COALESCE($5::text[], emails),
         webhook_url = CASE WHEN $6 THEN $7 ELSE webhook_url END,
         compiler_office_id = CASE WHEN $8 THEN $9 ELSE compiler_office_id END,
         active = COALESCE($10, active), updated_at = now()
       WHERE id = $1`,
      [
        id,
        p.cadence ?? null,
        p.dueDay ?? null,
        p.remindDays ?? null,
        p.emails ?? null,
        p.webhookUrl !== undefined,
        p.webhookUrl ?? null,
        p.compilerOfficeId !== undefined,
        p.compilerOfficeId ?? null,
        p.active ?? null,
      ],
    );
  }

  /** Whether the office exists and belongs to the unit (a schedule must not cross units). */
  async officeOfUnit(officeId: string): Promise<{ unitCode: string } | null> {
    const { rows } = await this.db.query<{ unit_code: string }>(
      `SELECT unit_code FROM office WHERE id = $1 AND retired_at IS NULL`,
      [officeId],
    );
    return rows[0] === undefined ? null : { unitCode: rows[0].unit_code };
  }

  /** Whether a user belongs to an office (office_member, libs/org's table). */
  async isMember(username: string, officeId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `SELECT 1 FROM office_member WHERE username = $1 AND office_id = $2`,
      [username, officeId],
    );
    return rows.length > 0;
  }
}
