import { rmSync } from 'node:fs';
import { wallScreenListResponse, type WallScene, type WallScreenView } from '@ioc/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { privateWebDist } from '../support/layout-checks';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signedInContext } from '../support/web-session';

const hasChromium = chromiumAvailable();

const scene = (id: string, kind: WallScene['kind'], titleVi: string): WallScene => ({
  id,
  kind,
  titleVi,
  durationSec: 60,
  enabled: true,
  measure: { kind: 'none' },
  overlays: ['devices'],
});

/** Every control a person could operate on a page. */
const CONTROLS = 'button, [role=button], select, input, textarea, a[href]';

/**
 * Wall management (issue 20.6) in the browser: a display-token screen reports its tile and
 * scene and the admin's "Màn hình" list shows it; a kiosk wall has no controls, no cursor and
 * no map input; the admin's preview of one scene is the wall pinned to it, and is no screen.
 */
describe.skipIf(!hasChromium)('wall management — screens, kiosk and scene previews', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let admin: BrowserContext;
  let screens: BrowserContext;
  let webDist = '';
  let display = '';
  const errors: string[] = [];

  const listScreens = async (): Promise<WallScreenView[]> => {
    const res = await fetch(`${platform.httpUrl}/api/v1/wall/screens`, {
      headers: { authorization: `Bearer ${platform.adminToken}` },
    });
    expect(res.status).toBe(200);
    return wallScreenListResponse.parse(await res.json()).items;
  };
  const track = (p: Page): Page => {
    p.on('pageerror', (e) => errors.push(e.message));
    return p;
  };
  const sceneOf = (p: Page) => p.getByTestId('scene-bar').getAttribute('data-scene-id');

  beforeAll(async () => {
    webDist = privateWebDist(WEB_DIST);
    platform = await startTestPlatform({ WEB_DIST_DIR: webDist });
    display = await platform.displayToken('48');
    // One scene held on screen (no rotation), so what the screen reports is known.
    const res = await platform.api('/api/v1/wall/config?unit=48', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        rotate: false,
        scenes: [scene('first', 'air', 'Cảnh thứ nhất'), scene('second', 'fleet', 'Cảnh thứ hai')],
      }),
    });
    expect(res.status).toBe(200);
    browser = await launchBrowser();
    // Screens have no session: only their display token.
    screens = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    admin = await signedInContext(browser, platform, platform.adminToken, {
      lang: 'vi',
      viewport: { width: 1440, height: 1000 },
    });
  });

  afterAll(async () => {
    await admin.close();
    await screens.close();
    await browser.close();
    rmSync(webDist, { recursive: true, force: true });
    await platform.dispose();
  });

  it('lists a display-token screen at tile 2 of a 2×1 wall with the scene it shows', async () => {
    const wall = track(await screens.newPage());
    await wall.goto(`${platform.httpUrl}/wall?unit=48&token=${display}&tiles=2x1&tile=2`);
    await expect.poll(() => sceneOf(wall), { timeout: 30_000 }).toBe('first');
    // Not a kiosk: the wall still has its language toggle (the kiosk test below relies on it).
    expect(await wall.locator(CONTROLS).count()).toBeGreaterThan(0);

    await expect
      .poll(async () => (await listScreens()).find((s) => s.tile === 2)?.sceneId, {
        timeout: 30_000,
      })
      .toBe('first');
    const [reported] = (await listScreens()).filter((s) => s.tile === 2);
    expect(reported).toMatchObject({
      unitCode: '48',
      tiles: { cols: 2, rows: 1 },
      kiosk: false,
      viewport: { width: 1280, height: 720 },
      online: true,
    });
    expect(reported?.build).toMatch(/\.js$/);

    const page = track(await admin.newPage());
    await page.goto(`${platform.httpUrl}/admin/wall`);
    const row = page.locator('[data-testid=wall-screen-row][data-tile="2"]');
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getByTestId('wall-screen-tile').textContent()).toBe('2/2');
    expect(await row.getByTestId('wall-screen-scene').textContent()).toBe('Không khí');
    expect(await row.getByTestId('wall-screen-status').textContent()).toBe('Trực tuyến');
    expect(await row.textContent()).toContain('test wall 48');
    expect(await row.textContent()).toContain('1280×720');
    await page.close();
    await wall.close();
  });

  it('shows a kiosk wall without any control, cursor or map input', async () => {
    const wall = track(await screens.newPage());
    await wall.goto(`${platform.httpUrl}/wall?unit=48&token=${display}&kiosk=1`);
    await expect.poll(() => sceneOf(wall), { timeout: 30_000 }).toBe('first');
    await wall
      .locator('.maplibregl-canvas-container')
      .waitFor({ state: 'attached', timeout: 30_000 });

    expect(await wall.locator(CONTROLS).count()).toBe(0);
    const cursors = await wall.evaluate(() => {
      const at = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
      return {
        viewport: getComputedStyle(document.querySelector('.wall-viewport') as Element).cursor,
        underPointer: at ? getComputedStyle(at).cursor : null,
      };
    });
    expect(cursors).toEqual({ viewport: 'none', underPointer: 'none' });
    // MapLibre marks a map that takes input; a kiosk map takes none.
    expect(await wall.locator('.maplibregl-canvas-container.maplibregl-interactive').count()).toBe(
      0,
    );
    await expect.poll(async () => (await listScreens()).some((s) => s.kiosk)).toBe(true);
    await wall.close();
  });

  it('previews one scene in admin as the wall pinned to it, without reporting in', async () => {
    const before = (await listScreens()).length;
    const page = track(await admin.newPage());
    await page.goto(`${platform.httpUrl}/admin/wall`);
    const row = page.locator('[data-testid=scene-row][data-scene-id="second"]');
    await row.waitFor({ timeout: 30_000 });
    // Nothing renders a wall until asked.
    expect(await page.getByTestId('scene-preview').count()).toBe(0);
    await row.getByTestId('scene-preview-toggle').click();

    const frame = page.frameLocator('[data-testid=scene-preview] iframe');
    await expect
      .poll(() => frame.getByTestId('scene-title').textContent(), { timeout: 30_000 })
      .toBe('Cảnh thứ hai');
    // Laid out as a 1920×1080 screen, shown a quarter of that.
    const box = await page.getByTestId('scene-preview').locator('iframe').boundingBox();
    expect(box && Math.round(box.width)).toBe(480);
    // A preview is no screen: nothing new in the list.
    expect((await listScreens()).length).toBe(before);
    // One preview at a time: opening another closes the first.
    await page
      .locator('[data-testid=scene-row][data-scene-id="first"]')
      .getByTestId('scene-preview-toggle')
      .click();
    await expect
      .poll(() => page.getByTestId('scene-preview').getAttribute('data-scene-id'))
      .toBe('first');
    expect(await page.getByTestId('scene-preview').count()).toBe(1);
    await page.close();
    expect(errors).toEqual([]);
  });
});
