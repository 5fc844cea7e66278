import { parse as parseCsvSync } from 'csv-parse/sync';
import {
  FIELD_LABELS,
  fieldForHeader,
  mapColumns,
  missingFields,
  type ReportField,
} from './columns';
import { parseLocaleNumber, type NumberStyle } from './numbers';
import {
  normaliseIndicatorCode,
  normaliseUnitCode,
  type RawReportRow,
  type RawValue,
} from './raw-row';
import { fileMessage, type FileErrorCode, type Message } from './reasons';

export interface ParseFailure extends Message {
  code: FileErrorCode;
}

export type ParseResult =
  { ok: true; format: 'csv' | 'json'; rows: RawReportRow[] } | { ok: false; error: ParseFailure };

export interface ParseOptions {
  /** Largest number of data rows accepted in one file; a bigger file is refused whole. */
  maxRows?: number;
}

export const DEFAULT_MAX_ROWS = 50_000;
/** How far down a title block may push the header row in a spreadsheet export. */
const HEADER_SEARCH_ROWS = 10;

function fail(code: FileErrorCode, params: Record<string, string | number> = {}): ParseResult {
  return { ok: false, error: { code, ...fileMessage(code, params) } };
}

function decode(input: string | Uint8Array): string | undefined {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    // fatal: a Windows-1258 export would otherwise turn every "ư" into U+FFFD silently.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    return undefined;
  }
}

/**
 * Chooses the separator from the header line: Vietnamese-locale Excel writes ";" (because "," is
 * the decimal mark), everything else ",". Separators inside quotes are not counted. A title line
 * without any separator is skipped so a banner row above the header does not decide.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  for (const line of text.split(/\r\n|\n|\r/, HEADER_SEARCH_ROWS)) {
    const counts = { ',': 0, ';': 0, '\t': 0 };
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
    }
    const best = (Object.entries(counts) as [',' | ';' | '\t', number][]).sort(
      (a, b) => b[1] - a[1],
    )[0];
    if (best !== undefined && best[1] > 0) return best[0];
  }
  return ',';
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Parses a CSV report: UTF-8 with or without BOM, "," ";" or tab separated, Vietnamese or English
 * headers (diacritic-insensitive), decimal comma when the separator is ";". Rows stay raw; each
 * is judged by validateReportRows so that one bad row does not sink the file.
 */
export function parseReportCsv(
  input: string | Uint8Array,
  options: ParseOptions = {},
): ParseResult {
  const text = decode(input);
  if (text === undefined) return fail('not_utf8');
  if (text.trim() === '') return fail('empty_file');
  const delimiter = detectDelimiter(text);
  const style: NumberStyle = delimiter === ';' ? 'vi' : 'en';
  let records: CsvRecord[];
  try {
    records = parseCsvSync(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // Excel leaves ";;;;" lines under the data; they are not rows anyone meant to send.
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as CsvRecord[];
  } catch (err) {
    return fail('malformed_csv', { detail: err instanceof Error ? err.message : String(err) });
  }
  const headerAt = records
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((r) => missingFields(mapColumns(r.record)).length === 0);
  if (headerAt < 0) {
    const first = records[0]?.record ?? [];
    return missingColumns(missingFields(mapColumns(first)));
  }
  const columns = mapColumns(records[headerAt]?.record ?? []);
  const data = records.slice(headerAt + 1);
  const max = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (data.length === 0) return fail('empty_file');
  if (data.length > max) return fail('too_many_rows', { max });
  const cell = (r: string[], f: ReportField): string => {
    const i = columns[f];
    return i === undefined ? '' : (r[i] ?? '');
  };
  const rows = data.map(({ record, info }, i): RawReportRow => ({
    row: i + 1,
    line: info.lines,
    indicator: normaliseIndicatorCode(cell(record, 'indicator')),
    unitCode: normaliseUnitCode(cell(record, 'unitCode')),
    period: cell(record, 'period'),
    value: csvNumber(cell(record, 'value'), style),
    numerator: csvNumber(cell(record, 'numerator'), style),
    denominator: csvNumber(cell(record, 'denominator'), style),
    note: cell(record, 'note') || null,
  }));
  return { ok: true, format: 'csv', rows };
}

function csvNumber(text: string, style: NumberStyle): RawValue {
  if (text === '') return null;
  return parseLocaleNumber(text, style) ?? text;
}

function missingColumns(fields: readonly ReportField[]): ParseResult {
  return fail('missing_columns', {
    columnsVi: fields.map((f) => FIELD_LABELS[f].vi).join(', '),
    columnsEn: fields.map((f) => FIELD_LABELS[f].en).join(', '),
  });
}

/**
 * Parses a JSON report: an array of row objects, or `{ "rows": [...] }`. Keys use the same names
 * as CSV headers (`indicator`, `unitCode`/`unit`, `period`, `value`, `numerator`, `denominator`,
 * `note`, or their Vietnamese forms). Numbers may be JSON numbers or strings ("85,5").
 */
export function parseReportJson(
  input: string | Uint8Array | unknown[] | object,
  options: ParseOptions = {},
): ParseResult {
  let json: unknown = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const text = decode(input);
    if (text === undefined) return fail('not_utf8');
    if (text.trim() === '') return fail('empty_file');
    try {
      json = JSON.parse(text);
    } catch (err) {
      return fail('malformed_json', { detail: err instanceof Error ? err.message : String(err) });
    }
  }
  const list: unknown = Array.isArray(json) ? json : isRecord(json) ? json.rows : undefined;
  if (!Array.isArray(list)) {
    return fail('malformed_json', { detail: 'expected an array of rows or {"rows": [...]}' });
  }
  if (list.length === 0) return fail('empty_file');
  const max = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (list.length > max) return fail('too_many_rows', { max });
  const rows = list.map((item: unknown, i): RawReportRow => {
    if (!isRecord(item)) return { ...EMPTY_ROW, row: i + 1, malformed: true };
    const fields: Partial<Record<ReportField, unknown>> = {};
    for (const [k, v] of Object.entries(item)) {
      const f = fieldForHeader(k);
      if (f !== undefined && !(f in fields)) fields[f] = v;
    }
    return {
      row: i + 1,
      indicator: normaliseIndicatorCode(jsonText(fields.indicator)),
      unitCode: normaliseUnitCode(jsonText(fields.unitCode)),
      period: jsonText(fields.period),
      value: jsonNumber(fields.value),
      numerator: jsonNumber(fields.numerator),
      denominator: jsonNumber(fields.denominator),
      note: jsonText(fields.note) || null,
    };
  });
  return { ok: true, format: 'json', rows };
}

const EMPTY_ROW: RawReportRow = {
  row: 0,
  indicator: '',
  unitCode: '',
  period: '',
  value: null,
  numerator: null,
  denominator: null,
  note: null,
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsonText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

function jsonNumber(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    if (v.trim() === '') return null;
    return parseLocaleNumber(v, 'en') ?? v.trim();
  }
  return JSON.stringify(v);
}

/**
 * Parses a report body by its declared type (or file name, or first character as a last resort):
 * `application/json` or `.json` → JSON, `text/csv`, `application/vnd.ms-excel` or `.csv` → CSV.
 */
export function parseReport(
  body: string | Uint8Array,
  meta: { contentType?: string | null; filename?: string | null } = {},
  options: ParseOptions = {},
): ParseResult {
  const type = (meta.contentType ?? '').toLowerCase();
  const name = (meta.filename ?? '').toLowerCase();
  if (type.includes('json') || name.endsWith('.json')) return parseReportJson(body, options);
  if (
    type.includes('csv') ||
    type.includes('ms-excel') ||
    type.startsWith('text/plain') ||
    name.endsWith('.csv')
  ) {
    return parseReportCsv(body, options);
  }
  if (type !== '' && !type.startsWith('application/octet-stream'))
    return fail('unsupported_format');
  const text = decode(body);
  if (text === undefined) return fail('not_utf8');
  const first = text.trimStart()[0];
  return first === '[' || first === '{'
    ? parseReportJson(text, options)
    : parseReportCsv(text, options);
}
