import type { WorkSignal, WorkSignals } from '@ioc/live';
import type { ReportingService } from '@ioc/reporting';
import type { StoreServices } from './services';

/**
 * What the work alert rules watch (libs/live WorkAlerts): the tasks lib's overdue tasks, the
 * reporting cycle's late periods, libs/citizen's overdue cases and libs/dossiers' overdue dossiers. Keys stay the same while an item
 * stays late, so each opens one alert and resolves it once submitted or done.
 */
export function workSignals(
  tasks: Pick<StoreServices['tasks'], 'overdueTasks'>,
  reporting: Pick<ReportingService<unknown>, 'late'>,
  citizen: Pick<StoreServices['citizen']['cases'], 'overdueCases'>,
  dossiers: { overdueSignals(now: Date): Promise<WorkSignal[]> },
): WorkSignals {
  return {
    overdueTasks: (now) => tasks.overdueTasks(now),
    overdueCitizenReports: (now) => citizen.overdueCases(now),
    overdueDossiers: (now) => dossiers.overdueSignals(now),
    // The reporting service reads its own clock, which is the one WorkAlerts is given.
    lateReports: async (): Promise<WorkSignal[]> =>
      (await reporting.late({})).items.map((p) => ({
        key: `report:${p.unitCode}:${p.officeId ?? '-'}:${p.period}`,
        unitCode: p.unitCode,
        title: [p.unitName ?? p.unitCode, p.officeName, `kỳ ${p.period}`]
          .filter((s): s is string => s !== null)
          .join(' — '),
        dueDate: p.dueDate,
      })),
  };
}
