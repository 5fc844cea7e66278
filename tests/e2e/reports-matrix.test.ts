/**
 * Issue 13, reporting matrix: a province leader opens /reports for a period whose window has
 * closed; the ward that has not submitted comes first, marked late; the ward that submitted is
 * waiting for review, and the leader returns it with a reason from the page. The exports are
 * offered and download with the leader's session.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasChromium = chromiumAvailable();

const LATE_WARD = '20314';
const ON_TIME_WARD = '20320';
/** October 2026: due 15 November 2026 — past, whatever day the test runs on. */
const PERIOD = '2026-10';
/** A day inside November's reporting window, when October's periods are opened. */
const WINDOW_DAY = new Date('2026-11-05T03:00:00Z');

interface Me {
  username: string;
  displayName: string;
  role: string;
  units: string[];
}

interface Row {
  id: string;
  unitCode: string;
  state: string;
  late: boolean;
  returnedReason: string | null;
}

describe.skipIf(!hasChromium)('reports — the province leader’s matrix', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let leader = '';
  let leaderMe: Me;

  const api = async (path: string, bearer: string, init: RequestInit = {}) => {
    const res = await fetch(`${platform.httpUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };

  const periodOf = async (unit: string): Promise<Row> => {
    const res = await api(
      `/api/v1/reports/periods?unit=${unit}&period=${PERIOD}`,
      platform.adminToken,
    );
    expect(res.status).toBe(200);
    const row = (res.body as { items: Row[] }).items.find((r) => r.unitCode === unit);
    if (!row) throw new Error(`no ${PERIOD} period for ${unit}`);
    return row;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    for (const unitCode of [LATE_WARD, ON_TIME_WARD]) {
      const res = await api('/api/v1/reports/schedules', platform.adminToken, {
        method: 'POST',
        body: JSON.stringify({ unitCode, cadence: 'monthly', dueDay: 15 }),
      });
      expect(res.status).toBe(201);
    }
    // Open October's periods as the scheduler did on a November day.
    await platform.ctx.reportingCycle.reporting.ensurePeriods(WINDOW_DAY);
    const operator = await platform.loginAs('ward_operator', [ON_TIME_WARD]);
    const onTime = await periodOf(ON_TIME_WARD);
    const submitted = await api(`/api/v1/reports/periods/${onTime.id}/submit`, operator, {
      method: 'POST',
      body: '{}',
    });
    expect(submitted.status).toBe(200);
    leader = await platform.loginAs('province_leader', ['48']);
    leaderMe = (await api('/api/v1/auth/me', leader)).body as Me;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await platform.dispose();
  });

  it('puts the late ward first and lets the leader return a submitted report', async () => {
    const matrix = (await api(`/api/v1/reports/matrix?unit=48&period=${PERIOD}`, leader)).body as {
      rows: Row[];
    };
    const late = matrix.rows.find((r) => r.unitCode === LATE_WARD);
    expect(late).toMatchObject({ state: 'open', late: true });
    expect(matrix.rows.find((r) => r.unitCode === ON_TIME_WARD)).toMatchObject({
      state: 'submitted',
      late: false,
    });

    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    await context.addInitScript(
      (s) => {
        window.localStorage.setItem('ioc.session', s);
        window.localStorage.setItem('ioc.lang', 'vi');
      },
      JSON.stringify({
        token: leader,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        ...leaderMe,
      }),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.httpUrl}/reports?period=${PERIOD}`);
    await page.getByTestId('report-matrix').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('reports-period').getAttribute('data-period')).toBe(PERIOD);
    expect(await page.getByTestId('reports-period').textContent()).toBe('Báo cáo kỳ 10/2026');

    // The page keeps the API's order, late rows first; the late ward is the first row.
    const rows = page.getByTestId('report-row');
    const shown = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-period-id')));
    expect(shown).toEqual(matrix.rows.map((r) => r.id));
    const first = rows.first();
    expect(await first.getAttribute('data-unit')).toBe(LATE_WARD);
    expect(await first.getAttribute('data-late')).toBe('true');
    expect(await first.getByTestId('report-late').textContent()).toBe('Trễ hạn');
    expect(await first.getByTestId('report-state').textContent()).toBe('Chưa nộp');
    expect(await first.textContent()).toContain('Phường Hoà Xuân');
    // A leader reviews but does not submit for a ward.
    expect(await first.getByTestId('step-submit').count()).toBe(0);

    const onTimeRow = page.locator(`[data-testid="report-row"][data-unit="${ON_TIME_WARD}"]`);
    expect(await onTimeRow.getAttribute('data-late')).toBe('false');
    expect(await onTimeRow.getByTestId('report-state').textContent()).toBe('Đã nộp, chờ duyệt');
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'reports-matrix-1440x900.png') });

    // Return the submitted report with a reason.
    const reason = 'Thiếu số liệu chỉ tiêu dịch vụ công trực tuyến';
    await onTimeRow.getByTestId('step-return').click();
    await onTimeRow.getByTestId('step-reason').fill(reason);
    await onTimeRow.getByTestId('step-confirm').click();
    await expect
      .poll(() => onTimeRow.getAttribute('data-state'), { timeout: 15_000 })
      .toBe('returned');
    expect(await onTimeRow.textContent()).toContain(`Lý do trả lại: ${reason}`);
    const stored = await periodOf(ON_TIME_WARD);
    expect(stored).toMatchObject({ state: 'returned', returnedReason: reason, late: true });
    const { rows: audit } = await platform.ctx.pool.query<{ actor: string }>(
      `SELECT actor FROM audit_log WHERE action = 'report.return' AND target_id = $1`,
      [stored.id],
    );
    expect(audit.map((a) => a.actor)).toEqual([leaderMe.username]);

    // The province's workbook downloads with the leader's session.
    const link = page.getByTestId('export-xlsx').first();
    expect(await link.getAttribute('href')).toBe(
      `/api/v1/reports/export.xlsx?unit=48&period=${PERIOD}`,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-48-${PERIOD}.xlsx`);
    const path = await download.path();
    // An .xlsx is a zip: it starts with "PK".
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await page.getByTestId('export-json').first().getAttribute('href')).toBe(
      `/api/v1/reports/export.json?unit=48&period=${PERIOD}`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
