/**
 * Issue 14, resident intake: on a phone (390×844, Chromium) a resident files a report at
 * /phan-anh without any account — category, description, a camera photo that carries EXIF GPS,
 * a position tapped on the ward map — gets a tracking code, and the tracking page says "Đã tiếp
 * nhận". The case landed with the ward whose boundary (the shared boundary file) contains the
 * tapped point, and the stored photo has no EXIF left. Resident text is shown as text: markup in
 * a description never runs in the reader's browser.
 */
import { resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import {
  DA_NANG_WARDS,
  allWardPoints,
  hasGpsExif,
  inside,
  jpegWithGps,
  offsetMetres,
} from '../support/citizen';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasChromium = chromiumAvailable();

const PHONE = { width: 390, height: 844 };
/** Hòa Xuân, Đà Nẵng. */
const WARD = '20314';
const CATEGORY = 'den_duong';
/** Another category for the second report: the same one within 50 m would be linked as a duplicate. */
const OTHER_CATEGORY = 'rac_thai';
/** A tap at this zoom or closer is within a few metres. */
const STREET_ZOOM = 15.5;
const XSS = '<img src=x onerror="window.__pwned=1"> đèn đường hỏng trước chợ';

interface PublicView {
  code: string;
  status: string;
  unitCode: string;
  unitName: string;
  description: string;
  lat: number;
  lon: number;
  photos: { id: string; kind: string }[];
}

/** Web Mercator y of a latitude (unitless; MapLibre draws in it without rotation or pitch). */
function mercY(lat: number): number {
  const r = (lat * Math.PI) / 180;
  return Math.log(Math.tan(Math.PI / 4 + r / 2));
}

/** The page pixel of a position on the map, from the extent the map publishes (`data-view`). */
async function mapPixel(page: Page, p: { lon: number; lat: number }): Promise<[number, number]> {
  const map = page.locator('[data-testid="citizen-map"][data-map-state="drawn"]');
  await map.waitFor({ timeout: 60_000 });
  const view = (await map.getAttribute('data-view')) ?? '';
  const [w, s, e, n] = view.split(',').map(Number) as [number, number, number, number];
  expect([w, s, e, n].every(Number.isFinite)).toBe(true);
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  if (box === null) throw new Error('the map has no box');
  const x = box.x + ((p.lon - w) / (e - w)) * box.width;
  const y = box.y + ((mercY(n) - mercY(p.lat)) / (mercY(n) - mercY(s))) * box.height;
  expect(x).toBeGreaterThan(box.x);
  expect(x).toBeLessThan(box.x + box.width);
  expect(y).toBeGreaterThan(box.y);
  expect(y).toBeLessThan(box.y + box.height);
  return [x, y];
}

/** The map's zoom once it has stopped moving. */
async function mapZoom(page: Page): Promise<number> {
  const map = page.locator(
    '[data-testid="citizen-map"][data-map-state="drawn"][data-moving="false"]',
  );
  await map.waitFor({ timeout: 60_000 });
  return Number(await map.getAttribute('data-zoom'));
}

/** Buttons, links and inputs under 44 × 44 CSS px (a thumb's target) on the resident's page. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '[data-testid="citizen-page"] :is(button, a, input:not([type="file"]), textarea, select)',
      ),
    ]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.width < 44 || r.height < 44);
      })
      .map((el) => `${el.tagName} "${el.textContent.trim()}"`),
  );
}

/** The page scrolls sideways, or something leaves the phone's screen. */
function sidewaysProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    const root = document.querySelector('[data-testid="citizen-page"]');
    if (!root) return ['no citizen page'];
    if (root.scrollWidth > root.clientWidth + 1) out.push('the page scrolls sideways');
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('.citizen-map')) continue;
      if (r.left < -1 || r.right > vw + 1)
        out.push(`${el.tagName}.${el.className} leaves the screen`);
    }
    return out;
  });
}

describe.skipIf(!hasChromium)('citizen intake on a phone', () => {
  let platform: TestPlatform;
  let browser: Browser | undefined;
  const found = allWardPoints().find((w) => w.code === WARD);
  if (found === undefined) throw new Error(`ward ${WARD} is not in the boundary file`);
  const ward = found.feature;
  const point = { lat: found.lat, lon: found.lon };

  const phone = async (): Promise<BrowserContext> => {
    if (!browser) throw new Error('browser not started');
    const context = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
    });
    await context.addInitScript(() => {
      window.localStorage.setItem('ioc.lang', 'vi');
    });
    return context;
  };

  /** Opens a page and records what a public page must never do: errors, sign-in calls. */
  const open = async (context: BrowserContext, path: string) => {
    const page = await context.newPage();
    const errors: string[] = [];
    const sessionCalls: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.pathname.startsWith('/api/v1/auth') || req.headers()['authorization'] !== undefined)
        sessionCalls.push(`${req.method()} ${url.pathname}`);
    });
    await page.goto(`${platform.httpUrl}${path}`);
    await page.getByTestId('citizen-page').waitFor({ timeout: 30_000 });
    return { page, errors, sessionCalls };
  };

  const publicView = async (code: string): Promise<PublicView> => {
    const res = await fetch(`${platform.httpUrl}/api/v1/public/citizen/reports/${code}`);
    expect(res.status).toBe(200);
    return (await res.json()) as PublicView;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({
      auth: true,
      WEB_DIST_DIR: WEB_DIST,
      IOC_BOUNDARIES: DA_NANG_WARDS,
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await platform.dispose();
  });

  it('files a report with a photo and a map position, and tracks it', async () => {
    // Well inside the ward: 300 m either way is still in it, so neither the map's simplified
    // boundary nor a pixel of rounding in the tap can put the point in another ward.
    for (const [n, e] of [
      [300, 0],
      [-300, 0],
      [0, 300],
      [0, -300],
    ] as const)
      expect(inside(ward, offsetMetres(point, n, e))).toBe(true);
    const photo = await jpegWithGps(point);
    expect(await hasGpsExif(photo)).toBe(true);

    const context = await phone();
    const { page, errors, sessionCalls } = await open(context, '/phan-anh');
    // No account: the page stays where it is.
    expect(new URL(page.url()).pathname).toBe('/phan-anh');
    await page.locator(`[data-category="${CATEGORY}"]`).click();
    expect(await page.locator(`[data-category="${CATEGORY}"]`).getAttribute('aria-checked')).toBe(
      'true',
    );

    // The position: taps on the spot bring it closer each time; the last one, at street level,
    // puts the marker on it.
    let taps = 0;
    for (;;) {
      const zoom = await mapZoom(page);
      const [x, y] = await mapPixel(page, point);
      await page.mouse.click(x, y);
      taps++;
      if (zoom >= STREET_ZOOM) break;
      expect(taps).toBeLessThan(5);
      await page.waitForFunction(
        (before) => {
          const el = document.querySelector<HTMLElement>('[data-testid="citizen-map"]');
          return el?.dataset.moving === 'false' && Number(el.dataset.zoom) > before;
        },
        zoom,
        { timeout: 15_000 },
      );
    }
    const where = page.locator('[data-testid="chosen-ward"][data-source="api"]');
    await where.waitFor({ timeout: 15_000 });
    expect(await where.getAttribute('data-ward')).toBe(WARD);

    await page.getByTestId('description').fill('Đèn đường trước số 12 Trần Phú không sáng 3 đêm');
    const input = page.getByTestId('photo-input');
    expect(await input.getAttribute('accept')).toBe('image/jpeg,image/png,image/webp');
    expect(await input.getAttribute('capture')).toBe('environment');
    await input.setInputFiles({ name: 'den-duong.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('.citizen-preview img').waitFor();

    expect(await smallTargets(page)).toEqual([]);
    expect(await sidewaysProblems(page)).toEqual([]);
    await page.screenshot({
      path: resolve(ARTIFACTS_DIR, 'citizen-intake-390x844.png'),
      fullPage: true,
    });

    await page.getByTestId('submit-report').click();
    const codeEl = page.getByTestId('tracking-code');
    await codeEl.waitFor({ timeout: 30_000 });
    const code = (await codeEl.textContent())?.trim() ?? '';
    expect(code).toMatch(/^PA[0-9A-Z]{10}$/);

    // The case landed with the ward whose boundary holds the tapped point.
    const view = await publicView(code);
    expect(view.unitCode).toBe(WARD);
    expect(view.status).toBe('received');
    expect(inside(ward, view)).toBe(true);
    // The stored photo: re-encoded, with no EXIF (GPS included) left.
    const photos = view.photos.filter((p) => p.kind === 'report');
    expect(photos).toHaveLength(1);
    const stored = await fetch(
      `${platform.httpUrl}/api/v1/public/citizen/reports/${code}/photos/${photos[0]?.id ?? ''}`,
    );
    expect(stored.status).toBe(200);
    const bytes = Buffer.from(await stored.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(await hasGpsExif(bytes)).toBe(false);

    // The tracking page says it was received, and shows the photo.
    await page.getByRole('link', { name: 'Theo dõi phản ánh' }).click();
    await page.waitForURL((url) => url.pathname === `/phan-anh/tra-cuu/${code}`);
    const status = page.getByTestId('case-status');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toMatch(/đã tiếp nhận/i);
    expect(await page.getByTestId('case-unit').getAttribute('data-unit')).toBe(WARD);
    const img = page.locator('[data-testid="photos-report"] img');
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
      .toBeGreaterThan(0);
    expect(await smallTargets(page)).toEqual([]);
    expect(await sidewaysProblems(page)).toEqual([]);
    await page.screenshot({
      path: resolve(ARTIFACTS_DIR, 'citizen-tracking-390x844.png'),
      fullPage: true,
    });

    // The code typed into the lookup form finds the same page.
    await page.goto(`${platform.httpUrl}/phan-anh/tra-cuu`);
    await page.getByTestId('lookup-code').fill(code.toLowerCase());
    await page.getByTestId('lookup-code').press('Enter');
    await page.waitForURL((url) => url.pathname === `/phan-anh/tra-cuu/${code}`);
    await page.getByTestId('case-status').waitFor();

    expect(sessionCalls).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows markup in a description as text, never running it', async () => {
    const context = await phone();
    await context.grantPermissions(['geolocation'], { origin: platform.httpUrl });
    await context.setGeolocation({ latitude: point.lat, longitude: point.lon, accuracy: 10 });
    const { page, errors, sessionCalls } = await open(context, '/phan-anh');
    // The position from the phone this time.
    await page.locator(`[data-category="${OTHER_CATEGORY}"]`).click();
    await page.getByTestId('use-my-location').click();
    const where = page.locator('[data-testid="chosen-ward"][data-source="api"]');
    await where.waitFor({ timeout: 15_000 });
    expect(await where.getAttribute('data-ward')).toBe(WARD);
    await page.getByTestId('description').fill(XSS);
    await page.getByTestId('submit-report').click();
    const code = (
      (await page.getByTestId('tracking-code').textContent({ timeout: 30_000 })) ?? ''
    ).trim();
    expect(code).toMatch(/^PA[0-9A-Z]{10}$/);

    await page.goto(`${platform.httpUrl}/phan-anh/tra-cuu/${code}`);
    const description = page.getByTestId('case-description');
    await description.waitFor({ timeout: 30_000 });
    expect(await description.textContent()).toBe(XSS);
    expect(await page.locator('[data-testid="citizen-page"] img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(sessionCalls).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
