import type { Lang } from './translate';

/** Every wall shows Vietnam time, wherever the browser's clock is set. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Numbers follow the UI language (vi-VN: "1.234,5"; English: "1,234.5"). Dates use the vi-VN
// calendar pattern in both languages — an operations room in Vietnam reads dd/MM/yyyy, 24 h.
const NUMBER_LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const DATE_LOCALE = 'vi-VN';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** `fixed` pads to exactly `maximumFractionDigits` decimals, for aligned columns. */
export function formatNumber(
  lang: Lang,
  value: number,
  maximumFractionDigits = 1,
  fixed = false,
): string {
  const cacheKey = `${lang}:${maximumFractionDigits}:${fixed}`;
  let fmt = numberFormats.get(cacheKey);
  if (!fmt) {
    fmt = new Intl.NumberFormat(NUMBER_LOCALE[lang], {
      maximumFractionDigits,
      minimumFractionDigits: fixed ? maximumFractionDigits : 0,
    });
    numberFormats.set(cacheKey, fmt);
  }
  return fmt.format(value);
}

const HEMISPHERES: Record<Lang, { n: string; s: string; e: string; w: string; sep: string }> = {
  vi: { n: 'B', s: 'N', e: 'Đ', w: 'T', sep: '; ' },
  en: { n: 'N', s: 'S', e: 'E', w: 'W', sep: ', ' },
};

/**
 * A position as a reader writes it: "16,12452° B; 107,98941° Đ" in Vietnamese (decimal comma,
 * so the two numbers are kept apart by a semicolon and the hemisphere), "16.12452° N, 107.98941°
 * E" in English. Plain "16,12452, 107,98941" cannot be read back.
 */
export function formatPosition(lang: Lang, lat: number, lon: number, digits = 5): string {
  const h = HEMISPHERES[lang];
  const part = (v: number, pos: string, neg: string) =>
    `${formatNumber(lang, Math.abs(v), digits, true)}° ${v < 0 ? neg : pos}`;
  return `${part(lat, h.n, h.s)}${h.sep}${part(lon, h.e, h.w)}`;
}

interface DateParts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
  second: string;
}

const dateFormat = new Intl.DateTimeFormat(DATE_LOCALE, {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * Assembles the pattern from parts instead of trusting the locale's order: ICU's vi-VN puts the
 * time before the date and its separators have changed between ICU releases.
 */
function parts(date: Date): DateParts {
  const out: DateParts = { day: '', month: '', year: '', hour: '', minute: '', second: '' };
  for (const p of dateFormat.formatToParts(date)) {
    if (p.type in out) out[p.type as keyof DateParts] = p.value;
  }
  return out;
}

/** dd/MM/yyyy */
export function formatDate(date: Date): string {
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** HH:mm:ss, or HH:mm without seconds (24 h). */
export function formatTime(date: Date, withSeconds = true): string {
  const p = parts(date);
  return withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

/** dd/MM/yyyy HH:mm */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)} ${formatTime(date, false)}`;
}

/** HH:mm:ss dd/MM/yyyy — the "data as of" stamp, time first as spoken ("lúc 14:05:03 ngày …"). */
export function formatTimeDate(date: Date): string {
  return `${formatTime(date)} ${formatDate(date)}`;
}
