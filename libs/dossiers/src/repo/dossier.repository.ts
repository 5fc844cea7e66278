import type { DossierRecord, DossierView } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';

export interface StoredDossier extends DossierRecord {
  source: string;
}

const COLUMNS = `code, procedure_code, field_code, unit_code, received_at, due_at, finished_at,
  online_full_process, status, officer, officer_email, source`;

function iso(v: unknown): string {
  return new Date(v as string).toISOString();
}

function toDossier(r: Record<string, unknown>): StoredDossier {
  return {
    code: String(r.code),
    procedureCode: String(r.procedure_code),
    fieldCode: String(r.field_code),
    unitCode: String(r.unit_code),
    receivedAt: iso(r.received_at),
    dueAt: iso(r.due_at),
    finishedAt: r.finished_at === null ? null : iso(r.finished_at),
    onlineFullProcess: r.online_full_process === true,
    status: String(r.status),
    officer: (r.officer as string | null) ?? null,
    officerEmail: (r.officer_email as string | null) ?? null,
    source: String(r.source),
  };
}

/** A stored dossier as the API shows it (the officer's e-mail stays in the database). */
export function dossierView(d: StoredDossier, now: Date): DossierView {
  const due = Date.parse(d.dueAt);
  const finished = d.finishedAt === null ? null : Date.parse(d.finishedAt);
  const overdue = finished === null ? now.getTime() > due : finished > due;
  return {
    code: d.code,
    procedureCode: d.procedureCode,
    fieldCode: d.fieldCode,
    unitCode: d.unitCode,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    finishedAt: d.finishedAt,
    onlineFullProcess: d.onlineFullProcess,
    status: d.status,
    officer: d.officer,
    overdue,
    onTime: finished === null ? (overdue ? false : null) : finished <= due,
    source: d.source,
  };
}

export type DossierState = 'open' | 'due-soon' | 'overdue' | 'finished' | 'all';

/** `dossier`: upserts by code, lists and the facts rates and warnings are computed from. */
export class DossierRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Upserts by the natural key (the dossier code); the number of rows inserted or changed — a
   * record re-sent unchanged writes nothing and is not counted.
   */
  async upsertMany(records: readonly DossierRecord[], source: string, at: Date): Promise<number> {
    if (records.length === 0) return 0;
    const col = <K extends keyof DossierRecord>(k: K) => records.map((r) => r[k]);
    const { rowCount } = await this.db.query(
      `INSERT INTO dossier (code, procedure_code, field_code, unit_code, received_at, due_at,
         finished_at, online_full_process, status, officer, officer_email, source, updated_at)
       SELECT x.*, $12::text, $13::timestamptz FROM unnest($1::text[], $2::text[], $3::text[],
         $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::boolean[],
         $9::text[], $10::text[], $11::text[]) AS x
       ON CONFLICT (code) DO UPDATE SET procedure_code = EXCLUDED.procedure_code,
         field_code = EXCLUDED.field_code, unit_code = EXCLUDED.unit_code,
         received_at = EXCLUDED.received_at, due_at = EXCLUDED.due_at,
         finished_at = EXCLUDED.finished_at, online_full_process = EXCLUDED.online_full_process,
         status = EXCLUDED.status, officer = EXCLUDED.officer,
         officer_email = EXCLUDED.officer_email, source = EXCLUDED.source,
         updated_at = EXCLUDED.updated_at
       WHERE (dossier.procedure_code, dossier.field_code, dossier.unit_code, dossier.received_at,
              dossier.due_at, dossier.finished_at, dossier.online_full_process, dossier.status,
              dossier.officer, dossier.officer_email)
         IS DISTINCT FROM (EXCLUDED.procedure_code, EXCLUDED.field_code, EXCLUDED.unit_code,
              EXCLUDED.received_at, EXCLUDED.due_at, EXCLUDED.finished_at,
              EXCLUDED.online_full_process, EXCLUDED.status, EXCLUDED.officer,
              EXCLUDED.officer_email)`,
      [
        col('code'),
        col('procedureCode'),
        col('fieldCode'),
        col('unitCode'),
        col('receivedAt'),
        col('dueAt'),
        col('finishedAt'),
        col('onlineFullProcess'),
        col('status'),
        col('officer'),
        col('officerEmail'),
        source,
        at,
      ],
    );
    return rowCount ?? 0;
  }

  async list(
    units: readonly string[],
    state: DossierState,
    now: Date,
    warnHours: number,
    limit: number,
  ): Promise<StoredDossier[]> {
    const { rows } = await this.db.query(
      `SELECT ${COLUMNS} FROM dossier WHERE unit_code = ANY($1::text[])
         AND CASE $2::text
           WHEN 'open' THEN finished_at IS NULL
           WHEN 'due-soon' THEN finished_at IS NULL AND due_at > $3
                AND due_at <= $3 + make_interval(hours => $4::int)
           WHEN 'overdue' THEN (finished_at IS NULL AND due_at < $3) OR finished_at > due_at
           WHEN 'finished' THEN finished_at IS NOT NULL
           ELSE true END
       ORDER BY due_at, code LIMIT $5`,
      [units, state, now, warnHours, limit],
    );
    return rows.map(toDossier);
  }

  /** Open dossiers falling due within the window (the early-warning candidates). */
  async dueWithin(now: Date, hours: number): Promise<StoredDossier[]> {
    const { rows } = await this.db.query(
      `SELECT ${COLUMNS} FROM dossier WHERE finished_at IS NULL AND due_at > $1
         AND due_at <= $1 + make_interval(hours => $2::int) ORDER BY due_at, code`,
      [now, hours],
    );
    return rows.map(toDossier);
  }

  /** Open dossiers past due (the overdue alerts). */
  async openOverdue(now: Date): Promise<StoredDossier[]> {
    const { rows } = await this.db.query(
      `SELECT ${COLUMNS} FROM dossier WHERE finished_at IS NULL AND due_at < $1 ORDER BY due_at, code`,
      [now],
    );
    return rows.map(toDossier);
  }

  /** Every dossier of some units (rates are computed from them in one pass). */
  async ofUnits(units: readonly string[]): Promise<StoredDossier[]> {
    const { rows } = await this.db.query(
      `SELECT ${COLUMNS} FROM dossier WHERE unit_code = ANY($1::text[])`,
      [units],
    );
    return rows.map(toDossier);
  }

  /** Dossiers received in a Việt Nam calendar month (`2026-03`), for the online indicators. */
  async receivedInMonth(period: string): Promise<StoredDossier[]> {
    const { rows } = await this.db.query(
      `SELECT ${COLUMNS} FROM dossier
       WHERE to_char(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') = $1`,
      [period],
    );
    return rows.map(toDossier);
  }
}
