import { inTransaction, type Queryable } from '@ioc/db';
import type { RowRejection, ValidReport } from '../report/validate';
import { toNumber } from './sql';

export interface SubmissionInput {
  feed: string;
  submittedBy: string;
  submittedAt: Date;
  filename?: string | null;
  contentType?: string | null;
  /** Rows read from the file (accepted + rejected). */
  rowCount: number;
  accepted: readonly ValidReport[];
  rejected: readonly RowRejection[];
}

export interface SubmissionResult {
  submissionId: number;
  inserted: number;
  superseded: number;
}

/**
 * Two arbitrary keys for pg_advisory_xact_lock(int, int): report saves are serialised so that two
 * submissions for the same period cannot both find "no current row" and then collide on the
 * unique index. Report traffic is a few files per unit per month, so one lock is no bottleneck.
 */
const LOCK_CLASS = 57;
const LOCK_REPORTS = 10;

interface PlannedRow {
  id: number;
  key: string;
  report: ValidReport;
  submission: number;
  submittedAt: Date;
  supersededBy: number | null;
  supersededAt: Date | null;
}

/** Draws `n` ids from a table's serial sequence (ids are assigned before the rows are written). */
async function nextIds(tx: Queryable, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await tx.query<{ id: unknown }>(
    `SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id FROM generate_series(1, $2::int)`,
    [table, n],
  );
  return rows.map((r) => toNumber(r.id));
}

/** Report submissions and the rows they stored, with supersession (indicator_submission, indicator_report). */
export class SubmissionRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Stores a submission and its accepted rows in one transaction. A row for an indicator × unit ×
   * period that already has a current value supersedes it: the old row gets superseded_at (the new
   * submission's time) and superseded_by (the new row), and stays as history.
   */
  async save(input: SubmissionInput): Promise<SubmissionResult> {
    const [result] = await this.saveMany([input]);
    if (result === undefined) throw new Error('saveMany returned no result');
    return result;
  }

  /**
   * Stores many submissions in one transaction with a handful of statements, whatever their
   * number (a year of demo reports, a backfill): the same rules as save, applied in
   * the order of `submittedAt` (ties keep the input order), so a later submission of a period in
   * the batch supersedes an earlier one exactly as if they had arrived one by one. Results are
   * in the order of `inputs`.
   */
  async saveMany(inputs: readonly SubmissionInput[]): Promise<SubmissionResult[]> {
    if (inputs.length === 0) return [];
    return inTransaction(this.db, (tx) =>
      new SubmissionRepository(tx).saveManyInTransaction(inputs),
    );
  }

  /**
   * saveMany for a caller that already holds a transaction on this repository's connection (e.g.
   * one that creates the feed in the same transaction). Row ids are drawn from the sequences first so that the
   * lineage inside the batch (superseded_by) is known before anything is written.
   */
  async saveManyInTransaction(inputs: readonly SubmissionInput[]): Promise<SubmissionResult[]> {
    if (inputs.length === 0) return [];
    await this.db.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, LOCK_REPORTS]);
    const order = inputs
      .map((input, index) => ({ input, index }))
      .sort(
        (a, b) =>
          a.input.submittedAt.getTime() - b.input.submittedAt.getTime() || a.index - b.index,
      );
    const totalRows = inputs.reduce((n, i) => n + i.accepted.length, 0);
    const submissionIds = await nextIds(this.db, 'indicator_submission', inputs.length);
    const reportIds = await nextIds(this.db, 'indicator_report', totalRows);

    const planned: PlannedRow[] = [];
    const latest = new Map<string, PlannedRow>();
    const results: SubmissionResult[] = new Array<SubmissionResult>(inputs.length);
    let nextReport = 0;
    order.forEach(({ input, index }, k) => {
      const submissionId = submissionIds[k] ?? 0;
      let superseded = 0;
      for (const report of input.accepted) {
        const key = `${report.indicator}|${report.unitCode}|${report.period}`;
        const row: PlannedRow = {
          id: reportIds[nextReport++] ?? 0,
          key,
          report,
          submission: submissionId,
          submittedAt: input.submittedAt,
          supersededBy: null,
          supersededAt: null,
        };
        const previous = latest.get(key);
        if (previous !== undefined) {
          previous.supersededBy = row.id;
          previous.supersededAt = input.submittedAt;
          superseded++;
        }
        latest.set(key, row);
        planned.push(row);
      }
      results[index] = { submissionId, inserted: input.accepted.length, superseded };
    });

    await this.db.query(
      `INSERT INTO indicator_submission (id, feed, submitted_at, submitted_by, filename, content_type,
                                         row_count, accepted, rejected, rejections)
       SELECT id, feed, submitted_at, submitted_by, filename, content_type, row_count, accepted,
              rejected, rejections
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, feed text, submitted_at timestamptz,
            submitted_by text, filename text, content_type text, row_count integer, accepted integer,
            rejected integer, rejections jsonb)`,
      [
        JSON.stringify(
          order.map(({ input }, k) => ({
            id: submissionIds[k],
            feed: input.feed,
            submitted_at: input.submittedAt.toISOString(),
            submitted_by: input.submittedBy,
            filename: input.filename ?? null,
            content_type: input.contentType ?? null,
            row_count: input.rowCount,
            accepted: input.accepted.length,
            rejected: input.rejected.length,
            rejections: input.rejected,
          })),
        ),
      ],
    );
    if (planned.length === 0) return results;

    // The first version of each key in the batch replaces the stored current row, if any. Marking
    // it superseded first takes it out of the "one current row" unique index.
    const firstOfKey = new Map<string, PlannedRow>();
    for (const row of planned) if (!firstOfKey.has(row.key)) firstOfKey.set(row.key, row);
    const replacements = JSON.stringify(
      [...firstOfKey.values()].map((r) => ({
        indicator: r.report.indicator,
        unit_code: r.report.unitCode,
        period: r.report.period,
        new_id: r.id,
        at: r.submittedAt.toISOString(),
      })),
    );
    const old = await this.db.query<{ id: unknown; new_id: unknown }>(
      `UPDATE indicator_report r SET superseded_at = n.at
       FROM jsonb_to_recordset($1::jsonb) AS n(indicator text, unit_code text, period text,
            new_id bigint, at timestamptz)
       WHERE r.indicator = n.indicator AND r.unit_code = n.unit_code AND r.period = n.period
         AND r.superseded_at IS NULL
       RETURNING r.id, n.new_id`,
      [replacements],
    );
    await this.db.query(
      `INSERT INTO indicator_report (id, indicator, unit_code, period, period_start, period_end, value,
                                     numerator, denominator, note, feed, submission_id, row_no,
                                     submitted_at, superseded_by, superseded_at)
       SELECT x.id, x.indicator, x.unit_code, x.period, x.period_start, x.period_end, x.value,
              x.numerator, x.denominator, x.note, s.feed, x.submission_id, x.row_no, s.submitted_at,
              x.superseded_by, x.superseded_at
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, indicator text, unit_code text,
            period text, period_start date, period_end date, value double precision,
            numerator double precision, denominator double precision, note text,
            submission_id bigint, row_no integer, superseded_by bigint, superseded_at timestamptz)
       JOIN indicator_submission s ON s.id = x.submission_id`,
      [
        JSON.stringify(
          planned.map((r) => ({
            id: r.id,
            indicator: r.report.indicator,
            unit_code: r.report.unitCode,
            period: r.report.period,
            period_start: r.report.periodStart,
            period_end: r.report.periodEnd,
            value: r.report.value,
            numerator: r.report.numerator,
            denominator: r.report.denominator,
            note: r.report.note,
            submission_id: r.submission,
            row_no: r.report.row,
            superseded_by: r.supersededBy,
            superseded_at: r.supersededAt?.toISOString() ?? null,
          })),
        ),
      ],
    );
    if (old.rows.length > 0) {
      await this.db.query(
        `UPDATE indicator_report o SET superseded_by = m.new_id
         FROM jsonb_to_recordset($1::jsonb) AS m(id bigint, new_id bigint)
         WHERE o.id = m.id`,
        [JSON.stringify(old.rows.map((r) => ({ id: toNumber(r.id), new_id: toNumber(r.new_id) })))],
      );
      const bySubmission = new Map<number, number>();
      const rowById = new Map(planned.map((r) => [r.id, r]));
      for (const r of old.rows) {
        const sub = rowById.get(toNumber(r.new_id))?.submission;
        if (sub !== undefined) bySubmission.set(sub, (bySubmission.get(sub) ?? 0) + 1);
      }
      for (const result of results) {
        result.superseded += bySubmission.get(result.submissionId) ?? 0;
      }
    }
    return results;
  }
}
