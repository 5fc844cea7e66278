import type { Queryable } from '@ioc/db';
import type { LivenessInput, ReportFact } from '../liveness/liveness';
import type { RowRejection, ValidReport } from '../report/validate';
import { inTransaction, toDate, toDateOrNull, toNumber, toNumberOrNull } from './sql';

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

/**
 * Stores a submission and its accepted rows in one transaction. A row for an indicator × unit ×
 * period that already has a current value supersedes it: the old row gets superseded_at (the new
 * submission's time) and superseded_by (the new row), and stays as history.
 */
export async function saveSubmission(
  db: Queryable,
  input: SubmissionInput,
): Promise<SubmissionResult> {
  const [result] = await saveSubmissions(db, [input]);
  if (result === undefined) throw new Error('saveSubmissions returned no result');
  return result;
}

/**
 * Stores many submissions in one transaction with a handful of statements, whatever their
 * number (a year of demo reports, a backfill): the same rules as saveSubmission, applied in
 * the order of `submittedAt` (ties keep the input order), so a later submission of a period in
 * the batch supersedes an earlier one exactly as if they had arrived one by one. Results are
 * in the order of `inputs`.
 */
export async function saveSubmissions(
  db: Queryable,
  inputs: readonly SubmissionInput[],
): Promise<SubmissionResult[]> {
  if (inputs.length === 0) return [];
  return inTransaction(db, (tx) => saveSubmissionsInTransaction(tx, inputs));
}

interface PlannedRow {
  id: number;
  key: string;
  report: ValidReport;
  submission: number;
  submittedAt: Date;
  supersededBy: number | null;
  supersededAt: Date | null;
}

/**
 * saveSubmissions for a caller that already holds a transaction on `tx` (e.g. one that creates
 * the feed in the same transaction). Row ids are drawn from the sequences first so that the
 * lineage inside the batch (superseded_by) is known before anything is written.
 */
export async function saveSubmissionsInTransaction(
  tx: Queryable,
  inputs: readonly SubmissionInput[],
): Promise<SubmissionResult[]> {
  if (inputs.length === 0) return [];
  await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, LOCK_REPORTS]);
  const order = inputs
    .map((input, index) => ({ input, index }))
    .sort(
      (a, b) => a.input.submittedAt.getTime() - b.input.submittedAt.getTime() || a.index - b.index,
    );
  const totalRows = inputs.reduce((n, i) => n + i.accepted.length, 0);
  const submissionIds = await nextIds(tx, 'indicator_submission', inputs.length);
  const reportIds = await nextIds(tx, 'indicator_report', totalRows);

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

  await tx.query(
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
  const old = await tx.query<{ id: unknown; new_id: unknown }>(
    `UPDATE indicator_report r SET superseded_at = n.at
     FROM jsonb_to_recordset($1::jsonb) AS n(indicator text, unit_code text, period text,
          new_id bigint, at timestamptz)
     WHERE r.indicator = n.indicator AND r.unit_code = n.unit_code AND r.period = n.period
       AND r.superseded_at IS NULL
     RETURNING r.id, n.new_id`,
    [replacements],
  );
  await tx.query(
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
    await tx.query(
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

/** Draws `n` ids from a table's serial sequence (ids are assigned before the rows are written). */
async function nextIds(tx: Queryable, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await tx.query<{ id: unknown }>(
    `SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id FROM generate_series(1, $2::int)`,
    [table, n],
  );
  return rows.map((r) => toNumber(r.id));
}

/** A current (not superseded) report. */
export interface CurrentReport {
  id: number;
  indicator: string;
  unitCode: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  feed: string;
  submissionId: number;
  submittedAt: Date;
}

interface CurrentRow {
  id: unknown;
  indicator: string;
  unit_code: string;
  period: string;
  period_start: string;
  period_end: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  feed: string;
  submission_id: unknown;
  submitted_at: unknown;
}

const CURRENT_COLUMNS = `r.id, r.indicator, r.unit_code, r.period, r.period_start::text AS period_start,
  r.period_end::text AS period_end, r.value, r.numerator, r.denominator, r.note, r.feed,
  r.submission_id, r.submitted_at`;

function toCurrent(r: CurrentRow): CurrentReport {
  return {
    id: toNumber(r.id),
    indicator: r.indicator,
    unitCode: r.unit_code,
    period: r.period,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    note: r.note,
    feed: r.feed,
    submissionId: toNumber(r.submission_id),
    submittedAt: toDate(r.submitted_at),
  };
}

/** Current values of a set of units for one period (e.g. a province and all its wards for 2026-03). */
export async function currentValues(
  db: Queryable,
  query: { unitCodes: readonly string[]; period: string; indicators?: readonly string[] },
): Promise<CurrentReport[]> {
  const { rows } = await db.query<CurrentRow>(
    `SELECT ${CURRENT_COLUMNS} FROM indicator_report r
     WHERE r.superseded_at IS NULL AND r.period = $1 AND r.unit_code = ANY($2::text[])
       AND ($3::text[] IS NULL OR r.indicator = ANY($3::text[]))
     ORDER BY r.indicator, r.unit_code`,
    [query.period, query.unitCodes, query.indicators ?? null],
  );
  return rows.map(toCurrent);
}

/** Current reports of any period lying within [from, to] (ISO dates) — e.g. a year, for status. */
export async function currentReportsBetween(
  db: Queryable,
  query: { unitCodes: readonly string[]; from: string; to: string; indicators?: readonly string[] },
): Promise<CurrentReport[]> {
  const { rows } = await db.query<CurrentRow>(
    `SELECT ${CURRENT_COLUMNS} FROM indicator_report r
     WHERE r.superseded_at IS NULL AND r.unit_code = ANY($1::text[])
       AND r.period_start >= $2::date AND r.period_end <= $3::date
       AND ($4::text[] IS NULL OR r.indicator = ANY($4::text[]))
     ORDER BY r.indicator, r.unit_code, r.period_start, r.period`,
    [query.unitCodes, query.from, query.to, query.indicators ?? null],
  );
  return rows.map(toCurrent);
}

/** One version of a report, with where it came from and what it replaced. */
export interface ReportVersion {
  id: number;
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  current: boolean;
  feed: string;
  submissionId: number;
  submittedBy: string;
  submittedAt: Date;
  filename: string | null;
  rowNo: number;
  supersededAt: Date | null;
  supersededBy: number | null;
  /** The version this one replaced, if it was a re-submission. */
  replaced: {
    id: number;
    value: number;
    numerator: number | null;
    denominator: number | null;
    submissionId: number;
  } | null;
}

/** Every version of a unit's indicator (optionally one period), newest period first, newest version first. */
export async function reportHistory(
  db: Queryable,
  query: { indicator: string; unitCode: string; period?: string },
): Promise<ReportVersion[]> {
  const { rows } = await db.query<{
    id: unknown;
    period: string;
    value: number;
    numerator: number | null;
    denominator: number | null;
    note: string | null;
    feed: string;
    submission_id: unknown;
    submitted_by: string;
    submitted_at: unknown;
    filename: string | null;
    row_no: number;
    superseded_at: unknown;
    superseded_by: unknown;
    replaced_id: unknown;
    replaced_value: number | null;
    replaced_numerator: number | null;
    replaced_denominator: number | null;
    replaced_submission_id: unknown;
  }>(
    `SELECT r.id, r.period, r.value, r.numerator, r.denominator, r.note, r.feed, r.submission_id,
            s.submitted_by, r.submitted_at, s.filename, r.row_no, r.superseded_at, r.superseded_by,
            p.id AS replaced_id, p.value AS replaced_value, p.numerator AS replaced_numerator,
            p.denominator AS replaced_denominator, p.submission_id AS replaced_submission_id
     FROM indicator_report r
     JOIN indicator_submission s ON s.id = r.submission_id
     LEFT JOIN indicator_report p ON p.superseded_by = r.id
     WHERE r.indicator = $1 AND r.unit_code = $2 AND ($3::text IS NULL OR r.period = $3)
     ORDER BY r.period_start DESC, r.period, r.id DESC`,
    [query.indicator, query.unitCode, query.period ?? null],
  );
  return rows.map((r) => ({
    id: toNumber(r.id),
    period: r.period,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    note: r.note,
    current: r.superseded_at === null,
    feed: r.feed,
    submissionId: toNumber(r.submission_id),
    submittedBy: r.submitted_by,
    submittedAt: toDate(r.submitted_at),
    filename: r.filename,
    rowNo: r.row_no,
    supersededAt: toDateOrNull(r.superseded_at),
    supersededBy: toNumberOrNull(r.superseded_by),
    replaced:
      r.replaced_id === null
        ? null
        : {
            id: toNumber(r.replaced_id),
            value: r.replaced_value ?? 0,
            numerator: r.replaced_numerator,
            denominator: r.replaced_denominator,
            submissionId: toNumber(r.replaced_submission_id),
          },
  }));
}

/**
 * Every row (current and superseded) a feed sent for periods ending on or after `since`: the
 * input of feedLiveness, which needs first submissions to judge lateness.
 */
export async function reportFacts(
  db: Queryable,
  feed: string,
  since: string,
): Promise<LivenessInput['reports']> {
  const { rows } = await db.query<{
    indicator: string;
    unit_code: string;
    period: string;
    submitted_at: unknown;
  }>(
    `SELECT indicator, unit_code, period, submitted_at FROM indicator_report
     WHERE feed = $1 AND period_end >= $2::date`,
    [feed, since],
  );
  return rows.map((r): ReportFact => ({
    indicator: r.indicator,
    unitCode: r.unit_code,
    period: r.period,
    submittedAt: toDate(r.submitted_at),
  }));
}
