import { describe, expect, it } from 'vitest';
import { indexIndicators, loadCatalogue } from '../catalogue/load';
import { danangWards, fixtureLookup } from '../testing/fixtures';
import { parseReport, parseReportCsv, parseReportJson } from './parse';
import type { RawReportRow } from './raw-row';
import { validateReportRows, type ValidationContext } from './validate';

const indicators = indexIndicators(loadCatalogue());
const units = fixtureLookup();
const wards = danangWards();
const now = new Date('2026-04-15T03:00:00Z');
const ctx: ValidationContext = {
  indicators,
  units,
  feed: { code: 'dn-wards', allowedIndicators: null, allowedUnits: null },
  now,
};

/** 12345 → "12.345", as Vietnamese Excel formats thousands. */
const dots = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** What Vietnamese-locale Excel saves as "CSV UTF-8": BOM, ";" separators, decimal commas, a title row. */
function excelCsv(edit: (cells: string[], i: number) => string[] = (c) => c): string {
  const lines = [
    '"BÁO CÁO CHỈ TIÊU CHUYỂN ĐỔI SỐ - THÁNG 3/2026"',
    'STT;Mã chỉ tiêu;Tên đơn vị;Mã xã;Kỳ báo cáo;Tử số;Mẫu số;Giá trị (%);Ghi chú',
  ];
  let i = 0;
  for (const code of wards) {
    const n = Number(code) % 1000;
    const rows = [
      [
        'dx.online_public_service_usage',
        code,
        'Tháng 3/2026',
        dots(1000 + n),
        dots(1500 + n),
        '',
        '',
      ],
      ['dx.vneid_accounts', code, '03/2026', '', dots(12000 + n), '85,5', 'Số liệu Công an phường'],
      ['dx.digital_signature_share', code, '2026-03', dots(1000 + n), dots(9000 + n), '', ''],
    ];
    for (const r of rows) {
      i++;
      const [ind = '', unit = '', period = '', num = '', den = '', val = '', note = ''] = edit(
        r,
        i,
      );
      lines.push([String(i), ind, `Phường ${unit}`, unit, period, num, den, val, note].join(';'));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n;;;;;;;;\r\n`;
}

describe('Excel CSV report: 94 wards × 3 indicators', () => {
  it('parses BOM, semicolons, thousand dots, decimal commas and Vietnamese headers, and accepts every row', () => {
    const parsed = parseReport(new TextEncoder().encode(excelCsv()), {
      contentType: 'text/csv',
      filename: 'bao-cao.csv',
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows).toHaveLength(282);
    const { accepted, rejected } = validateReportRows(parsed.rows, ctx);
    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(282);

    const first = accepted.find(
      (r) => r.unitCode === '20194' && r.indicator === 'dx.online_public_service_usage',
    );
    // 20194: numerator "1.194", denominator "1.694"
    expect(first).toMatchObject({
      period: '2026-03',
      numerator: 1194,
      denominator: 1694,
      periodStart: '2026-03-01',
    });
    expect(first?.value).toBeCloseTo((1194 / 1694) * 100, 9);
    const vneid = accepted.find(
      (r) => r.unitCode === '20194' && r.indicator === 'dx.vneid_accounts',
    );
    // "85,5" with denominator "12.194": numerator derived so Σnum/Σden rolls up correctly.
    expect(vneid?.value).toBeCloseTo(85.5, 9);
    expect(vneid?.denominator).toBe(12194);
    expect(vneid?.numerator).toBeCloseTo(0.855 * 12194, 9);
    expect(vneid?.note).toBe('Số liệu Công an phường');
    expect(first?.line).toBe(3);
  });

  it('rejects exactly the 5 bad rows, each with one reason, and keeps the other 277', () => {
    const bad = new Map<number, (c: string[]) => string[]>([
      [7, (c) => ['dx.vneid_acounts', ...c.slice(1)]],
      [50, (c) => [c[0] ?? '', '99999', ...c.slice(2)]],
      [101, (c) => [c[0] ?? '', c[1] ?? '', '05/2026', ...c.slice(3)]],
      [150, (c) => [c[0] ?? '', c[1] ?? '', c[2] ?? '', '2.000', '1.500', '', '']],
      [200, (c) => [...c.slice(0, 4), '', '85,5', '']],
    ]);
    const parsed = parseReportCsv(excelCsv((c, i) => bad.get(i)?.(c) ?? c));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { accepted, rejected } = validateReportRows(parsed.rows, ctx);
    expect(accepted).toHaveLength(277);
    expect(rejected.map((r) => [r.row, r.line, r.code])).toEqual([
      [7, 9, 'unknown_indicator'],
      [50, 52, 'unknown_unit'],
      [101, 103, 'period_in_future'],
      [150, 152, 'numerator_over_denominator'],
      [200, 202, 'missing_denominator'],
    ]);
    for (const r of rejected) {
      expect(r.messageVi.length).toBeGreaterThan(5);
      expect(r.messageEn.length).toBeGreaterThan(5);
    }
    expect(rejected[0]?.messageVi).toContain('dx.vneid_acounts');
    expect(rejected[3]?.messageEn).toBe('Numerator (2000) exceeds denominator (1500)');
  });
});

describe('parsing', () => {
  it('reads a comma-separated English CSV with dot decimals', () => {
    const csv =
      'indicator,unit,period,value,numerator,denominator,note\ndx.vneid_accounts,48,2026-Q1,"85,5",,,\ndx.vneid_accounts,20194,2026-03,,1200.5,2000,"a, b"\n';
    const parsed = parseReportCsv(csv);
    expect(parsed.ok && parsed.rows).toEqual([
      {
        row: 1,
        line: 2,
        indicator: 'dx.vneid_accounts',
        unitCode: '48',
        period: '2026-Q1',
        value: 85.5,
        numerator: null,
        denominator: null,
        note: null,
      },
      {
        row: 2,
        line: 3,
        indicator: 'dx.vneid_accounts',
        unitCode: '20194',
        period: '2026-03',
        value: null,
        numerator: 1200.5,
        denominator: 2000,
        note: 'a, b',
      },
    ]);
  });

  it('matches headers without diacritics or in capitals', () => {
    const parsed = parseReportCsv(
      'MÃ CHỈ TIÊU;Ma don vi;Ky;Gia tri\ndx.vneid_accounts;48;2026;70,5\n',
    );
    expect(parsed.ok && parsed.rows[0]).toMatchObject({
      indicator: 'dx.vneid_accounts',
      unitCode: '48',
      period: '2026',
      value: 70.5,
    });
  });

  it('refuses a file without the required columns, naming them in both languages', () => {
    const parsed = parseReportCsv('Mã chỉ tiêu;Giá trị\nx;1\n');
    expect(parsed).toMatchObject({
      ok: false,
      error: {
        code: 'missing_columns',
        messageVi: 'Thiếu cột bắt buộc: Mã đơn vị, Kỳ báo cáo',
        messageEn: 'Missing required columns: unit, period',
      },
    });
  });

  it('refuses a file that is not UTF-8', () => {
    const latin = Uint8Array.from([0x4d, 0xe3, 0x20, 0x78, 0xe3, 0x0a]);
    expect(parseReportCsv(latin)).toMatchObject({ ok: false, error: { code: 'not_utf8' } });
  });

  it('reads JSON arrays and {rows: [...]} with Vietnamese or English keys', () => {
    const a = parseReportJson(
      '[{"indicator":"dx.vneid_accounts","unitCode":"48","period":"2026","value":"85,5"}]',
    );
    const b = parseReport(
      JSON.stringify({
        rows: [
          {
            'Mã chỉ tiêu': 'dx.vneid_accounts',
            'Mã xã': 20194,
            Kỳ: '2026-03',
            'Tử số': 5,
            'Mẫu số': 10,
          },
        ],
      }),
      {
        contentType: 'application/json',
      },
    );
    expect(a.ok && a.rows[0]).toMatchObject({ value: 85.5, unitCode: '48' });
    expect(b.ok && b.rows[0]).toMatchObject({ unitCode: '20194', numerator: 5, denominator: 10 });
    expect(parseReportJson('{"data":1}')).toMatchObject({
      ok: false,
      error: { code: 'malformed_json' },
    });
    expect(parseReportJson('[1,')).toMatchObject({ ok: false, error: { code: 'malformed_json' } });
  });
});

describe('row validation reasons', () => {
  const row = (over: Partial<RawReportRow>): RawReportRow => ({
    row: 1,
    indicator: 'dx.vneid_accounts',
    unitCode: '20194',
    period: '2026-03',
    value: null,
    numerator: 50,
    denominator: 100,
    note: null,
    ...over,
  });
  const reason = (r: RawReportRow, c: ValidationContext = ctx): string | undefined =>
    validateReportRows([r], c).rejected[0]?.code;

  it.each([
    ['malformed_row', row({ malformed: true })],
    ['unknown_indicator', row({ indicator: 'dx.unknown' })],
    ['unknown_unit', row({ unitCode: '12345' })],
    [
      'level_not_measured',
      row({ indicator: 'inno.pii_rank', value: 3, numerator: null, denominator: null }),
    ],
    ['period_malformed', row({ period: '2026-13' })],
    ['period_in_future', row({ period: '2026-Q3' })],
    ['invalid_number', row({ numerator: 'năm mươi' })],
    ['missing_value', row({ numerator: null, denominator: 100 })],
    ['negative_value', row({ numerator: -1 })],
    ['missing_denominator', row({ denominator: null })],
    ['zero_denominator', row({ numerator: 0, denominator: 0 })],
    ['numerator_over_denominator', row({ numerator: 101 })],
    ['percent_over_100', row({ unitCode: '48', value: 100.5, numerator: null, denominator: null })],
    [
      'invalid_flag',
      row({ indicator: 'city.ioc_coverage', value: 0.5, numerator: null, denominator: null }),
    ],
  ])('%s', (code, r) => {
    expect(reason(r)).toBe(code);
  });

  it('enforces the feed scope', () => {
    const scoped: ValidationContext = {
      ...ctx,
      feed: { code: 'an-hai', allowedIndicators: ['dx.vneid_accounts'], allowedUnits: ['20275'] },
    };
    expect(
      reason(row({ unitCode: '20275', indicator: 'dx.digital_signature_share' }), scoped),
    ).toBe('indicator_not_allowed');
    expect(reason(row({ unitCode: '20194' }), scoped)).toBe('unit_not_allowed');
    expect(reason(row({ unitCode: '20275' }), scoped)).toBeUndefined();
  });

  it('rejects the second row for the same indicator, unit and period', () => {
    const { accepted, rejected } = validateReportRows(
      [row({ row: 1 }), row({ row: 2, numerator: 60 })],
      ctx,
    );
    expect(accepted).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      row: 2,
      code: 'duplicate_row',
      messageEn: 'Same indicator, unit and period as row 1',
    });
  });

  it('accepts yes/no milestones as 1/0 or Đạt/Chưa đạt at commune level', () => {
    const { accepted } = validateReportRows(
      [
        row({
          row: 1,
          indicator: 'city.ioc_coverage',
          value: 'Đạt',
          numerator: null,
          denominator: null,
        }),
        row({
          row: 2,
          indicator: 'dx.paperless_meetings',
          value: 0,
          numerator: null,
          denominator: null,
        }),
      ],
      ctx,
    );
    expect(accepted.map((r) => r.value)).toEqual([1, 0]);
  });

  it('lets a province report a ratio indicator as a bare value and a growth rate be negative', () => {
    const { accepted, rejected } = validateReportRows(
      [
        row({ unitCode: '48', value: 82.5, numerator: null, denominator: null }),
        row({
          row: 2,
          indicator: 'st.patent_filings_growth',
          unitCode: '48',
          period: '2025',
          value: -4,
          numerator: null,
          denominator: null,
        }),
      ],
      ctx,
    );
    expect(rejected).toEqual([]);
    expect(accepted.map((r) => r.value)).toEqual([82.5, -4]);
  });
});
