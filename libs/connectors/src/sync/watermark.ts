/**
 * The watermark is the newest value of the source's update-time field among committed records.
 * Sources write it as ISO-8601 (with or without offset; a bare local time is read as Việt Nam
 * time, UTC+7, which keeps no daylight saving) or as epoch milliseconds. The stored text is the
 * source's own spelling, sent back as `{since}`, so the source compares like with like.
 */
export function watermarkTime(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d{10,13}$/.test(text)) return Number(text.length === 10 ? `${text}000` : text);
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const iso =
    text.includes('T') || !/^\d{4}-\d{2}-\d{2} /.test(text) ? text : text.replace(' ', 'T');
  const t = Date.parse(hasZone || !/T\d/.test(iso) ? iso : `${iso}+07:00`);
  return Number.isNaN(t) ? null : t;
}

/** The later of two watermarks (by time; a value that does not read as a time never wins). */
export function laterWatermark(current: string | null, candidate: unknown): string | null {
  const c = watermarkTime(candidate);
  if (c === null) return current;
  if (current === null) return String(candidate);
  const t = watermarkTime(current);
  return t === null || c > t ? String(candidate) : current;
}
