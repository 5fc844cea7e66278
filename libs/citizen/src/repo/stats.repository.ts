import type { Queryable } from '@ioc/db';
import { COUNTED_SQL, OPEN_SQL } from './report-record';

/** One unit's counts for a month (numerators and denominators, never rates). */
export interface UnitMonthCounts {
  unitCode: string;
  received: number;
  open: number;
  overdue: number;
  resolved: number;
  resolvedOnTime: number;
  ratings: number;
  satisfied: number;
  ratingSum: number;
}

/** Monthly counts over counted cases (no duplicates, no spam). */
export class StatsRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Per unit, for the month [from, to): received in it; resolved in it (on time: resolved_at ≤
   * deadline_at); rated in it (satisfied: 4 or 5). `open` and `overdue` are the cases received
   * before the month's end that are open at `now` (the queue as it stands, not a past snapshot).
   */
  async monthCounts(
    units: readonly string[],
    from: Date,
    to: Date,
    now: Date,
  ): Promise<UnitMonthCounts[]> {
    const inMonth = (col: string) => `${col} >= $2 AND ${col} < $3`;
    const { rows } = await this.db.query<UnitMonthCounts>(
      `SELECT unit_code AS "unitCode",
         count(*) FILTER (WHERE ${inMonth('received_at')})::int AS received,
         count(*) FILTER (WHERE ${OPEN_SQL} AND received_at < $3)::int AS open,
         count(*) FILTER (WHERE ${OPEN_SQL} AND received_at < $3 AND deadline_at < $4)::int
           AS overdue,
         count(*) FILTER (WHERE ${inMonth('resolved_at')})::int AS resolved,
         count(*) FILTER (WHERE ${inMonth('resolved_at')} AND resolved_at <= deadline_at)::int
           AS "resolvedOnTime",
         count(*) FILTER (WHERE rating IS NOT NULL AND ${inMonth('rated_at')})::int AS ratings,
         count(*) FILTER (WHERE rating >= 4 AND ${inMonth('rated_at')})::int AS satisfied,
         COALESCE(sum(rating) FILTER (WHERE rating IS NOT NULL AND ${inMonth('rated_at')}), 0)::int
           AS "ratingSum"
       FROM citizen_report
       WHERE ${COUNTED_SQL} AND unit_code = ANY($1::text[])
       GROUP BY unit_code`,
      [units, from, to, now],
    );
    return rows;
  }
}
