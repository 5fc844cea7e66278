// Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact.
const VN_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** `YYYY-MM-DD` of the instant in Vietnam. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM` of the instant in Vietnam. */
export function vnMonth(at: Date): string {
  return vnDay(at).slice(0, 7);
}

/** The instant a Vietnamese day starts (`2026-11-16` → 2026-11-15T17:00:00Z). */
export function vnDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** The last millisecond of a Vietnamese day (23:59:59.999 Asia/Ho_Chi_Minh). */
export function vnDayEnd(day: string): Date {
  return new Date(vnDayStart(day).getTime() + DAY_MS - 1);
}

/** The day after `day` (`YYYY-MM-DD`, calendar arithmetic in UTC so no zone can shift it). */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a `YYYY-MM-DD` day. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The instants a month `YYYY-MM` (in Vietnam) starts and ends (exclusive). */
export function vnMonthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: vnDayStart(`${month}-01`), to: vnDayStart(`${next}-01`) };
}
