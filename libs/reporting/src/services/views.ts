import type {
  OwedIndicatorView,
  OwedTaskView,
  ReportEventView,
  ReportPeriodView,
  ReportState,
} from '@ioc/contracts';
import { isLate } from '../period/periods';
import type { OpenTask, OwedIndicator, TaskProgress } from '../ports';
import type { StoredEvent, StoredPeriod } from '../repo/period.repository';

/** What a reporter owes for one period, item by item. */
export interface Owed {
  indicators: OwedIndicator[];
  tasks: OpenTask[];
  progress: TaskProgress[];
}

export const NOTHING_OWED: Owed = { indicators: [], tasks: [], progress: [] };

export function owedTaskViews(owed: Owed): OwedTaskView[] {
  const last = new Map<string, TaskProgress>();
  for (const p of owed.progress) {
    const seen = last.get(p.taskId);
    if (seen === undefined || seen.at < p.at) last.set(p.taskId, p);
  }
  return owed.tasks.map((t) => {
    const p = last.get(t.taskId);
    return {
      taskId: t.taskId,
      code: t.code,
      titleVi: t.titleVi,
      leadVi: t.leadVi,
      dueDate: t.dueDate,
      status: t.status,
      progress: p?.progress ?? t.progress,
      updated: p !== undefined,
      note: p?.note ?? null,
    };
  });
}

export function owedIndicatorViews(owed: Owed): OwedIndicatorView[] {
  return owed.indicators.map((i) => ({
    indicatorCode: i.indicatorCode,
    nameVi: i.nameVi,
    reported: i.reported,
    value: i.value,
    target: i.target,
    status: i.status,
    source: i.source,
  }));
}

/** The wire view of a period; `today` is the calendar day in Vietnam. */
export function periodView(
  p: StoredPeriod,
  unitName: string | null,
  owed: Owed,
  today: string,
): ReportPeriodView {
  const tasks = owedTaskViews(owed);
  return {
    id: p.id,
    scheduleId: p.scheduleId,
    unitCode: p.unitCode,
    unitName,
    officeId: p.officeId,
    officeName: p.officeName,
    period: p.period,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    dueDate: p.dueDate,
    state: p.state,
    late: isLate(p.state, p.dueDate, today),
    submittedAt: p.submittedAt?.toISOString() ?? null,
    submittedBy: p.submittedBy,
    returnedReason: p.returnedReason,
    approvedAt: p.approvedAt?.toISOString() ?? null,
    approvedBy: p.approvedBy,
    owed: {
      indicators: owed.indicators.length,
      indicatorsReported: owed.indicators.filter((i) => i.reported).length,
      tasks: tasks.length,
      tasksUpdated: tasks.filter((t) => t.updated).length,
    },
  };
}

export function eventView(e: StoredEvent): ReportEventView {
  return {
    id: e.id,
    periodId: e.periodId,
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    reason: e.reason,
  };
}

// Late ones first; then those waiting for review, returned, open; approved last.
const STATE_ORDER: Record<ReportState, number> = {
  returned: 0,
  reopened: 1,
  open: 2,
  submitted: 3,
  approved: 4,
};

/** Matrix and list order: late first, then by state (most needing action), unit, office. */
export function lateFirst(a: ReportPeriodView, b: ReportPeriodView): number {
  if (a.late !== b.late) return a.late ? -1 : 1;
  const s = STATE_ORDER[a.state] - STATE_ORDER[b.state];
  if (s !== 0) return s;
  return a.unitCode.localeCompare(b.unitCode) || (a.officeId ?? '').localeCompare(b.officeId ?? '');
}
