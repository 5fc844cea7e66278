/** Who made a catalogue or target change and why; both land in indicator_change_log. */
export interface Actor {
  who: string;
  why: string;
}

/** bigint columns arrive as number (pg with the @ioc/db parser), string (plain pg) or bigint (PGlite). */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || typeof v === 'string') return Number(v);
  throw new TypeError(`Expected a number from the database, got ${typeof v}`);
}

export function toNumberOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : toNumber(v);
}

/** timestamptz arrives as Date from pg and PGlite; strings are accepted for other drivers. */
export function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'string' || typeof v === 'number') return new Date(v);
  throw new TypeError(`Expected a timestamp from the database, got ${typeof v}`);
}

export function toDateOrNull(v: unknown): Date | null {
  return v === null || v === undefined ? null : toDate(v);
}
