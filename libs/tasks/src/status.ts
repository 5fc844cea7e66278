import type { TaskStatus } from '@ioc/contracts';

/** What the task table stores; `overdue` is never stored. */
export type StoredTaskStatus = Exclude<TaskStatus, 'overdue'>;

// Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact.
const VN_OFFSET_MS = 7 * 3600 * 1000;

/** `YYYY-MM-DD` of the instant in Vietnam. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM` of the instant in Vietnam (the reporting month of a progress update). */
export function vnMonth(at: Date): string {
  return vnDay(at).slice(0, 7);
}

/** The instant a Vietnamese day starts (`2026-11-16` → 2026-11-15T17:00:00Z). */
export function vnDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** The first and last day of a month `YYYY-MM`. */
export function monthRange(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/**
 * The status a person sees: a task past its due date (the day after it, in Vietnam) that is
 * neither done nor cancelled is `overdue`, whatever its progress.
 */
export function taskStatus(
  stored: StoredTaskStatus,
  dueDate: string | null,
  today: string,
): TaskStatus {
  if (stored === 'done' || stored === 'cancelled') return stored;
  return dueDate !== null && dueDate < today ? 'overdue' : stored;
}

/** The status of a task as of `now`, from a clock the caller injects. */
export function statusAt(
  stored: StoredTaskStatus,
  dueDate: string | null,
  now: () => Date,
): TaskStatus {
  return taskStatus(stored, dueDate, vnDay(now()));
}
