import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { connectDevice } from '../support/mqtt';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasChromium = chromiumAvailable();

const ADMIN = { username: 'e2e-onboarding-admin', password: 'onboard-a-ward-2026!' };

async function api(
  platform: TestPlatform,
  method: string,
  path: string,
  token: string,
  body?: unknown,
) {
  const res = await fetch(`${platform.httpUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => null)) as Record<string, unknown> | null,
  };
}

/** The broker's answer to a device CONNECT with this token: 'ok' or the error. */
async function brokerAnswer(url: string, id: string, token: string): Promise<string> {
  try {
    const c = await connectDevice(url, id, token);
    await c.endAsync();
    return 'ok';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

describe.skipIf(!hasChromium)('admin — onboarding a ward device through the browser', () => {
  let platform: TestPlatform;
  let browser: Browser;
  const id = `aq-onb-${Date.now().toString(36)}`;

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    const created = await api(platform, 'POST', '/api/v1/users', platform.adminToken, {
      ...ADMIN,
      displayName: 'E2E Admin',
      role: 'admin',
    });
    expect(created.status).toBe(201);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await platform.dispose();
  });

  it('signs in, registers a device on the map, sees its reading on the wall, rotates its token', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const admin: Page = await context.newPage();
    const errors: string[] = [];
    admin.on('pageerror', (e) => errors.push(e.message));

    // Signed out, /admin sends the browser to the sign-in page and back afterwards.
    await admin.goto(`${platform.httpUrl}/admin/devices`);
    await admin.waitForURL(/\/login\?next=%2Fadmin%2Fdevices$/, { timeout: 15_000 });
    const form = admin.getByTestId('login-form');
    await form.locator('input[name=username]').fill(ADMIN.username);
    await form.locator('input[name=password]').fill('not-the-password');
    await form.locator('button[type=submit]').click();
    await expect
      .poll(() => admin.getByTestId('form-error').textContent(), { timeout: 10_000 })
      .toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await form.locator('input[name=password]').fill(ADMIN.password);
    await form.locator('button[type=submit]').click();
    await admin.waitForURL(/\/admin\/devices$/, { timeout: 15_000 });
    await expect.poll(() => admin.getByTestId('admin-user').textContent()).toBe('E2E Admin');

    // Register: id, kind, a position inside ward 20314 (its label point; with approximate
    // boundaries only that is sure to be inside); the API derives the ward from it.
    const ward = await api(platform, 'GET', '/api/v1/units/20314', platform.adminToken);
    const [lon, lat] = ward.body?.['label'] as [number, number];
    await admin.getByTestId('device-add').click();
    const deviceForm = admin.getByTestId('device-form');
    await deviceForm.locator('button[data-testid=device-submit]').click();
    // Client-side checks name the missing fields before anything is sent.
    await expect.poll(() => deviceForm.getByTestId('field-error').count()).toBeGreaterThan(0);
    await deviceForm.locator('input[name=id]').fill(id);
    await deviceForm.locator('input[name=name]').fill('Trạm quan trắc E2E');
    // A click on the map fills the coordinates; they are then set exactly by typing.
    const map = deviceForm.getByTestId('placement-map');
    await map.locator('canvas').waitFor({ timeout: 15_000 });
    await map.click({ position: { x: 120, y: 120 } });
    await expect.poll(() => deviceForm.locator('input[name=lon]').inputValue()).not.toBe('');
    // Vietnamese decimal comma for the latitude, a point for the longitude: both are read.
    await deviceForm.locator('input[name=lat]').fill(String(lat).replace('.', ','));
    await deviceForm.locator('input[name=lon]').fill(String(lon));
    await deviceForm.locator('button[data-testid=device-submit]').click();

    const tokenInput = admin.getByTestId('device-token-value');
    await tokenInput.waitFor({ timeout: 15_000 });
    const token = await tokenInput.inputValue();
    expect(token.length).toBeGreaterThan(20);
    expect(await admin.getByTestId('device-topic').textContent()).toBe(`ioc/v1/telemetry/${id}`);
    await admin.screenshot({
      path: resolve(ARTIFACTS_DIR, 'admin-device-registered.png'),
      fullPage: true,
    });

    const stored = await api(platform, 'GET', `/api/v1/devices/${id}`, platform.adminToken);
    expect(stored.status).toBe(200);
    expect(stored.body?.['unitCode']).toBe('20314');
    expect(stored.body?.['name']).toBe('Trạm quan trắc E2E');
    // And the list shows it.
    await admin.locator(`[data-testid=device-row][data-id="${id}"]`).waitFor({ timeout: 10_000 });

    // The province wall, opened with a display token, shows the device once it reports.
    const wall = await context.newPage();
    wall.on('pageerror', (e) => errors.push(`wall: ${e.message}`));
    const displayToken = await platform.displayToken('48');
    await wall.goto(`${platform.httpUrl}/wall?unit=48&token=${encodeURIComponent(displayToken)}`);
    await wall.waitForLoadState('domcontentloaded');
    const device = await connectDevice(platform.mqttUrl, id, token);
    await device.publishAsync(
      `ioc/v1/telemetry/${id}`,
      JSON.stringify({ values: { pm25: 37.5 } }),
      { qos: 1 },
    );
    await device.endAsync();
    await wall.locator(`[data-device-id="${id}"]`).first().waitFor({ timeout: 30_000 });
    await wall.screenshot({ path: resolve(ARTIFACTS_DIR, 'admin-onboarding-wall.png') });

    // Rotate the token in the UI: the broker refuses the old one and accepts the new one.
    const row = admin.locator(`[data-testid=device-row][data-id="${id}"]`);
    await admin.getByText('Tôi đã lưu lại, đóng').click();
    await row.getByTestId('device-rotate').click();
    await row.getByTestId('device-rotate-confirm').click();
    await expect
      .poll(
        async () => (await tokenInput.count()) > 0 && (await tokenInput.inputValue()) !== token,
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    const rotated = await tokenInput.inputValue();
    expect(await brokerAnswer(platform.mqttUrl, id, token)).not.toBe('ok');
    expect(await brokerAnswer(platform.mqttUrl, id, rotated)).toBe('ok');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses /admin to a signed-in person who is not an administrator', async () => {
    const context = await browser.newContext();
    const token = await platform.loginAs('ward_leader', ['20314']);
    const me = await api(platform, 'GET', '/api/v1/auth/me', token);
    await context.addInitScript(
      (session: string) => {
        window.localStorage.setItem('ioc.session', session);
      },
      JSON.stringify({
        token,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        username: me.body?.['username'],
        displayName: me.body?.['displayName'],
        role: 'ward_leader',
        units: ['20314'],
      }),
    );
    const page = await context.newPage();
    await page.goto(`${platform.httpUrl}/admin/users`);
    const forbidden = page.getByTestId('admin-forbidden');
    await forbidden.waitFor({ timeout: 15_000 });
    expect(await forbidden.textContent()).toContain('Không có quyền truy cập');
    expect(await page.getByTestId('user-table').count()).toBe(0);
    await context.close();
  });
});
