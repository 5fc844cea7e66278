import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportExportJsonSchema, type ReportExportJson } from '@ioc/contracts';
import {
  INDICATOR_HEADERS,
  INDICATOR_SHEET,
  INDICATOR_STATUS_VI,
  TASK_HEADERS,
  TASK_SHEET,
} from '@ioc/reporting';
import { startTestPlatform, type TestPlatform } from '../support/platform';

// The exported workbook is read by a reader nobody here wrote (Debian's python3-openpyxl) and
// every cell is compared with the API's JSON export of the same unit and period.

const PYTHON = '/usr/bin/python3';
const READ_XLSX = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
print(json.dumps({ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}, ensure_ascii=False))
`;

function hasOpenpyxl(): boolean {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl']);
    return true;
  } catch {
    return false;
  }
}

type Cell = string | number | null;

describe.skipIf(!hasOpenpyxl())('report exports (embedded, access control on)', () => {
  let platform: TestPlatform;
  let dir: string;
  let token: string;
  const now = new Date('2026-12-20T02:00:00Z');
  const PERIOD = '2026-11';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ioc-export-'));
    platform = await startTestPlatform({ clock: () => now });
    token = await platform.loginAs('province_leader', ['48']);
    const r = await fetch(`${platform.httpUrl}/api/v1/reports/schedules`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${platform.adminToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ unitCode: '20314' }),
    });
    expect(r.status).toBe(201);
    await reportOneValue();
  }, 180_000);

  /** The ward reports one owed indicator for the period through a feed, as a department would. */
  async function reportOneValue(): Promise<void> {
    const admin = {
      authorization: `Bearer ${platform.adminToken}`,
      'content-type': 'application/json',
    };
    const feed = await fetch(`${platform.httpUrl}/api/v1/feeds`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ code: 'export-test', name: 'Export test feed' }),
    });
    const { key } = (await feed.json()) as { key: string };
    const owed = await fetch(
      `${platform.httpUrl}/api/v1/reports/export.json?unit=20314&period=${PERIOD}`,
      { headers: admin },
    );
    const json = reportExportJsonSchema.parse(await owed.json());
    const refusals: string[] = [];
    // A ratio needs numerator and denominator; a count takes a plain value.
    const figures = [{ numerator: 3, denominator: 8 }, { value: 37 }];
    for (const item of json.kpiData.items) {
      for (const figure of figures) {
        const res = await fetch(`${platform.httpUrl}/api/v1/feeds/export-test/reports`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify([
            { indicator: item.indicatorCode, unitCode: '20314', period: PERIOD, ...figure },
          ]),
        });
        if (res.status === 200) return;
        refusals.push(`${item.indicatorCode}: ${res.status} ${(await res.text()).slice(0, 200)}`);
      }
    }
    throw new Error(`no owed indicator accepted a monthly value: ${refusals.join('; ')}`);
  }

  afterAll(async () => {
    await platform.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function get(path: string): Promise<Response> {
    const res = await fetch(`${platform.httpUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status, path).toBe(200);
    return res;
  }

  async function readWorkbook(unit: string): Promise<Record<string, Cell[][]>> {
    const res = await get(`/api/v1/reports/export.xlsx?unit=${unit}&period=${PERIOD}`);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const file = join(dir, `${unit}.xlsx`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    return JSON.parse(
      execFileSync(PYTHON, ['-c', READ_XLSX, file], { encoding: 'utf8' }),
    ) as Record<string, Cell[][]>;
  }

  async function exportJson(unit: string): Promise<ReportExportJson> {
    const res = await get(`/api/v1/reports/export.json?unit=${unit}&period=${PERIOD}`);
    // The documented shape (libs/reporting/EXPORT.md), checked by its schema.
    return reportExportJsonSchema.parse(await res.json());
  }

  /** The indicator sheet as it must read, built from the JSON packets alone. */
  function expectedIndicatorRows(json: ReportExportJson): Cell[][] {
    const units = new Map(
      json.disaggregationCatalogue.dimensions[0]!.values.map((v) => [v.code, v]),
    );
    const names = new Map(json.indicatorCatalogue.items.map((i) => [i.code, i.nameVi]));
    return json.kpiData.items.map((k) => [
      units.get(k.disaggregation[0]!.code)?.nameVi ?? null,
      k.indicatorCode,
      names.get(k.indicatorCode) ?? null,
      k.period,
      k.value,
      k.target,
      INDICATOR_STATUS_VI[k.status],
      k.source,
    ]);
  }

  for (const unit of ['20314', '48']) {
    it(`${unit}: every cell of the workbook equals the API's values`, async () => {
      const [book, json] = await Promise.all([readWorkbook(unit), exportJson(unit)]);
      expect(Object.keys(book)).toEqual([INDICATOR_SHEET, TASK_SHEET]);
      const indicators = book[INDICATOR_SHEET]!;
      expect(indicators[0]).toEqual([...INDICATOR_HEADERS]);
      expect(indicators.slice(1)).toEqual(expectedIndicatorRows(json));
      expect(json.kpiData.items.length).toBeGreaterThan(0);
      // Reported values (the demo feed's) are in it, not only empty cells.
      expect(json.kpiData.items.some((k) => k.value !== null)).toBe(true);
      expect(book[TASK_SHEET]![0]).toEqual([...TASK_HEADERS]);

      // The same values as the reporting period's own view, for the unit that reports.
      if (unit === '20314') {
        const periods = (await (
          await get(`/api/v1/reports/periods?unit=20314&period=${PERIOD}`)
        ).json()) as {
          items: { id: string }[];
        };
        const detail = (await (
          await get(`/api/v1/reports/periods/${periods.items[0]!.id}`)
        ).json()) as {
          indicators: { indicatorCode: string; value: number | null; target: number | null }[];
          tasks: { code: string; progress: number }[];
        };
        expect(indicators.slice(1).map((r) => [r[1], r[4], r[5]])).toEqual(
          detail.indicators.map((i) => [i.indicatorCode, i.value, i.target]),
        );
        expect(book[TASK_SHEET]!.slice(1).map((r) => [r[0], r[5]])).toEqual(
          detail.tasks.map((t) => [t.code, t.progress]),
        );
      } else {
        const codes = json.disaggregationCatalogue.dimensions[0]!.values.map((v) => v.code);
        expect(codes).toEqual(['48', '20314']);
      }
    });
  }

  it('refuses a unit outside the caller scope', async () => {
    const ward = await platform.loginAs('ward_leader', ['20275']);
    const res = await fetch(
      `${platform.httpUrl}/api/v1/reports/export.xlsx?unit=20314&period=${PERIOD}`,
      {
        headers: { authorization: `Bearer ${ward}` },
      },
    );
    expect(res.status).toBe(403);
  });
});
