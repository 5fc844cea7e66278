import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signedInContext } from '../support/web-session';

const hasChromium = chromiumAvailable();

async function getJson(platform: TestPlatform, path: string, token: string): Promise<unknown> {
  const res = await fetch(`${platform.httpUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status, path).toBe(200);
  return res.json();
}

/**
 * The admin sections against the real API: each form's result is checked on the server, and
 * one-time secrets (feed key, wall URL) are checked to work.
 */
describe.skipIf(!hasChromium)('admin — feeds, alert rules, wall and users in the browser', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    browser = await launchBrowser();
    context = await signedInContext(browser, platform, platform.adminToken, {
      lang: 'en',
      viewport: { width: 1440, height: 1000 },
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  });

  afterAll(async () => {
    await context.close();
    await browser.close();
    await platform.dispose();
  });

  it('creates a feed whose one-time key is accepted by the feed API, then revokes it', async () => {
    await page.goto(`${platform.httpUrl}/admin/feeds`);
    await page.getByRole('button', { name: 'Add a feed' }).click();
    const form = page.getByTestId('feed-form');
    await form.locator('input[name=code]').fill('Bad Code');
    await form.getByRole('button', { name: 'Create and issue a key' }).click();
    await expect.poll(() => form.getByTestId('field-error').count()).toBeGreaterThanOrEqual(2);
    await form.locator('input[name=code]').fill('e2e-ward-feed');
    await form.locator('input[name=name]').fill('Ward 20314 monthly report');
    await form.locator('input[name=allowedUnits]').fill('20314');
    // 153 indicators: found by words of either name, without diacritics, and picked by name.
    const picker = form.getByTestId('indicator-picker');
    await picker.getByRole('searchbox').fill('truy cap internet 1 gbps');
    await expect.poll(() => picker.locator('li').count(), { timeout: 10_000 }).toBe(1);
    await picker.getByRole('checkbox', { name: /Households able to get fixed fibre/ }).check();
    await picker.getByRole('searchbox').fill('iot');
    await picker.getByRole('checkbox', { name: /IoT connections per inhabitant/ }).check();
    // Chosen ones stay listed whatever the search says.
    await picker.getByRole('searchbox').fill('no such words');
    expect(await picker.locator('input:checked').count()).toBe(2);
    await form.getByRole('button', { name: 'Create and issue a key' }).click();
    const key = await page.getByTestId('feed-key-value').inputValue();
    expect(key.length).toBeGreaterThan(20);
    const feeds = (await getJson(platform, '/api/v1/feeds', platform.adminToken)) as {
      items: { code: string; allowedUnits: string[] | null; allowedIndicators: string[] | null }[];
    };
    expect(feeds.items.find((f) => f.code === 'e2e-ward-feed')?.allowedUnits).toEqual(['20314']);
    expect(feeds.items.find((f) => f.code === 'e2e-ward-feed')?.allowedIndicators).toEqual([
      'infra.household_gigabit_access',
      'infra.iot_connections_per_person',
    ]);
    // The key works: a report with an unknown indicator is judged (422), not refused (401).
    const report = await fetch(`${platform.httpUrl}/api/v1/feeds/e2e-ward-feed/reports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ rows: [] }),
    });
    expect(report.status).not.toBe(401);

    const row = page.locator('[data-testid=feed-row][data-code="e2e-ward-feed"]');
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.getByRole('button', { name: 'Yes' }).click();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('creates a threshold rule, shows the API’s field errors, and disables it', async () => {
    await page.goto(`${platform.httpUrl}/admin/alert-rules`);
    await page.getByRole('button', { name: 'Add a rule' }).click();
    const form = page.getByTestId('rule-form');
    await form.locator('input[name=name]').fill('PM2.5 over 75 in ward 20314');
    // The metric is picked by name from the catalogue, not typed as a code.
    const metric = form.locator('select[name=param-metric]');
    await expect
      .poll(() => metric.locator('option').allTextContents(), { timeout: 10_000 })
      .toContain('PM2.5 (µg/m³)');
    await metric.selectOption('pm25');
    await form.locator('input[name=param-value]').fill('75');
    // clear above value for ">" is refused by the API's rule schema.
    await form.locator('input[name=param-clear]').fill('80');
    await form.locator('input[name=unitCodes]').fill('20314');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => form.getByTestId('form-error').allTextContents(), { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([expect.stringContaining('clear must be on the normal side')]),
      );
    await form.locator('input[name=param-clear]').fill('70');
    await form.getByRole('button', { name: 'Save' }).click();
    const row = page.locator('[data-testid=rule-row]', { hasText: 'PM2.5 over 75 in ward 20314' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('PM2.5 > 75');
    expect(await row.textContent()).not.toContain('pm25');
    await row.getByRole('checkbox').uncheck();
    await expect
      .poll(async () => {
        const rules = (await getJson(platform, '/api/v1/alert-rules', platform.adminToken)) as {
          items: {
            name: string;
            enabled: boolean;
            scope: { unitCodes?: string[] };
            params: { clear?: number };
          }[];
        };
        const r = rules.items.find((x) => x.name === 'PM2.5 over 75 in ward 20314');
        return r && { enabled: r.enabled, units: r.scope.unitCodes, clear: r.params.clear };
      })
      .toEqual({ enabled: false, units: ['20314'], clear: 70 });
  });

  it('saves wall scenes for a ward and issues a display token whose URL opens the wall', async () => {
    await page.goto(`${platform.httpUrl}/admin/wall`);
    await page.getByTestId('wall-unit').selectOption('20314');
    const editor = page.getByTestId('scenes-editor');
    const first = editor.getByTestId('scene-row').first();
    await first.waitFor({ timeout: 10_000 });
    await first.getByRole('textbox').first().fill('5');
    // Polled: the form re-validates on the next render, later than the fill on a loaded runner.
    await expect
      .poll(() => editor.getByTestId('scenes-save').isDisabled(), { timeout: 10_000 })
      .toBe(true);
    await first.getByRole('textbox').first().fill('90');
    await editor.getByTestId('scene-row').nth(1).getByRole('button', { name: 'Move up' }).click();
    await editor.getByTestId('scenes-save').click();
    await expect
      .poll(() => editor.getByRole('status').textContent(), { timeout: 10_000 })
      .toContain('Saved at');
    const config = (await getJson(
      platform,
      '/api/v1/wall/config?unit=20314',
      platform.adminToken,
    )) as {
      scenes: { id: string; durationSec: number }[];
      updatedAt: string | null;
    };
    expect(config.updatedAt).not.toBeNull();
    expect(config.scenes.slice(0, 2).map((s) => [s.id, s.durationSec])).toEqual([
      ['air', 45],
      ['overview', 90],
    ]);

    const tokenForm = page.getByTestId('display-token-form');
    await tokenForm.locator('input[name=name]').fill('Ward 20314 meeting room');
    await tokenForm.locator('button[type=submit]').click();
    const url = await page.getByTestId('wall-url-value').inputValue();
    expect(url).toMatch(new RegExp(`^${platform.httpUrl}/wall\\?unit=20314&token=`));
    const token = new URL(url).searchParams.get('token') ?? '';
    const me = await fetch(`${platform.httpUrl}/api/v1/auth/me`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);

    const row = page.locator('[data-testid=display-token-row]', {
      hasText: 'Ward 20314 meeting room',
    });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Yes' }).click();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    await expect
      .poll(
        async () =>
          (
            await fetch(`${platform.httpUrl}/api/v1/auth/me`, {
              headers: { Authorization: `Bearer ${token}` },
            })
          ).status,
        { timeout: 10_000 },
      )
      .toBe(401);
  });

  it('creates a ward leader who can sign in, resets the password and disables the account', async () => {
    await page.goto(`${platform.httpUrl}/admin/users`);
    await page.getByRole('button', { name: 'Add a user' }).click();
    const form = page.getByTestId('user-form');
    await form.locator('input[name=username]').fill('ward-leader-hc');
    await form.locator('input[name=displayName]').fill('Ward leader HC');
    await form.locator('input[name=password]').fill('short');
    await form.getByRole('button', { name: 'Create the account' }).click();
    await expect.poll(() => form.getByTestId('field-error').count()).toBeGreaterThanOrEqual(2);
    await form.locator('input[name=password]').fill('a-long-enough-password');
    await form.getByRole('listbox').selectOption('20314');
    await form.getByRole('button', { name: 'Create the account' }).click();
    const row = page.locator('[data-testid=user-row][data-username="ward-leader-hc"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('Ward/commune leader');

    const login = (password: string) =>
      fetch(`${platform.httpUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'ward-leader-hc', password }),
      });
    const first = await login('a-long-enough-password');
    expect(first.status).toBe(200);
    expect(((await first.json()) as { user: { units: string[] } }).user.units).toEqual(['20314']);

    // Later the leader gets a mailbox, a phone and a second ward: edited in place, no username
    // or password fields on the way.
    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByTestId('user-form');
    expect(await edit.locator('input[name=username]').count()).toBe(0);
    expect(await edit.locator('input[name=password]').count()).toBe(0);
    expect(await edit.locator('input[name=displayName]').inputValue()).toBe('Ward leader HC');
    await edit.locator('input[name=email]').fill('lanh.hc@danang.gov.vn');
    await edit.locator('input[name=phone]').fill('+84 912 345 678');
    await edit.getByRole('listbox').selectOption(['20314', '20320']);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached', timeout: 10_000 });
    await expect
      .poll(() => row.getByTestId('user-contact').textContent(), { timeout: 10_000 })
      .toBe('lanh.hc@danang.gov.vn · +84912345678');
    const stored = (
      (await getJson(platform, '/api/v1/users', platform.adminToken)) as {
        items: { username: string; email: string | null; phone: string | null; units: string[] }[];
      }
    ).items.find((u) => u.username === 'ward-leader-hc');
    expect(stored).toMatchObject({
      email: 'lanh.hc@danang.gov.vn',
      phone: '+84912345678',
      units: ['20314', '20320'],
    });

    await row.getByRole('button', { name: 'Reset password' }).click();
    await row.locator('input[type=password]').fill('another-long-password');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('New password set');
    expect((await login('a-long-enough-password')).status).toBe(401);
    expect((await login('another-long-password')).status).toBe(200);

    await row.getByRole('button', { name: 'Disable' }).click();
    await row.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Disabled');
    expect((await login('another-long-password')).status).toBe(401);
    expect(errors).toEqual([]);
  });

  it('moves a device: new coordinates put it in the ward that contains them', async () => {
    const label = async (code: string) =>
      (
        (await getJson(platform, `/api/v1/units/${code}`, platform.adminToken)) as {
          label: [number, number];
        }
      ).label;
    const [lon0, lat0] = await label('20314');
    await platform.addDevice({ id: 'aq-move-e2e', unitCode: '20314', lon: lon0, lat: lat0 });
    await page.goto(`${platform.httpUrl}/admin/devices`);
    await page.getByRole('searchbox').fill('aq-move');
    const row = page.locator('[data-testid=device-row][data-id="aq-move-e2e"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid=device-row]').count()).toBe(1);
    await row.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByTestId('device-form');
    const [lon, lat] = await label('20194');
    await form.locator('input[name=lat]').fill(String(lat));
    await form.locator('input[name=lon]').fill(String(lon));
    await form.locator('input[name=name]').fill('Moved station');
    await form.getByTestId('device-submit').click();
    await form.waitFor({ state: 'detached', timeout: 10_000 });
    const d = (await getJson(
      platform,
      '/api/v1/devices/aq-move-e2e',
      platform.adminToken,
    )) as Record<string, unknown>;
    expect([d['unitCode'], d['name']]).toEqual(['20194', 'Moved station']);
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('(20194)');
  });
});
