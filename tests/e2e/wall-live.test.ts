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

  it('a ward’s own wall (/wall?unit=20275) frames Phường An Hải among its neighbours', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const display = await platform.displayToken('20275');
    await page.goto(
      `${platform.httpUrl}/wall?unit=20275&scene=overview&token=${encodeURIComponent(display)}`,
    );
    await expect
      .poll(() => page.getByTestId('wall-title').textContent(), { timeout: 30_000 })
      .toBe('Phường An Hải');
    const map = page.getByTestId('scene-map');
    await expect.poll(() => map.getAttribute('data-framed'), { timeout: 30_000 }).not.toBe('');
    // The ward fills most of the map: its box spans at least half the map's width or height.
    const [left, top, right, bottom] = ((await map.getAttribute('data-framed')) ?? '')
      .split(',')
      .map(Number) as [number, number, number, number];
    const [width, height] = ((await map.getAttribute('data-view-size')) ?? '')
      .split('x')
      .map(Number) as [number, number];
    expect(Math.max((right - left) / width, (bottom - top) / height)).toBeGreaterThanOrEqual(0.5);
    expect(left >= 0 && top >= 0 && right <= width && bottom <= height).toBe(true);
    // Its neighbours are drawn around it; it is the one unit named, filled and counted.
    const neighbours = (await (
      await platform.api('/api/v1/units/20275/neighbours', {}, display)
    ).json()) as { items: unknown[] };
    expect(neighbours.items.length).toBeGreaterThan(1);
    expect(await map.getAttribute('data-context')).toBe(String(neighbours.items.length));
    await expect
      .poll(() =>
        page
          .locator('[data-testid="map-labels"] li')
          .evaluateAll((li) => li.map((l) => l.getAttribute('data-code'))),
      )
      .toEqual(['20275']);
    // Ward-level titles: the overview is the ward's, and no province unit count.
    expect(await page.getByTestId('scene-title').textContent()).toBe('Tổng quan phường');
    expect(await page.getByTestId('unit-count').count()).toBe(0);
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'wall-ward-20275-1920x1080.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
