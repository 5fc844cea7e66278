import type { TaskListResponse, TaskView } from '@ioc/contracts';
import { TIME_ZONE } from '../../../shared/i18n/format';

/** One lead (a unit, or an office of one) and how many of its tasks are overdue. */
export interface OverdueLead {
  key: string;
  name: string;
  overdue: number;
}

export interface TaskBoard {
  /** Every overdue task of the unit (and below). */
  overdueTotal: number;
  /** Leads with overdue tasks, most first; only `rows.leads` of them. */
  leads: OverdueLead[];
  /** Overdue tasks of the leads that did not fit. */
  otherLeadsOverdue: number;
  /** Tasks due this month: overdue first, then by due date; only `rows.due` of them. */
  dueThisMonth: TaskView[];
  dueTotal: number;
  dueDone: number;
  /** The month the list is about, `MM/YYYY` in Vietnam time. */
  month: string | null;
}

const RANK: Record<TaskView['status'], number> = {
  overdue: 0,
  in_progress: 1,
  not_started: 2,
  done: 3,
  cancelled: 4,
};

/** `MM/YYYY` of an instant in Vietnam time (the API's "this month" is Vietnam's). */
export function vnMonth(iso: string | null): string | null {
  if (iso === null) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit' })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p['month'] ?? ''}/${p['year'] ?? ''}`;
}

/**
 * What the wall's tasks scene shows from one answer of `GET /api/v1/tasks?due=this_month`: the
 * overdue counts per lead (over all the unit's tasks, from `counts`) and the month's tasks.
 * Cancelled tasks owe nothing this month and are left out.
 */
export function taskBoard(
  list: TaskListResponse | null,
  rows: { leads: number; due: number },
): TaskBoard | null {
  if (list === null) return null;
  const leads = list.counts.overdueByLead
    .filter((l) => l.overdue > 0)
    .map((l) => ({
      key: l.leadOfficeId ?? l.leadUnitCode,
      name: l.name,
      overdue: l.overdue,
    }))
    .sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'vi'));
  const shown = leads.slice(0, rows.leads);
  const due = list.items
    .filter((t) => t.status !== 'cancelled')
    .sort(
      (a, b) =>
        RANK[a.status] - RANK[b.status] ||
        (a.dueDate ?? '').localeCompare(b.dueDate ?? '') ||
        a.code.localeCompare(b.code),
    );
  return {
    overdueTotal: list.counts.byStatus.overdue,
    leads: shown,
    otherLeadsOverdue: leads.slice(rows.leads).reduce((n, l) => n + l.overdue, 0),
    dueThisMonth: due.slice(0, rows.due),
    dueTotal: due.length,
    dueDone: due.filter((t) => t.status === 'done').length,
    month: vnMonth(list.asOf),
  };
}
