/**
 * A ward's own wall with the platform's street basemap, in Chromium at 1920×1080: before an
 * import the wall keeps the bundled offline style (no road pixels, no credit line); after
 * `ioc basemap import` (run as an operator would) a fresh page draws the archive's streets
 * inside Phường An Hải, still frames the ward, and credits OpenStreetMap (ODbL) where it shows.
 * The archive is built by the test (tests/support/basemap-archive.ts) over the ward's real box.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { buildAnHaiArchive } from '../support/basemap-archive';
import { iocOutput } from '../support/ingest';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasChromium = chromiumAvailable();
/** The road colour of the web's PMTiles style (ROAD_COLOR in shared/map/basemap.ts). */
const ROAD_RGB = [0x4a, 0x62, 0x83] as const;

/** The ward's box on the map (data-framed) and the map's size, from the scene map's attributes. */
async function framing(page: Page) {
  const map = page.getByTestId('scene-map');
  await expect.poll(() => map.getAttribute('data-framed'), { timeout: 30_000 }).not.toBe('');
  const [left, top, right, bottom] = ((await map.getAttribute('data-framed')) ?? '')
    .split(',')
    .map(Number) as [number, number, number, number];
  const [width, height] = ((await map.getAttribute('data-view-size')) ?? '')
    .split('x')
    .map(Number) as [number, number];
  const origin = (await map.boundingBox()) ?? { x: 0, y: 0 };
  return { left, top, right, bottom, width, height, origin };
}

/**
 * Pixels of the road colour (±12 per channel) inside the ward's box, counted on the basemap
 * alone: deck.gl's canvases (ward fills, labels) are hidden for the shot, since the wards'
 * choropleth tints whatever lies below it.
 */
async function roadPixels(page: Page): Promise<number> {
  const f = await framing(page);
  await page.addStyleTag({
    content: '.scene-map canvas:not(.maplibregl-canvas) { visibility: hidden !important; }',
  });
  const shot = await page.screenshot({
    clip: {
      x: f.origin.x + Math.max(0, f.left),
      y: f.origin.y + Math.max(0, f.top),
      width: Math.min(f.width, f.right) - Math.max(0, f.left),
      height: Math.min(f.height, f.bottom) - Math.max(0, f.top),
    },
  });
  await page.evaluate(() => {
    document.querySelectorAll('style').forEach((s) => {
      if (s.textContent.includes('maplibregl-canvas')) s.remove();
    });
  });
  // Decoded by the page's own canvas: no PNG decoder in the test's dependencies.
  return page.evaluate(
    async ({ png, rgb }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return -1;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, img.width, img.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        const near = (k: number) => Math.abs((d[i + k] ?? 0) - (rgb[k] ?? 0)) <= 12;
        if (near(0) && near(1) && near(2)) n++;
      }
      return n;
    },
    { png: shot.toString('base64'), rgb: [...ROAD_RGB] },
  );
}

/** Whether the credit line is shown and not covered by anything drawn over the map. */
async function visibleCredit(page: Page): Promise<string | null> {
  const credit = page.locator('.scene-map .maplibregl-ctrl-attrib');
  if ((await credit.count()) === 0 || !(await credit.isVisible())) return null;
  const box = await credit.boundingBox();
  if (!box) return null;
  const onTop = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('.maplibregl-ctrl-attrib') !== null,
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
  return onTop ? await credit.innerText() : null;
}

describe.skipIf(!hasChromium)('ward wall with the imported street basemap (Chromium)', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let dir: string;
  let url = '';

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'ioc-basemap-e2e-'));
    const display = await platform.displayToken('20275');
    url = `${platform.httpUrl}/wall?unit=20275&scene=overview&token=${encodeURIComponent(display)}`;
  });
  afterAll(async () => {
    await browser.close();
    await platform.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openWall(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await expect
      .poll(() => page.getByTestId('wall-title').textContent(), { timeout: 30_000 })
      .toBe('Phường An Hải');
    return { page, errors };
  }

  it('draws streets in the framed ward and credits OpenStreetMap once an archive is imported', async () => {
    // Without an archive: the bundled offline style, as every default install starts.
    const before = await openWall();
    await before.page.waitForLoadState('networkidle');
    const baseline = await roadPixels(before.page);
    expect(baseline).toBeLessThan(100);
    expect(await visibleCredit(before.page)).toBeNull();
    await before.page.close();

    const file = join(dir, 'da-nang-an-hai.pmtiles');
    writeFileSync(file, buildAnHaiArchive().bytes);
    const r = await iocOutput(['basemap', 'import', file], { DATA_DIR: platform.dataDir });
    expect(r.code, r.out).toBe(0);

    const after = await openWall();
    const ranges: number[] = [];
    after.page.on('response', (res) => {
      if (res.url().includes('/api/v1/basemap/archives/')) ranges.push(res.status());
    });
    // Software WebGL on a loaded runner: give the tiles time to draw.
    await expect
      .poll(() => roadPixels(after.page), { timeout: 60_000, interval: 2_000 })
      .toBeGreaterThan(Math.max(1_000, baseline * 20));
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.every((s) => s === 206 || s === 304)).toBe(true);

    // Still the ward's own wall: its box spans at least half the map's width or height.
    const f = await framing(after.page);
    expect(
      Math.max((f.right - f.left) / f.width, (f.bottom - f.top) / f.height),
    ).toBeGreaterThanOrEqual(0.5);

    const credit = await visibleCredit(after.page);
    expect(credit).toContain('© OpenStreetMap contributors');
    expect(credit).toContain('ODbL');
    await after.page.screenshot({
      path: resolve(ARTIFACTS_DIR, 'wall-ward-20275-basemap-1920x1080.png'),
    });
    expect(after.errors).toEqual([]);
    expect(before.errors).toEqual([]);
    await after.page.close();
  });
});
