import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signedInContext } from '../support/web-session';

const hasChromium = chromiumAvailable();

// Camera passwords typed in the form: neither may ever come back in the page or an answer.
const PASSWORD = 'Nvr-Secret-7f3a91';
const REPLACED = 'Nvr-Replaced-c20e55';
const SOURCE_PASSWORD = 'Src-Secret-18bd4e';
const SECRETS = [PASSWORD, REPLACED, SOURCE_PASSWORD];

/**
 * /admin/cameras against the real API in Chromium: an administrator registers a camera by a
 * click on the map, with stream paths and a credential, edits it, tests what a screen would be
 * given to play, and deletes it; no page and no answer the page received holds the credential.
 */
describe.skipIf(!hasChromium)('admin — cameras in the browser', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  // Every API answer the admin page received, read in full.
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
    platform = await startTestPlatform({
      WEB_DIST_DIR: WEB_DIST,
      MEDIA_HLS_URL: 'https://ioc.example.test/media/hls',
      MEDIA_WHEP_URL: 'https://ioc.example.test/media/whep',
    });
    browser = await launchBrowser();
    context = await signedInContext(browser, platform, platform.adminToken, {
      lang: 'vi',
      viewport: { width: 1440, height: 1100 },
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', record);
  });

  afterAll(async () => {
    await context.close();
    await browser.close();
    await platform.dispose();
  });

  const cameraJson = async (id: string) => {
    const res = await platform.api(`/api/v1/cameras/${id}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('registers a camera placed on the map, with paths and a write-only credential', async () => {
    // A camera already holding the id the administrator will first type.
    const taken = await platform.api('/api/v1/cameras', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'tq-cong-1',
        name: 'Đã có',
        kind: 'port',
        lon: 108.2,
        lat: 16.05,
        unitCode: '48',
        hlsPath: 'x/y',
      }),
    });
    expect(taken.status).toBe(201);
    const ward = (await (await platform.api('/api/v1/units/20314')).json()) as {
      label: [number, number];
    };
    const [lon, lat] = ward.label;

    await page.goto(`${platform.httpUrl}/admin/cameras`);
    await page.getByTestId('admin-nav-cameras').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('admin-nav-cameras').textContent()).toBe('Camera');
    await page.getByTestId('camera-add').click();
    const form = page.getByTestId('camera-form');

    // Client checks first: id, name, position and a stream are missing or wrong.
    await form.locator('input[name=id]').fill('bad id!');
    await form.locator('input[name=hlsPath]').fill('/tuyệt-đối');
    await form.getByTestId('camera-submit').click();
    await expect
      .poll(() => form.getByTestId('field-error').allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Mã gồm chữ, số'),
          'Nhập tên camera (tối đa 200 ký tự).',
          'Bấm vào bản đồ hoặc nhập vĩ độ, kinh độ.',
          expect.stringContaining('không bắt đầu bằng /'),
        ]),
      );

    await form.locator('input[name=id]').fill('tq-cong-1');
    await form.locator('input[name=name]').fill('Cảng Thọ Quang — cổng 1');
    await form.locator('select').first().selectOption('port');
    // A click on the map sets the position, and the unit holding it is shown.
    const map = form.getByTestId('placement-map');
    await map.locator('canvas').waitFor({ timeout: 15_000 });
    await map.click({ position: { x: 140, y: 140 } });
    await expect.poll(() => form.locator('input[name=lon]').inputValue()).not.toBe('');
    expect(await form.locator('input[name=lat]').inputValue()).not.toBe('');
    await expect
      .poll(() => form.getByTestId('camera-point-unit').textContent(), { timeout: 10_000 })
      .not.toContain('Đang xác định');
    // Then exactly ward 20314's label point (with approximate boundaries only that is sure).
    await form.locator('input[name=lat]').fill(String(lat).replace('.', ','));
    await form.locator('input[name=lon]').fill(String(lon));
    await expect
      .poll(() => form.getByTestId('camera-point-unit').textContent(), { timeout: 10_000 })
      .toContain('(20314)');
    await form.locator('input[name=hlsPath]').fill('tho-quang/cong-1');
    await form.locator('input[name=whepPath]').fill('tho-quang/cong-1');
    await form.locator('input[name=tags]').fill('cảng Thọ Quang, ANPR');
    await form.locator('input[name=credentials][value=set]').check();
    await form.locator('input[name=username]').fill('nvr-admin');
    await form.locator('input[name=password]').fill(PASSWORD);

    await page.screenshot({
      path: resolve(ARTIFACTS_DIR, 'admin-camera-form.png'),
      fullPage: true,
    });
    // The server's refusal lands beside its field: the id is taken.
    await form.getByTestId('camera-submit').click();
    await expect
      .poll(() => form.getByTestId('field-error').allTextContents(), { timeout: 10_000 })
      .toEqual(['Đã có camera với mã này.']);
    expect(
      await form.locator('input[name=id]').evaluate((el) => el.getAttribute('aria-invalid')),
    ).toBe('true');
    await form.locator('input[name=id]').fill('tq-cong-2');
    await form.getByTestId('camera-submit').click();

    const row = page.locator('[data-testid=camera-row][data-id="tq-cong-2"]');
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('camera-credentials-cell').textContent()).toBe('Đã lưu');
    await expect.poll(() => row.textContent()).toContain('(20314)');
    const stored = await cameraJson('tq-cong-2');
    expect(stored.body).toMatchObject({
      unitCode: '20314',
      kind: 'port',
      hlsPath: 'tho-quang/cong-1',
      whepPath: 'tho-quang/cong-1',
      tags: ['cảng Thọ Quang', 'ANPR'],
      hasCredentials: true,
    });
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'admin-camera-registered.png') });
  });

  it('edits it: replaces, then removes the credential, never showing the stored one', async () => {
    const row = page.locator('[data-testid=camera-row][data-id="tq-cong-2"]');
    await row.getByTestId('camera-edit').click();
    const form = page.getByTestId('camera-form');
    expect(await form.getByTestId('camera-credentials-state').textContent()).toContain(
      'Đã lưu thông tin đăng nhập',
    );
    // Nothing to show: no credential field until "replace" is chosen, and then blank.
    expect(await form.locator('input[name=password]').count()).toBe(0);
    await form.locator('input[name=credentials][value=set]').check();
    expect(await form.locator('input[name=password]').inputValue()).toBe('');
    expect(await form.locator('input[name=username]').inputValue()).toBe('');
    await form.locator('input[name=password]').fill(REPLACED);
    await form
      .locator('input[name=sourceUrl]')
      .fill(`rtsp://nvr-admin:${SOURCE_PASSWORD}@192.0.2.10:554/Streaming/Channels/101`);
    await form.locator('input[name=name]').fill('Cảng Thọ Quang — cổng chính');
    await form.getByTestId('camera-submit').click();
    await expect
      .poll(() => row.textContent(), { timeout: 10_000 })
      .toContain('Cảng Thọ Quang — cổng chính');
    expect((await cameraJson('tq-cong-2')).body['hasCredentials']).toBe(true);

    await row.getByTestId('camera-edit').click();
    await form.locator('input[name=credentials][value=remove]').check();
    await form.getByTestId('camera-submit').click();
    await expect
      .poll(() => row.getByTestId('camera-credentials-cell').textContent(), { timeout: 10_000 })
      .toBe('Không');
    expect((await cameraJson('tq-cong-2')).body['hasCredentials']).toBe(false);
  });

  it('tests playback: a viewing token and the media server URLs a screen would get', async () => {
    const row = page.locator('[data-testid=camera-row][data-id="tq-cong-2"]');
    await row.getByTestId('camera-test-open').click();
    const test = page.getByTestId('camera-test');
    await page.getByTestId('camera-test-expiry').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('camera-test-expiry').textContent()).toMatch(
      /^Mã xem hết hạn lúc /,
    );
    const text = (await test.textContent()) ?? '';
    expect(text).toMatch(
      /https:\/\/ioc\.example\.test\/media\/hls\/tho-quang\/cong-1\/index\.m3u8\?token=\S+/,
    );
    expect(text).toMatch(
      /https:\/\/ioc\.example\.test\/media\/whep\/tho-quang\/cong-1\/whep\?token=\S+/,
    );
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'admin-camera-test.png') });
    // The slot the player is plugged into when the branches merge.
    expect(await page.getByTestId('camera-player-slot').count()).toBe(1);
  });

  it('deletes it, and nothing the page showed or received held a credential', async () => {
    const row = page.locator('[data-testid=camera-row][data-id="tq-cong-2"]');
    await row.getByTestId('camera-delete').click();
    await row.getByTestId('camera-delete-confirm').click();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    expect((await cameraJson('tq-cong-2')).status).toBe(404);

    const html = await page.content();
    const received = await Promise.all(answers);
    // The page read cameras, units and a viewing token: the check covers real answers.
    expect(received.some((a) => a.url.includes('/api/v1/cameras'))).toBe(true);
    expect(received.some((a) => a.url.includes('/view'))).toBe(true);
    for (const secret of SECRETS) {
      expect(html).not.toContain(secret);
      for (const a of received) expect(a.body, a.url).not.toContain(secret);
    }
    expect(html).not.toContain('nvr-admin');
    expect(errors).toEqual([]);
  });

  it('refuses the section to a province operator, in the page and at the API', async () => {
    const token = await platform.loginAs('province_operator', ['48']);
    const ctx = await signedInContext(browser, platform, token, {
      lang: 'vi',
      viewport: { width: 1280, height: 900 },
    });
    const p = await ctx.newPage();
    await p.goto(`${platform.httpUrl}/admin/cameras`);
    const forbidden = p.getByTestId('admin-forbidden');
    await forbidden.waitFor({ timeout: 15_000 });
    expect(await forbidden.textContent()).toContain('Không có quyền truy cập');
    expect(await p.getByTestId('admin-nav-cameras').count()).toBe(0);
    expect(await p.getByTestId('camera-table').count()).toBe(0);
    const refused = await platform.api(
      '/api/v1/cameras',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: 'op-cam',
          name: 'x',
          kind: 'traffic',
          lon: 108.2,
          lat: 16.05,
          hlsPath: 'a/b',
        }),
      },
      token,
    );
    expect(refused.status).toBe(403);
    await ctx.close();
  });
});
