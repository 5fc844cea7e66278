import { rmSync } from 'node:fs';
import type { WallScene } from '@ioc/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { privateWebDist } from '../support/layout-checks';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasChromium = chromiumAvailable();

const scene = (id: string, kind: WallScene['kind'], titleVi: string): WallScene => ({
  id,
  kind,
  titleVi,
  durationSec: 10,
  enabled: true,
  measure: { kind: 'none' },
  overlays: ['devices'],
});

/** Two 10 s scenes make a 20 s cycle laid from the Unix epoch (model/sceneClock.ts). */
const CYCLE_MS = 20_000;

async function sceneId(page: Page): Promise<string | null> {
  return page.getByTestId('scene-bar').getAttribute('data-scene-id');
}

describe.skipIf(!hasChromium)('wall — scenes rotate on the shared clock', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let webDist = '';
  let display = '';

  beforeAll(async () => {
    webDist = privateWebDist(WEB_DIST);
    platform = await startTestPlatform({ WEB_DIST_DIR: webDist });
    display = await platform.displayToken('48');
    const res = await platform.api('/api/v1/wall/config?unit=48', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        rotate: true,
        scenes: [scene('first', 'air', 'Cảnh thứ nhất'), scene('second', 'fleet', 'Cảnh thứ hai')],
      }),
    });
    expect(res.status).toBe(200);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    rmSync(webDist, { recursive: true, force: true });
    await platform.dispose();
  });

  it('shows the admin’s two scenes in turn, the same on every tile of a 2×1 wall', async () => {
    const url = `${platform.httpUrl}/wall?unit=48&token=${display}`;
    const left = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const right = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    for (const p of [left, right]) p.on('pageerror', (e) => errors.push(e.message));
    // The pages' clocks are set, not waited on: 5 s into a cycle is the first scene's middle,
    // 15 s the second's. Their timers keep running, so the wall re-renders on its own tick.
    const cycle = Math.ceil(Date.now() / CYCLE_MS) * CYCLE_MS;
    for (const p of [left, right]) await p.clock.setFixedTime(cycle + 5_000);
    await left.goto(`${url}&tiles=2x1&tile=1`);
    await right.goto(`${url}&tiles=2x1&tile=2`);
    for (const p of [left, right]) {
      await expect.poll(() => sceneId(p), { timeout: 30_000 }).toBe('first');
    }
    expect(await left.getByTestId('scene-title').textContent()).toBe('Cảnh thứ nhất');

    for (const p of [left, right]) await p.clock.setFixedTime(cycle + 15_000);
    for (const p of [left, right]) {
      await expect.poll(() => sceneId(p), { timeout: 30_000 }).toBe('second');
    }
    expect(await left.getByTestId('scene-title').textContent()).toBe('Cảnh thứ hai');

    // One canvas across both screens: the header starts on the left screen, the panel column
    // ends on the right one, and each screen shows only its half.
    const brandLeft = await left.locator('.wall-brand').boundingBox();
    const brandRight = await right.locator('.wall-brand').boundingBox();
    const panelRight = await right.locator('.wall-panel').boundingBox();
    expect(brandLeft?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect(brandRight?.x ?? 0).toBeLessThan(0);
    expect(panelRight?.x ?? -1).toBeGreaterThan(0);
    expect((panelRight?.x ?? 0) + (panelRight?.width ?? 0)).toBeLessThanOrEqual(1281);
    expect(errors).toEqual([]);
  });

  it('pins ?scene= and stops rotating', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // 5 s into a cycle the rotation would show the first scene; the pin shows the second.
    const cycle = Math.ceil(Date.now() / CYCLE_MS) * CYCLE_MS;
    await page.clock.setFixedTime(cycle + 5_000);
    await page.goto(`${platform.httpUrl}/wall?unit=48&token=${display}&scene=second`);
    await expect.poll(() => sceneId(page), { timeout: 30_000 }).toBe('second');
    await page.clock.setFixedTime(cycle + 25_000);
    await expect.poll(() => page.getByTestId('scene-title').textContent()).toBe('Cảnh thứ hai');
    expect(await sceneId(page)).toBe('second');
    expect(await page.locator('.scene-progress').count()).toBe(0);
    await page.close();
  });
});
