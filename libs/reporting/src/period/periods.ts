import type { ReportCadence, ReportState } from '@ioc/contracts';

/** One reporting period: `2026-11` (month), `2026-Q4` (quarter) or `2026` (year). */
export interface ReportingPeriod {
  code: string;
  kind: 'month' | 'quarter' | 'year';
  /** First and last calendar day, `YYYY-MM-DD`. */
  start: string;
  end: string;
}

// Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact.
const VN_OFFSET_MS = 7 * 3_600_000;

/** The calendar day of an instant in Asia/Ho_Chi_Minh, `YYYY-MM-DD`. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus `n` days (n may be negative). */
export function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOf(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(d)}`;
}

function monthSpan(year: number, first: number, last: number) {
  return { start: `${year}-${pad(first)}-01`, end: lastDayOf(year, last) };
}

/** The period of the cadence that contains a calendar day. */
export function periodContaining(cadence: ReportCadence, day: string): ReportingPeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (cadence === 'yearly') return { code: String(year), kind: 'year', ...monthSpan(year, 1, 12) };
  if (cadence === 'quarterly') {
    const q = Math.ceil(month / 3);
    return { code: `${year}-Q${q}`, kind: 'quarter', ...monthSpan(year, q * 3 - 2, q * 3) };
  }
  return { code: `${year}-${pad(month)}`, kind: 'month', ...monthSpan(year, month, month) };
}

/** The period before the one containing `day`: the one being reported on that day. */
export function reportedPeriodOn(cadence: ReportCadence, day: string): ReportingPeriod {
  return periodContaining(cadence, addDays(periodContaining(cadence, day).start, -1));
}

/** Reads a canonical period code (`2026-11`, `2026-Q4`, `2026`); null when it is not one. */
export function parseReportingPeriod(code: string): ReportingPeriod | null {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/.exec(code);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] !== undefined) return periodContaining('monthly', `${year}-${m[2]}-01`);
  if (m[3] !== undefined)
    return periodContaining('quarterly', `${year}-${pad(Number(m[3]) * 3)}-01`);
  return periodContaining('yearly', `${year}-01-01`);
}

/** The cadence a period code belongs to. */
export function cadenceOf(period: ReportingPeriod): ReportCadence {
  return period.kind === 'month' ? 'monthly' : period.kind === 'quarter' ? 'quarterly' : 'yearly';
}

/** The due date: day `dueDay` (1–28) of the month after the period ends. */
export function dueDateOf(period: ReportingPeriod, dueDay: number): string {
  const next = addDays(period.end, 1);
  return `${next.slice(0, 8)}${pad(dueDay)}`;
}

const OUTSTANDING: ReadonlySet<ReportState> = new Set(['open', 'returned', 'reopened']);

/** Still owed by the reporter (not submitted, not approved). */
export function isOutstanding(state: ReportState): boolean {
  return OUTSTANDING.has(state);
}

/** Late: past the due date (in Vietnam) and still owed. The due day itself is on time. */
export function isLate(state: ReportState, dueDate: string, today: string): boolean {
  return isOutstanding(state) && today > dueDate;
}
