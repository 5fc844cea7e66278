import { parseReportingPeriod } from '../period/periods';
import type { ReportingIndicators, ReportingTasks } from '../ports';
import type { StoredPeriod } from '../repo/period.repository';
import { NOTHING_OWED, type Owed } from './views';

/**
 * What a reporter owes for a period: the indicator values its unit is the reporting unit for
 * (only when the unit itself reports — an office reports on its tasks, indicator values are
 * the unit's), and progress on its open tasks within the period.
 */
export class OwedItems {
  constructor(
    private readonly indicators: ReportingIndicators,
    private readonly tasks: ReportingTasks,
  ) {}

  async of(p: StoredPeriod): Promise<Owed> {
    const period = parseReportingPeriod(p.period);
    if (period === null) return NOTHING_OWED;
    const [indicators, tasks] = await Promise.all([
      p.officeId === null ? this.indicators.owedFor(p.unitCode, period) : Promise.resolve([]),
      this.tasks.openTasksOf(p.unitCode, p.officeId),
    ]);
    const progress =
      tasks.length === 0
        ? []
        : await this.tasks.progressIn(
            tasks.map((t) => t.taskId),
            p.periodStart,
            p.periodEnd,
          );
    return { indicators, tasks, progress };
  }

  /** Owed items of many periods, asking the ports once per (unit, office, period). */
  async ofAll(periods: readonly StoredPeriod[]): Promise<Map<string, Owed>> {
    const byKey = new Map<string, Promise<Owed>>();
    const out = new Map<string, Owed>();
    for (const p of periods) {
      const key = `${p.unitCode}|${p.officeId ?? ''}|${p.period}`;
      let pending = byKey.get(key);
      if (pending === undefined) {
        pending = this.of(p);
        byKey.set(key, pending);
      }
      out.set(p.id, await pending);
    }
    return out;
  }
}
