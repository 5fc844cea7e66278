// Spreadsheet applications execute a cell that starts with one of these as a formula
// (CSV/formula injection, OWASP). A leading apostrophe makes it plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises formula injection in one cell. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type CsvValue = string | number | boolean | null | undefined | Date | object;

function text(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** One RFC 4180 line (CRLF-terminated) with every cell neutralised, numbers included. */
export function csvLine(cells: readonly CsvValue[]): string {
  return cells.map((c) => quote(neutraliseCell(text(c)))).join(',') + '\r\n';
}
