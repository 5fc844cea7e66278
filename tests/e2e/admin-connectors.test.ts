import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { startLgspSources, type LgspSources } from '../support/lgsp-sources';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signedInContext } from '../support/web-session';

const hasChromium = chromiumAvailable();

const CREDS = {
  appName: 'ioc-da-nang',
  accessKey: 'AK-Web-5e81c7d2',
  secretKey: 'SK-Web-secret-9Qm4Tz7Lp2',
  basicUser: 'u',
  basicPassword: 'p-not-used-here',
  apiKey: 'k-not-used-here',
  clientId: 'c',
  clientSecret: 'cs-not-used-here',
};
// What the administrator types as secrets: never in the page, nor in any answer it received.
const SECRETS = [CREDS.accessKey, CREDS.secretKey];
const WARD = '20275';
const HOUR = 3_600_000;

const MAPPING = `{
  "code": MaHoSo, "procedureCode": MaTTHC, "fieldCode": MaLinhVuc, "unitCode": MaDonVi,
  "receivedAt": NgayTiepNhan, "dueAt": HanXuLy, "onlineFullProcess": TrucTuyenToanTrinh = true,
  "status": TrangThai
}`;

/**
 * /admin/connectors ("Kết nối dữ liệu") against the real API in Chromium and a local LGSP that
 * checks the platform's signature: an administrator declares a connector with a write-only
 * LGSP profile, dry-runs it (mapped rows and a rejected one), runs it, sees the run in the
 * history and the connector on the liveness board, pauses it. A province operator has no section.
 */
describe.skipIf(!hasChromium)('admin — data connectors in the browser', () => {
  let platform: TestPlatform;
  let sources: LgspSources;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const answers: Promise<{ url: string; body: string }>[] = [];

  const record = (r: Response) => {
    if (!new URL(r.url()).pathname.startsWith('/api/')) return;
    answers.push(
      r.text().then(
        (body) => ({ url: r.url(), body }),
        () => ({ url: r.url(), body: '' }),
      ),
    );
  };

  beforeAll(async () => {
    sources = await startLgspSources(CREDS);
    const now = Date.now();
    const at = (h: number) => new Date(now + h * HOUR).toISOString();
    const hoso = (code: string, o: Record<string, unknown> = {}) => ({
      MaHoSo: code,
      MaTTHC: 'TTHC-1.001',
      MaLinhVuc: 'HO_TICH',
      MaDonVi: WARD,
      NgayTiepNhan: at(-48),
      HanXuLy: at(72),
      TrucTuyenToanTrinh: true,
      TrangThai: 'DANG_XU_LY',
      NgayCapNhat: at(-10),
      ...o,
    });
    sources.dossiers.push(
      hoso('DVC-101', { NgayCapNhat: at(-5) }),
      hoso('DVC-102', { NgayCapNhat: at(-4) }),
      hoso('DVC-103', { NgayCapNhat: at(-3), MaDonVi: '99999' }),
    );
    platform = await startTestPlatform({
      WEB_DIST_DIR: WEB_DIST,
      CONNECTOR_SECRET_KEY: randomBytes(32).toString('hex'),
      CONNECTOR_SCHEDULER: 'false',
    });
    browser = await launchBrowser();
    context = await signedInContext(browser, platform, platform.adminToken, {
      lang: 'vi',
      viewport: { width: 1440, height: 1100 },
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', record);
  }, 120_000);

  afterAll(async () => {
    await context.close();
    await browser.close();
    await platform.dispose();
    await sources.close();
  });

  it('declares, dry-runs, runs and pauses a connector; no secret comes back', async () => {
    await page.goto(`${platform.httpUrl}/admin/connectors`);
    const nav = page.getByTestId('admin-nav-connectors');
    await nav.waitFor({ timeout: 15_000 });
    expect(await nav.textContent()).toBe('Kết nối dữ liệu');
    await page.locator('[data-state=empty]').waitFor({ timeout: 15_000 });
    await page.getByTestId('connector-add').click();
    const form = page.getByTestId('connector-form');

    // The contract's checks first: nothing is sent while the id and URL are wrong.
    await form.locator('input[name=id]').fill('Sai Mã');
    await form.getByTestId('connector-submit').click();
    await expect
      .poll(() => form.getByTestId('field-error').allTextContents())
      .toEqual(
        expect.arrayContaining([
          'Mã gồm chữ thường, số, dấu - và _ (2–64 ký tự).',
          'Nhập địa chỉ bắt đầu bằng http:// hoặc https://.',
        ]),
      );

    await form.locator('input[name=id]').fill('dvc-lgsp');
    await form.locator('input[name=name]').fill('Hệ thống thông tin giải quyết TTHC');
    await form.locator('input[name=department]').fill('Văn phòng UBND thành phố');
    await form
      .locator('input[name=url]')
      .fill(`${sources.url}/lgsp/dvc/hoso?page={page}&size={limit}&since={since}`);
    await form.locator('input[name=recordsPath]').fill('data.items');
    await form.getByLabel('Phân trang').selectOption('page');
    await form.locator('input[name=pageSize]').fill('2');
    await form.locator('input[name=watermarkField]').fill('NgayCapNhat');
    await form.locator('input[name=rateLimitPerMinute]').fill('6000');
    // A bad cron is the server's to find: its refusal lands beside the field.
    await form.locator('input[name=schedule]').fill('mỗi 15 phút');
    await form.locator('textarea[name=expression]').fill(MAPPING);
    await form.getByLabel('Kiểu xác thực').selectOption('lgsp');
    await form.locator('input[name=auth-appName]').fill(CREDS.appName);
    await form.locator('input[name=auth-accessKey]').fill(CREDS.accessKey);
    await form.locator('input[name=auth-secretKey]').fill(CREDS.secretKey);
    expect(await form.locator('input[name=auth-secretKey]').getAttribute('type')).toBe('password');
    await form.getByTestId('connector-submit').click();
    await expect
      .poll(async () => (await form.getByTestId('field-error').allTextContents()).length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    expect(
      await form.locator('input[name=schedule]').evaluate((el) => el.getAttribute('aria-invalid')),
    ).toBe('true');
    expect((await platform.api('/api/v1/connectors/dvc-lgsp')).status).toBe(404);

    await form.locator('input[name=schedule]').fill('');
    await page.screenshot({
      path: resolve(ARTIFACTS_DIR, 'admin-connector-form.png'),
      fullPage: true,
    });
    await form.getByTestId('connector-submit').click();
    const row = page.locator('[data-testid=connector-row][data-id="dvc-lgsp"]');
    await row.waitFor({ timeout: 15_000 });
    expect(await row.locator('[data-cell=last-run]').textContent()).toBe('Chưa chạy');

    // Saved, the connector opens: dry run shows the mapped rows and the rejected one.
    const detail = page.getByTestId('connector-detail');
    await detail.getByTestId('connector-dry-run-button').click();
    const dry = detail.getByTestId('connector-dry-run');
    await dry.waitFor({ timeout: 15_000 });
    const rows = await dry.getByTestId('connector-dry-record').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('DVC-101');
    expect(rows[1]).toContain('DVC-102');
    expect(await dry.getByTestId('connector-dry-rejection').count()).toBe(1);
    expect(await dry.getByTestId('connector-dry-summary').textContent()).toBe(
      'Đã lấy 3 bản ghi nguồn; 2 bản ghi ánh xạ được, 1 bị loại.',
    );
    // Nothing written by a dry run.
    expect(
      (await platform.api(`/api/v1/connectors/dvc-lgsp/runs`).then((r) => r.json())) as unknown,
    ).toMatchObject({ items: [] });
    await page.screenshot({
      path: resolve(ARTIFACTS_DIR, 'admin-connector-dry-run.png'),
      fullPage: true,
    });

    await detail.getByTestId('connector-run-button').click();
    const run = detail.locator('[data-testid=connector-run]');
    await run.first().waitFor({ timeout: 20_000 });
    expect(await run.first().getAttribute('data-status')).toBe('succeeded');
    expect(await run.first().locator('[data-cell=records]').textContent()).toBe('3 / 2 / 1');
    expect(await detail.getByTestId('connector-dead-letter').count()).toBe(1);
    expect(sources.log.filter((l) => l.path === '/lgsp/dvc/hoso').every((l) => l.ok)).toBe(true);
    await expect
      .poll(() => row.locator('[data-cell=last-run]').textContent())
      .toContain('Thành công');

    // On the liveness board, beside the feeds.
    await page.getByTestId('admin-nav-feeds').click();
    const live = page.locator('[data-testid=connector-liveness-row][data-id="dvc-lgsp"]');
    await live.waitFor({ timeout: 15_000 });
    expect(await live.locator('[data-cell=records]').textContent()).toBe('3 / 1');
    expect(await live.locator('[data-cell=state]').textContent()).toBe('Đang hoạt động');
    expect(await live.locator('[data-cell=last-success]').textContent()).toMatch(/trước$/);

    // Paused from the section; the board says so too.
    await page.getByTestId('admin-nav-connectors').click();
    await page
      .locator('[data-testid=connector-row][data-id="dvc-lgsp"]')
      .getByTestId('connector-open')
      .click();
    await page.getByTestId('connector-pause-button').click();
    await expect
      .poll(() => row.locator('[data-cell=state]').textContent(), { timeout: 10_000 })
      .toBe('Tạm dừng');
    expect(await page.getByTestId('connector-pause-button').textContent()).toBe('Tiếp tục');
    const stored = (await (await platform.api('/api/v1/connectors/dvc-lgsp')).json()) as {
      paused: boolean;
      auth: unknown;
    };
    expect(stored.paused).toBe(true);
    expect(stored.auth).toEqual({ kind: 'lgsp', appName: CREDS.appName, secretSet: true });
    await page.getByTestId('admin-nav-feeds').click();
    await expect
      .poll(() => live.locator('[data-cell=state]').textContent(), { timeout: 10_000 })
      .toBe('Tạm dừng');

    // Editing shows only that the secrets are set.
    await page.getByTestId('admin-nav-connectors').click();
    await row.getByTestId('connector-edit').click();
    expect(await page.getByTestId('connector-auth-state').textContent()).toBe(
      'Đã đặt khóa bí mật (không hiển thị lại).',
    );
    expect(await page.locator('input[name=auth-secretKey]').count()).toBe(0);

    const html = await page.content();
    const received = await Promise.all(answers);
    expect(received.some((a) => a.url.includes('/api/v1/connectors/dvc-lgsp/dry-run'))).toBe(true);
    expect(received.some((a) => a.url.includes('/api/v1/feeds/liveness'))).toBe(true);
    for (const secret of SECRETS) {
      expect(html).not.toContain(secret);
      for (const a of received) expect(a.body, a.url).not.toContain(secret);
    }
    expect(errors).toEqual([]);
  });

  it("lists the ward's dossiers overdue or due within 24 h on the tablet, overdue first", async () => {
    const now = Date.now();
    const at = (h: number) => new Date(now + h * HOUR).toISOString();
    const record = (code: string, dueH: number, o: Record<string, unknown> = {}) => ({
      code,
      procedureCode: 'TTHC-2.002',
      fieldCode: 'DAT_DAI',
      unitCode: WARD,
      receivedAt: at(-96),
      dueAt: at(dueH),
      onlineFullProcess: false,
      status: 'DANG_XU_LY',
      ...o,
    });
    const pushed = await platform.api('/api/v1/dossiers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        records: [
          record('TAB-SOON-5H', 5, { officer: 'cb-an-hai' }),
          record('TAB-LATE-30H', -30),
          record('TAB-LATE-2H', -2),
          record('TAB-LATER-60H', 60),
          record('TAB-DONE', -10, { finishedAt: at(-12) }),
        ],
      }),
    });
    expect(pushed.status, await pushed.clone().text()).toBe(200);
    const token = await platform.loginAs('ward_leader', [WARD]);
    const ctx = await signedInContext(browser, platform, token, {
      lang: 'vi',
      viewport: { width: 1024, height: 768 },
    });
    const p = await ctx.newPage();
    await p.goto(`${platform.httpUrl}/tablet`);
    const section = p.getByTestId('tablet-dossiers');
    await section.locator('[data-testid=tablet-dossier]').first().waitFor({ timeout: 20_000 });
    const codes = await section
      .locator('[data-testid=tablet-dossier]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    // DVC-101/102 from the connector are due in 72 h: not listed, like TAB-LATER-60H.
    expect(codes).toEqual(['TAB-LATE-30H', 'TAB-LATE-2H', 'TAB-SOON-5H']);
    expect(await section.getByTestId('tablet-dossiers-count').textContent()).toBe(
      '2 quá hạn · 1 sắp đến hạn',
    );
    const first = section.locator('[data-code="TAB-SOON-5H"]');
    expect(await first.textContent()).toContain('Cán bộ xử lý: cb-an-hai');
    // Touch-sized rows.
    const box = await first.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
    await section.screenshot({ path: resolve(ARTIFACTS_DIR, 'tablet-dossiers.png') });
    await ctx.close();
  });

  it('has no connectors section for a province operator, in the page or at the API', async () => {
    const token = await platform.loginAs('province_operator', ['48']);
    const ctx = await signedInContext(browser, platform, token, {
      lang: 'vi',
      viewport: { width: 1280, height: 900 },
    });
    const p = await ctx.newPage();
    await p.goto(`${platform.httpUrl}/admin/connectors`);
    await p.getByTestId('admin-forbidden').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('admin-nav-connectors').count()).toBe(0);
    expect(await p.getByTestId('connector-table').count()).toBe(0);
    expect((await platform.api('/api/v1/connectors', {}, token)).status).toBe(403);
    await ctx.close();
  });
});
