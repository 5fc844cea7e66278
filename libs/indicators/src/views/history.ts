import type { ReportVersion } from '../repo/report.repository';
import { comparePeriods, type SeriesPoint } from './series';

export interface HistoryPeriod {
  period: string;
  /** The headline value of the period (own report, else rolled up from the children). */
  value: number | null;
  used: SeriesPoint['used'];
  /** The unit's own report in force, with its lineage; null when the unit never reported it. */
  current: ReportVersion | null;
  /** Every version of the unit's own report, newest first (the current one included). */
  versions: ReportVersion[];
  /** Rolled up from the children, for units that have children. */
  rolledUp: SeriesPoint['rolledUp'];
}

/**
 * A unit's indicator period by period, newest period first: the value in force, each version of
 * the unit's own report (who sent it, when, in which file and row, and what it replaced), and —
 * for a province — the figure rolled up from its wards.
 */
export function historyView(
  versions: readonly ReportVersion[],
  series: readonly SeriesPoint[],
): HistoryPeriod[] {
  const periods = new Set<string>([
    ...versions.map((v) => v.period),
    ...series.map((p) => p.period),
  ]);
  return [...periods]
    .sort((a, b) => comparePeriods(b, a))
    .map((period): HistoryPeriod => {
      const own = versions
        .filter((v) => v.period === period)
        .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime() || b.id - a.id);
      const point = series.find((p) => p.period === period);
      return {
        period,
        value: point?.value ?? null,
        used: point?.used ?? null,
        current: own.find((v) => v.current) ?? null,
        versions: own,
        rolledUp: point?.rolledUp ?? null,
      };
    });
}
