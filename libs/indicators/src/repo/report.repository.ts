import type { Queryable } from '@ioc/db';
import type { LivenessInput, ReportFact } from '../liveness/liveness';
import { toDate, toDateOrNull, toNumber, toNumberOrNull } from './sql';

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

/** Stored report values: current ones, their history with lineage, and the facts of liveness. */
export class ReportRepository {
  constructor(private readonly db: Queryable) {}

  /** Current values of a set of units for one period (e.g. a province and all its wards for 2026-03). */
  async currentValues(query: {
    unitCodes: readonly string[];
    period: string;
    indicators?: readonly string[];
  }): Promise<CurrentReport[]> {
    const { rows } = await this.db.query<CurrentRow>(
      `SELECT ${CURRENT_COLUMNS} FROM indicator_report r
       WHERE r.superseded_at IS NULL AND r.period = $1 AND r.unit_code = ANY($2::text[])
         AND ($3::text[] IS NULL OR r.indicator = ANY($3::text[]))
       ORDER BY r.indicator, r.unit_code`,
      [query.period, query.unitCodes, query.indicators ?? null],
    );
    return rows.map(toCurrent);
  }

  /** Current reports of any period lying within [from, to] (ISO dates) — e.g. a year, for status. */
  async currentReportsBetween(query: {
    unitCodes: readonly string[];
    from: string;
    to: string;
    indicators?: readonly string[];
  }): Promise<CurrentReport[]> {
    const { rows } = await this.db.query<CurrentRow>(
      `SELECT ${CURRENT_COLUMNS} FROM indicator_report r
       WHERE r.superseded_at IS NULL AND r.unit_code = ANY($1::text[])
         AND r.period_start >= $2::date AND r.period_end <= $3::date
         AND ($4::text[] IS NULL OR r.indicator = ANY($4::text[]))
       ORDER BY r.indicator, r.unit_code, r.period_start, r.period`,
      [query.unitCodes, query.from, query.to, query.indicators ?? null],
    );
    return rows.map(toCurrent);
  }

  /** Every version of a unit's indicator (optionally one period), newest period first, newest version first. */
  async history(query: {
    indicator: string;
    unitCode: string;
    period?: string;
  }): Promise<ReportVersion[]> {
    const { rows } = await this.db.query<{
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
  async facts(feed: string, since: string): Promise<LivenessInput['reports']> {
    const { rows } = await this.db.query<{
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
}
