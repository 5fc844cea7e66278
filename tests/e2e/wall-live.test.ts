import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { connectDevice } from '../support/mqtt';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasChromium = chromiumAvailable();

describe.skipIf(!hasChromium)('wall — live slice in a real browser', () => {
  let platform: TestPlatform;
  let browser: Browser;
  const id = `aq-e2e-${Date.now().toString(36)}`;
  let token = '';

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    token = await platform.addDevice({ id, unitCode: '20314', lon: 108.226, lat: 16.005 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await platform.dispose();
  });

  it('shows the province’s 94 units and a reading published over MQTT', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const display = await platform.displayToken('48');
    await page.goto(`${platform.httpUrl}/wall?unit=48&token=${encodeURIComponent(display)}`);
    await page.getByTestId('unit-count').filter({ hasText: '94' }).waitFor({ timeout: 30_000 });
    // The reading must reach the page over the live socket, so it is published once that is open.
    await page
      .locator('[data-testid="ws-status"][data-phase="open"]')
      .waitFor({ state: 'attached', timeout: 15_000 });
    const device = await connectDevice(platform.mqttUrl, id, token);
    const value = 412.5;
    await device.publishAsync(
      `ioc/v1/telemetry/${id}`,
      JSON.stringify({ values: { pm25: value } }),
      { qos: 1 },
    );
    const cell = page.locator(`[data-device-id="${id}"][data-metric="pm25"]`);
    await cell.first().waitFor({ timeout: 10_000 });
    await expect
      .poll(async () => cell.first().getAttribute('data-value'), { timeout: 10_000 })
      .toBe(String(value));
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'wall-live-1920x1080.png') });
    await device.endAsync();
    expect(errors).toEqual([]);
    await page.close();
  });
});
