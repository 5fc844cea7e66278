import type { Queryable } from '@ioc/db';
import { vnMonthRange } from '../calendar/vn-time';
import type { CitizenIndicatorRow } from '../ports';
import { StatsRepository } from '../repo/stats.repository';

/**
 * The indicator rows of one unit and month: on-time resolutions over resolutions, satisfied
 * ratings over ratings. A row whose denominator is 0 is left out (no rate to report).
 */
export async function citizenIndicatorRows(
  db: Queryable,
  unitCode: string,
  month: string,
  now: Date,
): Promise<CitizenIndicatorRow[]> {
  const { from, to } = vnMonthRange(month);
  const [c] = await new StatsRepository(db).monthCounts([unitCode], from, to, now);
  if (!c) return [];
  const rows: CitizenIndicatorRow[] = [];
  if (c.resolved > 0) {
    rows.push({
      indicatorCode: 'svc.citizen_report_ontime',
      unitCode,
      period: month,
      numerator: c.resolvedOnTime,
      denominator: c.resolved,
    });
  }
  if (c.ratings > 0) {
    rows.push({
      indicatorCode: 'svc.citizen_report_satisfaction',
      unitCode,
      period: month,
      numerator: c.satisfied,
      denominator: c.ratings,
    });
  }
  return rows;
}
