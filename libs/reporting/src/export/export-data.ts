import { DomainError, type OwedTaskView } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { parseReportingPeriod, type ReportingPeriod } from '../period/periods';
import type {
  OwedIndicator,
  ReportingIndicators,
  ReportingTasks,
  ReportingUnit,
  ReportingUnits,
} from '../ports';
import { ScheduleRepository } from '../repo/schedule.repository';
import { owedTaskViews } from '../services/views';

/** Everything one export holds: the units in it, their indicator values and their tasks. */
export interface ExportData {
  sender: ReportingUnit;
  period: ReportingPeriod;
  generatedAt: Date;
  units: ReportingUnit[];
  indicators: { unit: ReportingUnit; item: OwedIndicator }[];
  tasks: { unit: ReportingUnit; task: OwedTaskView }[];
}

/**
 * Gathers an export: a ward's own report, or the province's — the province itself and every
 * unit below it that has a reporting schedule (the units that report to it). One source for the
 * .xlsx and the JSON packets, so both always say the same.
 */
export class ExportGatherer {
  private readonly schedules: ScheduleRepository;

  constructor(
    db: Queryable,
    private readonly units: ReportingUnits,
    private readonly indicators: ReportingIndicators,
    private readonly tasks: ReportingTasks,
    private readonly clock: () => Date,
  ) {
    this.schedules = new ScheduleRepository(db);
  }

  async gather(q: { unit?: string | undefined; period?: string | undefined }): Promise<ExportData> {
    const sender = q.unit === undefined ? null : await this.units.get(q.unit);
    if (sender === null)
      throw new DomainError('not_found', 'UNIT_NOT_FOUND', `No unit ${q.unit ?? ''}`);
    const period = q.period === undefined ? null : parseReportingPeriod(q.period);
    if (period === null) {
      throw new DomainError('invalid', 'PERIOD_INVALID', 'period: 2026-11, 2026-Q4 or 2026');
    }
    const codes = new Set([sender.code]);
    if (sender.level === 'province') {
      const below = await this.units.selfAndDescendants(sender.code);
      for (const s of await this.schedules.list({ unitCodes: below, activeOnly: true })) {
        codes.add(s.unitCode);
      }
    }
    const units: ReportingUnit[] = [];
    for (const code of [...codes].sort((a, b) => (a === sender.code ? -1 : a.localeCompare(b)))) {
      const u = code === sender.code ? sender : await this.units.get(code);
      if (u !== null) units.push(u);
    }
    const indicators: ExportData['indicators'] = [];
    const tasks: ExportData['tasks'] = [];
    for (const unit of units) {
      for (const item of await this.indicators.owedFor(unit.code, period)) {
        indicators.push({ unit, item });
      }
      const open = await this.tasks.openTasksOf(unit.code, null);
      const progress =
        open.length === 0
          ? []
          : await this.tasks.progressIn(
              open.map((t) => t.taskId),
              period.start,
              period.end,
            );
      for (const task of owedTaskViews({ indicators: [], tasks: open, progress })) {
        tasks.push({ unit, task });
      }
    }
    return { sender, period, generatedAt: this.clock(), units, indicators, tasks };
  }
}
