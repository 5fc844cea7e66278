import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultWallScenes } from '@ioc/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { layoutProblems, privateWebDist } from '../support/layout-checks';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasChromium = chromiumAvailable();

/** The wall's DOM chrome: header, panel column, per-screen freshness. The map is canvas. */
const CHROME = ['.wall-header', '.wall-panel', '.tile-freshness'];
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;

async function openScene(page: Page, platform: TestPlatform, scene: string): Promise<void> {
  const display = await platform.displayToken('48');
  await page.goto(
    `${platform.httpUrl}/wall?unit=48&scene=${scene}&token=${encodeURIComponent(display)}`,
  );
  // Generous waits: a 4K page renders its map in software (SwiftShader) on a shared runner.
  await page
    .locator(`[data-testid="scene-bar"][data-scene-id="${scene}"]`)
    .waitFor({ timeout: 90_000 });
  await page.getByTestId('unit-count').filter({ hasText: '94' }).waitFor({ timeout: 90_000 });
  // Every card has loaded its source (its "as of" is filled in) before the layout is judged.
  await expect
    .poll(
      () =>
        page.$$eval('[data-testid="panel-as-of"]', (els) =>
          els.every((e) => e.getAttribute('data-as-of') !== ''),
        ),
      { timeout: 60_000 },
    )
    .toBe(true);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function checkLayout(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(ARTIFACTS_DIR, `${name}.png`), timeout: 90_000 });
  const problems = await layoutProblems(page, CHROME);
  expect(problems.scroll.scrollWidth, name).toBe(problems.scroll.innerWidth);
  expect(problems.scroll.scrollHeight, name).toBe(problems.scroll.innerHeight);
  expect(problems.overflowing, name).toEqual([]);
  expect(problems.overlapping, name).toEqual([]);
}

describe.skipIf(!hasChromium)('wall — layout at 1080p and 4K', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let webDist = '';

  beforeAll(async () => {
    webDist = privateWebDist(WEB_DIST);
    // The simulator gives the panels live values (best/worst wards, top PM2.5, fleet online).
    platform = await startTestPlatform({
      WEB_DIST_DIR: webDist,
      SIMULATOR: 'true',
      SIMULATOR_INTERVAL_MS: '3000',
    });
    // A device registered but never heard: the fleet card gives it its own row, laid out here.
    await platform.addDevice({ id: 'layout-never-heard', kind: 'noise', unitCode: '20314' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    rmSync(webDist, { recursive: true, force: true });
    await platform.dispose();
  });

  for (const size of SIZES) {
    const label = `${size.width}x${size.height}`;
    for (const scene of defaultWallScenes()) {
      it(`fits the ${scene.id} scene on a ${label} screen`, async () => {
        const page = await browser.newPage({ viewport: size });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await openScene(page, platform, scene.id);
        await checkLayout(page, `wall-${scene.id}-${label}`);
        expect(errors).toEqual([]);
        await page.close();
      }, 200_000);
    }

    it(`fits a tapped ward's panel on a ${label} screen`, async () => {
      const page = await browser.newPage({ viewport: size });
      // The best ward of the air scene is a tap target like a ward on the map.
      await openScene(page, platform, 'air');
      await page.locator('[data-testid="rank-best"] button').first().waitFor({ timeout: 90_000 });
      // Read and tap in one step: the ranking re-orders as live values arrive.
      const ward = await page.$eval('[data-testid="rank-best"] button', (b) => {
        (b as HTMLButtonElement).click();
        return b.getAttribute('data-ward');
      });
      const panel = page.getByTestId('ward-panel');
      // A 4K map drawn in software can hold the page's main thread for many seconds.
      await panel.waitFor({ timeout: 90_000 });
      expect(await panel.getAttribute('data-ward')).toBe(ward);
      await expect
        .poll(
          () =>
            page
              .locator('.panel-ward-score [data-testid="panel-as-of"]')
              .getAttribute('data-as-of'),
          {
            timeout: 60_000,
          },
        )
        .not.toBe('');
      await checkLayout(page, `wall-ward-${label}`);
      await page.getByTestId('ward-close').click();
      await panel.waitFor({ state: 'detached', timeout: 90_000 });
      await page.close();
    }, 200_000);
  }
});
