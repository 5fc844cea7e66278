/**
 * Quiet hours as a person sets them on the tablet: local wall-clock times in Asia/Ho_Chi_Minh,
 * stored as minutes since local midnight. Việt Nam keeps UTC+7 all year (no daylight saving
 * since 1975), so a fixed offset is exact and needs no time-zone database.
 */
export interface QuietHours {
  /** Minutes since local midnight, 0–1439. */
  start: number;
  end: number;
}

const VN_OFFSET_MIN = 7 * 60;
const DAY_MIN = 24 * 60;

/** "22:00" → 1320; null for anything that is not a valid 24-hour HH:MM. */
export function parseClock(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** 1320 → "22:00". */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Minutes since midnight in Việt Nam at an instant. */
export function vnMinutes(at: Date): number {
  const utcMin = Math.floor(at.getTime() / 60_000);
  return (((utcMin + VN_OFFSET_MIN) % DAY_MIN) + DAY_MIN) % DAY_MIN;
}

/**
 * Whether a local time falls in the quiet hours: [start, end), and a range whose start is after
 * its end crosses midnight (22:00–06:00 holds 23:30 and 05:59, not 06:00). start = end is an
 * empty range — a person who wants silence all day switches the channel off instead.
 */
export function inQuietHours(q: QuietHours, minutes: number): boolean {
  if (q.start === q.end) return false;
  return q.start < q.end
    ? minutes >= q.start && minutes < q.end
    : minutes >= q.start || minutes < q.end;
}

/**
 * When the quiet hours around `at` end: the next instant whose local time is `end`. Only
 * meaningful while `at` is inside them; a notification held back is due then.
 */
export function quietHoursEnd(q: QuietHours, at: Date): Date {
  const now = vnMinutes(at);
  const ahead = (q.end - now + DAY_MIN) % DAY_MIN || DAY_MIN;
  const startOfMinute = Math.floor(at.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + ahead * 60_000);
}
