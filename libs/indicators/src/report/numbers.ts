/**
 * How a file writes numbers. `vi` is what Vietnamese Excel produces (semicolon-separated CSV,
 * decimal comma, dot as thousands separator: "1.234,5"); `en` is a comma-separated or JSON file
 * where the dot is the decimal point.
 */
export type NumberStyle = 'vi' | 'en';

const DIGITS = /^\d+$/;

/**
 * Parses a number as people type it in Vietnam. Returns undefined when the text is not a number
 * (the caller turns that into a per-row rejection). Rules:
 * - spaces (incl. no-break) and a trailing "%" are ignored: "85,5 %" → 85.5;
 * - with both "." and ",", the later one is the decimal mark: "1.234,5" and "1,234.5" → 1234.5;
 * - a single "," is a decimal comma in either style ("85,5"), because that is the Vietnamese
 *   convention and Vietnamese users type it even into English-style files;
 * - a single "." is a decimal point, except in `vi` style where "1.234" (exactly three digits
 *   after it) is a thousands separator, as Vietnamese Excel writes 1234;
 * - repeated separators must be well-formed thousands groups ("1.234.567").
 */
export function parseLocaleNumber(text: string, style: NumberStyle): number | undefined {
  let s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (s.endsWith('%')) s = s.slice(0, -1);
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s.startsWith('-')) sign = -1;
    s = s.slice(1);
  }
  if (s === '') return undefined;
  const dots = count(s, '.');
  const commas = count(s, ',');
  let normal: string | undefined;
  if (dots > 0 && commas > 0) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [intPart = '', frac = ''] = s.split(decimal);
    if (count(s, decimal) === 1 && isGrouped(intPart, group) && DIGITS.test(frac)) {
      normal = `${intPart.split(group).join('')}.${frac}`;
    }
  } else if (dots + commas === 0) {
    normal = DIGITS.test(s) ? s : undefined;
  } else {
    const mark = dots > 0 ? '.' : ',';
    const n = dots + commas;
    if (n > 1) {
      normal = isGrouped(s, mark) ? s.split(mark).join('') : undefined;
    } else if (mark === '.' && style === 'vi' && /^\d{1,3}\.\d{3}$/.test(s)) {
      normal = s.replace('.', '');
    } else {
      const [a = '', b = ''] = s.split(mark);
      normal = /^\d*$/.test(a) && DIGITS.test(b) ? `${a === '' ? '0' : a}.${b}` : undefined;
    }
  }
  if (normal === undefined) return undefined;
  const v = sign * Number(normal);
  return Number.isFinite(v) ? v : undefined;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function isGrouped(s: string, sep: string): boolean {
  const parts = s.split(sep);
  return (
    (parts.length > 1 &&
      /^\d{1,3}$/.test(parts[0] ?? '') &&
      parts.slice(1).every((p) => /^\d{3}$/.test(p))) ||
    (parts.length === 1 && DIGITS.test(s))
  );
}
