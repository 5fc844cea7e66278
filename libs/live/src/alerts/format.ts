/** Vietnamese-first formatting for alert messages (vi-VN decimal comma, durations in words). */

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export function formatValue(value: number, uom?: string): string {
  const text = number.format(value);
  return uom ? `${text} ${uom}` : text;
}

/** 2700 s → "45 phút", 7500 s → "2 giờ 5 phút", 90 000 s → "1 ngày 1 giờ". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} ngày`);
  if (hours > 0) parts.push(`${hours} giờ`);
  if (minutes > 0 && days === 0) parts.push(`${minutes} phút`);
  if (parts.length === 0) parts.push(`${s} giây`);
  return parts.join(' ');
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** "Báo động I", "Báo động II", … — the Vietnamese flood warning levels are numbered in Roman. */
export function alarmLabel(level: number): string {
  return `Báo động ${ROMAN[level - 1] ?? String(level)}`;
}
