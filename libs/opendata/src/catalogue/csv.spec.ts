import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvWithBom } from './csv';

describe('csvWithBom', () => {
  it('starts with the UTF-8 BOM, keeps diacritics and quotes, and parses back to the same values', () => {
    const rows = [
      { unitName: 'Phường Hải Châu', value: 41.25, note: 'a, "b"' },
      { unitName: 'Xã Hoà Vang', value: -0.5, note: '' },
    ];
    const buf = csvWithBom(['unitName', 'value', 'note'], rows);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8');
    expect(text).toContain('\r\n');
    const back = parse<Record<string, string>>(buf, { bom: true, columns: true });
    expect(back.map((r) => [r.unitName, Number(r.value), r.note])).toEqual(
      rows.map((r) => [r.unitName, r.value, r.note]),
    );
  });
});
