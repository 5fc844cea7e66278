import { describe, expect, it } from 'vitest';
import { csvLine, neutraliseCell } from './csv';

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseCell(bad)).toBe(`'${bad}`);
    expect(neutraliseCell('Phường Hoà Xuân')).toBe('Phường Hoà Xuân');
    expect(neutraliseCell('')).toBe('');
  });

  it('quotes per RFC 4180 after neutralising', () => {
    expect(csvLine(['a', '=HYPERLINK("http://x","y")', 'b,c', null, 3, { k: 'v' }])).toBe(
      `a,"'=HYPERLINK(""http://x"",""y"")","b,c",,3,"{""k"":""v""}"\r\n`,
    );
    expect(csvLine([-5])).toBe("'-5\r\n");
  });
});
