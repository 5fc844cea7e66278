import type { RawReportRow } from './raw-row';

/**
 * What a dead-letter row keeps of a rejected report row: the line as sent for CSV (what the
 * ward's clerk sees in Excel), else the row's fields as JSON.
 */
export function reportRowExcerpt(
  text: string | undefined,
  row: Pick<RawReportRow, 'row' | 'line'>,
  raw: RawReportRow | undefined,
): string {
  if (text !== undefined && row.line !== undefined) {
    const line = text.split(/\r\n|\n|\r/)[row.line - 1];
    if (line !== undefined && line.trim() !== '') return line.replace(/^\uFEFF/, '');
  }
  if (raw === undefined) return JSON.stringify({ row: row.row });
  return JSON.stringify({
    row: raw.row,
    indicator: raw.indicator,
    unit: raw.unitCode,
    period: raw.period,
    value: raw.value,
    numerator: raw.numerator,
    denominator: raw.denominator,
    note: raw.note,
  });
}
