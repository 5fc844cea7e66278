import type { TaskDetail, TaskView } from '@ioc/contracts';
import type { IndicatorViewsService, ReportRepository } from '@ioc/indicators';
import {
  vnDay,
  type ReportingIndicators,
  type ReportingTasks,
  type TaskProgress,
} from '@ioc/reporting';

type Scorecard = Awaited<ReturnType<IndicatorViewsService['scorecard']>>;
type Target = Scorecard['items'][number]['targets'][number];

/** A plan target as one number for the export: the value to reach, the upper bound of a range. */
function targetNumber(t: Target | undefined): number | null {
  if (t === undefined) return null;
  if ('value' in t) return t.value;
  if ('max' in t) return t.max;
  return null;
}

/**
 * libs/reporting's indicator port over libs/indicators: a unit owes the indicators with a
 * target for its area in the period's year (the scorecard's applicable targets, which already
 * keep only indicators measured at the unit's level); one is reported when a current
 * indicator_report row of the unit falls within the period.
 */
export function reportingIndicators(
  views: Pick<IndicatorViewsService, 'scorecard'>,
  reports: Pick<ReportRepository, 'currentReportsBetween'>,
): ReportingIndicators {
  return {
    async owedFor(unitCode, period) {
      const card = await views.scorecard({ unit: unitCode, year: period.start.slice(0, 4) });
      const owed = card.items.filter((i) => i.targets.length > 0);
      if (owed.length === 0) return [];
      const current = await reports.currentReportsBetween({
        unitCodes: [unitCode],
        from: period.start,
        to: period.end,
        indicators: owed.map((i) => i.indicator),
      });
      // Rows come ordered by period start: the last one per indicator is the period's latest.
      const latest = new Map(current.map((r) => [r.indicator, r]));
      return owed.map((i) => {
        const report = latest.get(i.indicator);
        const target = i.targets[0];
        return {
          indicatorCode: i.indicator,
          nameVi: i.nameVi,
          nameEn: i.nameEn,
          measureUnit: i.unit,
          direction: i.direction,
          reported: report !== undefined,
          value: report?.value ?? null,
          target: targetNumber(target),
          status: i.status,
          source: target?.source ?? null,
        };
      });
    },
  };
}

/** What the reporting port needs of libs/tasks' TaskService. */
export interface TaskReads {
  openTasksOf(unitCode: string, officeId: string | null): Promise<TaskView[]>;
  progressPostedIn(taskIds: readonly string[], start: string, end: string): Promise<string[]>;
  get(id: string): Promise<TaskDetail>;
}

/**
 * libs/reporting's task port over libs/tasks: a reporter's open tasks, and for those with
 * progress posted within the period the latest such update (its note fills "Ghi chú").
 */
export function reportingTasks(tasks: TaskReads): ReportingTasks {
  return {
    async openTasksOf(unitCode, officeId) {
      return (await tasks.openTasksOf(unitCode, officeId)).map((t) => ({
        taskId: t.id,
        code: t.code,
        titleVi: t.titleVi,
        leadVi: t.leadVi,
        leadUnitCode: t.leadUnitCode,
        dueDate: t.dueDate,
        status: t.status,
        progress: t.progress,
      }));
    },
    async progressIn(taskIds, start, end) {
      const posted = await tasks.progressPostedIn(taskIds, start, end);
      const out: TaskProgress[] = [];
      for (const id of posted) {
        const detail = await tasks.get(id);
        const inPeriod = detail.updates
          .filter((u) => vnDayOf(u.at) >= start && vnDayOf(u.at) <= end)
          .sort((a, b) => a.at.localeCompare(b.at));
        const last = inPeriod.at(-1);
        if (last !== undefined) {
          out.push({ taskId: id, at: new Date(last.at), progress: last.progress, note: last.note });
        }
      }
      return out;
    },
  };
}

const vnDayOf = (iso: string) => vnDay(new Date(iso));
