import type { TaskStatus, TaskView } from '@ioc/contracts';

/** The statuses a person may set with progress (`overdue` is computed, `cancelled` is planning). */
export const WORK_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

/** Roles the API lets post progress (`tasks.work`); leaders read. */
const TASK_WORKERS = new Set(['admin', 'province_operator', 'ward_operator']);

export function canWorkTasks(role: string): boolean {
  return TASK_WORKERS.has(role);
}

/** `/tablet/tasks/42` → '42'; anything else → null (the ward's overview). */
export function taskIdOf(pathname: string): string | null {
  const m = /^\/tablet\/tasks\/(\d{1,18})\/?$/.exec(pathname);
  return m?.[1] ?? null;
}

export function taskPath(id: string): string {
  return `/tablet/tasks/${id}`;
}

const RANK: Record<TaskStatus, number> = {
  overdue: 0,
  in_progress: 1,
  not_started: 2,
  done: 3,
  cancelled: 4,
};

/** Those needing attention first (overdue, then in progress), each by due date, undated last. */
export function sortTasks(tasks: readonly TaskView[]): TaskView[] {
  return [...tasks].sort(
    (a, b) =>
      RANK[a.status] - RANK[b.status] ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.code.localeCompare(b.code),
  );
}

/** `2026-11-20` → `20/11/2026`. */
export function dayText(day: string | null): string | null {
  if (day === null) return null;
  const [y, m, d] = day.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

/** The status a progress form starts with: the task's own, or in progress once it is overdue. */
export function initialWorkStatus(status: TaskStatus): WorkStatus {
  return status === 'not_started' || status === 'done' ? status : 'in_progress';
}

/** What a form's progress field says, as a whole percent 0–100, or null when it does not. */
export function parsePercent(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n <= 100 ? n : null;
}

export function isImage(contentType: string): boolean {
  return contentType.startsWith('image/');
}
