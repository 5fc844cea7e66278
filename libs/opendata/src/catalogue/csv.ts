import { stringify } from 'csv-stringify/sync';

/**
 * A CSV download that Excel opens with Vietnamese intact: UTF-8 with a byte-order mark (Excel
 * reads BOM-less CSV in the system's legacy code page and garbles diacritics), a header row,
 * CRLF line ends (RFC 4180), columns in the given order.
 */
export function csvWithBom<R extends object>(
  columns: readonly (keyof R & string)[],
  rows: readonly R[],
): Buffer {
  const text = stringify(rows as R[], {
    bom: true,
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    cast: { date: (d) => d.toISOString(), boolean: (b) => (b ? 'true' : 'false') },
  });
  return Buffer.from(text, 'utf8');
}
