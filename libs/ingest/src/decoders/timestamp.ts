export type ParsedTime = { ok: true; time: Date | undefined } | { ok: false; message: string };

// RFC 3339 date-time: the offset is mandatory. A local time without offset is ambiguous (a
// device clock set to Asia/Ho_Chi_Minh would land 7 hours off), so it is refused, not guessed.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Reads a device timestamp: epoch milliseconds (number) or an RFC 3339 string with offset.
 * `undefined`/`null` mean "not sent" (the receipt time will be used later).
 */
export function parseTimestamp(raw: unknown): ParsedTime {
  if (raw === undefined || raw === null) return { ok: true, time: undefined };
  if (typeof raw === 'number') {
    // Beyond ±8.64e15 ms Date is invalid; NaN/Infinity cannot come from JSON but can from callers.
    const time = new Date(raw);
    return Number.isNaN(time.getTime())
      ? { ok: false, message: `epoch milliseconds out of range: ${raw}` }
      : { ok: true, time };
  }
  if (typeof raw === 'string') {
    const time = parseRfc3339(raw);
    return time === undefined
      ? { ok: false, message: `not an ISO-8601 timestamp with offset: "${raw.slice(0, 40)}"` }
      : { ok: true, time };
  }
  return {
    ok: false,
    message: `timestamp must be epoch ms or an ISO-8601 string, got ${typeof raw}`,
  };
}

/**
 * Parses RFC 3339 by hand: engines disagree on nanosecond fractions (The Things Stack and
 * ChirpStack both send 9 digits) and silently roll invalid dates such as 02-30 over.
 */
export function parseRfc3339(text: string): Date | undefined {
  if (text.length > 64) return undefined;
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zulu, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  // A leap second (:60) is folded into :59.999 rather than rolled into the next minute.
  const second = Math.min(Number(s), 59);
  const ms = Number(s) === 60 ? 999 : Math.floor(Number(`0.${frac ?? '0'}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || Number(s) > 60) {
    return undefined;
  }
  // Not Date.UTC: it maps years 0–99 to 1900–1999.
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute, second, ms);
  if (at.getUTCDate() !== day) return undefined; // 2026-02-30 and friends
  let offsetMin = 0;
  if (zulu === undefined) {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 23 || offM > 59) return undefined;
    offsetMin = (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  const time = new Date(at.getTime() - offsetMin * 60_000);
  return Number.isNaN(time.getTime()) ? undefined : time;
}
