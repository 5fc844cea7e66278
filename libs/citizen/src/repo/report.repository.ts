import type { CitizenStatus } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { filterSql, overdueSql, type ReportFilter } from './report-filter';
import {
  OPEN_SQL,
  PATCH_COLUMNS,
  REPORT_COLUMNS,
  type CitizenReportRecord,
  type ReportPatch,
} from './report-record';

/** What intake stores for a new submission (a case, or a duplicate linked to one). */
export interface NewReport {
  code: string;
  categoryCode: string;
  description: string;
  lat: number;
  lon: number;
  unitCode: string;
  duplicateOf: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  clientKey: string;
  source: string;
  externalId: string | null;
  receivedAt: Date;
  deadlineAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** citizen_report: cases and linked duplicates. */
export class ReportRepository {
  constructor(private readonly db: Queryable) {}

  /** The stored report; null when the tracking code is taken (the caller draws another). */
  async insert(r: NewReport): Promise<CitizenReportRecord | null> {
    const { rows } = await this.db.query<CitizenReportRecord>(
      `INSERT INTO citizen_report (code, category_code, description, lat, lon, unit_code,
         duplicate_of, reporter_name, reporter_phone, client_key, source, external_id,
         received_at, deadline_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13)
       ON CONFLICT (code) DO NOTHING
       RETURNING ${REPORT_COLUMNS}`,
      [
        r.code,
        r.categoryCode,
        r.description,
        r.lat,
        r.lon,
        r.unitCode,
        r.duplicateOf,
        r.reporterName,
        r.reporterPhone,
        r.clientKey,
        r.source,
        r.externalId,
        r.receivedAt,
        r.deadlineAt,
      ],
    );
    return rows[0] ?? null;
  }

  async byId(id: string): Promise<CitizenReportRecord | null> {
    if (!UUID.test(id)) return null;
    const { rows } = await this.db.query<CitizenReportRecord>(
      `SELECT ${REPORT_COLUMNS} FROM citizen_report WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async byCode(code: string): Promise<CitizenReportRecord | null> {
    const { rows } = await this.db.query<CitizenReportRecord>(
      `SELECT ${REPORT_COLUMNS} FROM citizen_report WHERE code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  async byExternalId(source: string, externalId: string): Promise<CitizenReportRecord | null> {
    const { rows } = await this.db.query<CitizenReportRecord>(
      `SELECT ${REPORT_COLUMNS} FROM citizen_report WHERE source = $1 AND external_id = $2`,
      [source, externalId],
    );
    return rows[0] ?? null;
  }

  /** The unit of a case (the access gate's lookup); undefined when there is none. */
  async unitOf(id: string): Promise<string | undefined> {
    if (!UUID.test(id)) return undefined;
    const { rows } = await this.db.query<{ unitCode: string }>(
      'SELECT unit_code AS "unitCode" FROM citizen_report WHERE id = $1',
      [id],
    );
    return rows[0]?.unitCode;
  }

  /**
   * Open, non-spam cases of a category received since `since` inside a lat/lon box: the
   * candidates a new submission may duplicate (the caller measures the true distance).
   */
  async openNearby(
    categoryCode: string,
    box: { south: number; north: number; west: number; east: number },
    since: Date,
  ): Promise<CitizenReportRecord[]> {
    const { rows } = await this.db.query<CitizenReportRecord>(
      `SELECT ${REPORT_COLUMNS} FROM citizen_report
       WHERE category_code = $1 AND lat BETWEEN $2 AND $3 AND lon BETWEEN $4 AND $5
         AND received_at >= $6 AND duplicate_of IS NULL AND moderation = 'ok' AND ${OPEN_SQL}
       ORDER BY received_at`,
      [categoryCode, box.south, box.north, box.west, box.east, since],
    );
    return rows;
  }

  async addSupporter(id: string, at: Date): Promise<void> {
    await this.db.query(
      'UPDATE citizen_report SET supporters = supporters + 1, updated_at = $2 WHERE id = $1',
      [id, at],
    );
  }

  /**
   * Applies a step's changes if the case is still in `expected` status (optimistic: two
   * operators acting at once cannot both move it); false when it was not.
   */
  async update(
    id: string,
    expected: CitizenStatus,
    patch: ReportPatch,
    at: Date,
  ): Promise<boolean> {
    const values: unknown[] = [id, expected, at];
    const sets = ['updated_at = $3'];
    for (const [key, value] of Object.entries(patch) as [keyof ReportPatch, unknown][]) {
      if (value === undefined) continue;
      values.push(value);
      sets.push(`${PATCH_COLUMNS[key]} = $${values.length}`);
    }
    const r = await this.db.query(
      `UPDATE citizen_report SET ${sets.join(', ')} WHERE id = $1 AND status = $2`,
      values,
    );
    return (r.rowCount ?? 0) === 1;
  }

  /** A page of cases: overdue first, then open by deadline, then the rest newest first. */
  async list(f: ReportFilter, limit: number, offset: number): Promise<CitizenReportRecord[]> {
    const { where, values } = filterSql(f);
    values.push(f.now, limit, offset);
    const n = values.length;
    const { rows } = await this.db.query<CitizenReportRecord>(
      `SELECT ${REPORT_COLUMNS} FROM citizen_report WHERE ${where}
       ORDER BY (${OPEN_SQL} AND deadline_at < $${n - 2}) DESC, (${OPEN_SQL}) DESC,
         CASE WHEN ${OPEN_SQL} THEN deadline_at END ASC, received_at DESC, id
       LIMIT $${n - 1} OFFSET $${n}`,
      values,
    );
    return rows;
  }

  async count(f: ReportFilter): Promise<number> {
    const { where, values } = filterSql(f);
    const { rows } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM citizen_report WHERE ${where}`,
      values,
    );
    return rows[0]?.n ?? 0;
  }

  /** Counts by status and overdue, over the filter less its status. */
  async counts(f: ReportFilter): Promise<{ byStatus: Map<string, number>; overdue: number }> {
    const { where, values } = filterSql(f, false);
    values.push(f.now);
    const { rows } = await this.db.query<{ status: string; n: number; overdue: number }>(
      `SELECT status, count(*)::int AS n,
         count(*) FILTER (WHERE ${OPEN_SQL} AND deadline_at < $${values.length})::int AS overdue
       FROM citizen_report WHERE ${where} GROUP BY status`,
      values,
    );
    return {
      byStatus: new Map(rows.map((r) => [r.status, r.n])),
      overdue: rows.reduce((s, r) => s + r.overdue, 0),
    };
  }

  /** Every overdue case at `now`, oldest deadline first. */
  async overdue(now: Date): Promise<CitizenReportRecord[]> {
    const { rows } = await this.db.query<CitizenReportRecord>(
      `SELECT ${REPORT_COLUMNS} FROM citizen_report WHERE ${overdueSql('$1')}
       ORDER BY deadline_at, id`,
      [now],
    );
    return rows;
  }

  /** Counted cases for the public map: resolved (or open) ones, newest first, bounded. */
  async forMap(q: {
    units: readonly string[] | null;
    open: boolean;
    since: Date | null;
    category: string | null;
    limit: number;
  }): Promise<CitizenReportRecord[]> {
    const { rows } = await this.db.query<CitizenReportRecord>(
      `SELECT ${REPORT_COLUMNS} FROM citizen_report
       WHERE duplicate_of IS NULL AND moderation = 'ok'
         AND ${q.open ? OPEN_SQL : `status = 'resolved'`}
         AND ($1::text[] IS NULL OR unit_code = ANY($1::text[]))
         AND ($2::timestamptz IS NULL OR received_at >= $2)
         AND ($3::text IS NULL OR category_code = $3)
       ORDER BY received_at DESC LIMIT $4`,
      [q.units, q.since, q.category, q.limit],
    );
    return rows;
  }
}
