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
  citizenForm,
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
const REPORTER = { name: 'Nguyễn Thị Riêng Tư', phone: '0905 123 456' };
/** A tap at this zoom or closer is within a few metres. */
const STREET_ZOOM = 15.5;
const RESOLUTION = 'Đã thay bóng đèn LED mới';
const XSS = '<img src=x onerror="window.__pwned=1"> đèn đường hỏng trước chợ';

interface PublicView {
  code: string;
  rating: number | null;
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
  /** The first test's case, followed by the later ones. */
  let firstCode = '';
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
    await page.getByTestId('reporter-name').fill(REPORTER.name);
    await page.getByTestId('reporter-phone').fill(REPORTER.phone);
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
    firstCode = code;
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
    // Nothing of who sent it.
    const shown = (await page.getByTestId('citizen-page').textContent()) ?? '';
    expect(shown).not.toContain(REPORTER.name);
    expect(shown.replace(/\s/g, '')).not.toContain(REPORTER.phone.replace(/\s/g, '').slice(1));
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

  it('shows the resolution with its photo, stores the rating, and maps the case', async () => {
    expect(firstCode).not.toBe('');
    const admin = { authorization: `Bearer ${platform.adminToken}` };
    const json = { ...admin, 'content-type': 'application/json' };
    const office = await fetch(`${platform.httpUrl}/api/v1/offices`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ unitCode: WARD, nameVi: 'Tổ quản lý đô thị phường' }),
    });
    expect(office.status).toBe(201);
    const officeId = ((await office.json()) as { id: string }).id;
    const list = await fetch(
      `${platform.httpUrl}/api/v1/citizen/reports?unit=${WARD}&q=${firstCode}`,
      { headers: admin },
    );
    const id = ((await list.json()) as { items: { id: string; code: string }[] }).items.find(
      (c) => c.code === firstCode,
    )?.id;
    if (id === undefined) throw new Error(`case ${firstCode} not listed`);
    const step = async (action: string, body: BodyInit, headers: Record<string, string>) => {
      const r = await fetch(`${platform.httpUrl}/api/v1/citizen/reports/${id}/${action}`, {
        method: 'POST',
        headers,
        body,
      });
      expect(r.status, `${action}: ${await r.clone().text()}`).toBe(200);
    };
    await step('assign', JSON.stringify({ officeId }), json);
    await step('start', '{}', json);
    const after = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#2a6' },
    })
      .jpeg()
      .toBuffer();
    await step(
      'resolve',
      citizenForm({ note: RESOLUTION }, [{ name: 'sau.jpg', data: after, type: 'image/jpeg' }]),
      admin,
    );

    const context = await phone();
    const { page, errors, sessionCalls } = await open(context, `/phan-anh/tra-cuu/${firstCode}`);
    const status = page.getByTestId('case-status');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toBe('Đã giải quyết');
    expect(await page.getByTestId('case-resolution').textContent()).toBe(RESOLUTION);
    const img = page.locator('[data-testid="photos-resolution"] img');
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
      .toBeGreaterThan(0);
    expect(await page.getByTestId('reopen-form').count()).toBe(1);

    const rating = page.getByTestId('rating-form');
    await rating.getByRole('radio', { name: '4 sao' }).click();
    await rating.locator('textarea').fill('Đèn đã sáng lại, cảm ơn phường');
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByTestId('case-rating').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('case-rating').textContent()).toContain('4/5');
    expect(await page.getByTestId('rating-form').count()).toBe(0);
    expect((await publicView(firstCode)).rating).toBe(4);
    expect(await smallTargets(page)).toEqual([]);
    expect(await sidewaysProblems(page)).toEqual([]);
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'citizen-resolved-390x844.png') });

    // The public map has the case as a dot, and nothing of who sent it.
    await page.getByRole('link', { name: 'Bản đồ' }).click();
    const count = page.locator('[data-testid="resolved-count"]');
    await count.waitFor({ timeout: 30_000 });
    expect(Number(await count.getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    const shown = (await page.getByTestId('citizen-page').textContent()) ?? '';
    expect(shown).not.toContain(firstCode);
    expect(shown).not.toContain(REPORTER.name);
    await page.locator(`.citizen-chip[data-category="${OTHER_CATEGORY}"]`).click();
    expect(await count.getAttribute('data-count')).toBe('0');
    expect(sessionCalls).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains refusals in the reader’s language before and after sending', async () => {
    const context = await phone();
    await context.grantPermissions(['geolocation'], { origin: platform.httpUrl });
    // Hà Nội: far outside Đà Nẵng.
    await context.setGeolocation({ latitude: 21.0285, longitude: 105.8542, accuracy: 10 });
    const { page, errors } = await open(context, '/phan-anh');
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST') posts++;
    });
    await page.locator(`[data-category="${CATEGORY}"]`).click();
    await page.getByTestId('description').fill('Cột đèn bị nghiêng sắp đổ ra đường');

    // Too large: refused on the phone, nothing uploaded.
    const input = page.getByTestId('photo-input');
    await input.setInputFiles({
      name: 'lon.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.alloc(11 * 1024 * 1024, 1),
    });
    expect(await page.getByTestId('error-photos').textContent()).toBe(
      'Ảnh vượt quá 10 MB. Hãy chọn ảnh nhỏ hơn.',
    );
    expect(await page.locator('.citizen-preview').count()).toBe(0);
    expect(posts).toBe(0);

    // Outside the province: the API refuses, the page says why.
    await page.getByTestId('use-my-location').click();
    await page.locator('[data-testid="chosen-ward"][data-source="api"]').waitFor();
    expect(await page.getByTestId('chosen-ward').textContent()).toMatch(/ngoài/);
    await page.getByTestId('submit-report').click();
    const alert = page.getByTestId('intake-error');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toMatch(/ngoài địa bàn/);

    // A text file dressed as a JPEG: the API sniffs the bytes.
    await context.setGeolocation({ latitude: point.lat, longitude: point.lon, accuracy: 10 });
    await page.getByTestId('use-my-location').click();
    await page.locator(`[data-testid="chosen-ward"][data-ward="${WARD}"]`).waitFor();
    await input.setInputFiles({
      name: 'anh.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('đây không phải là ảnh\n'.repeat(50)),
    });
    await page.getByTestId('submit-report').click();
    await expect
      .poll(() => alert.textContent(), { timeout: 15_000 })
      .toBe('Tệp gửi kèm không phải ảnh JPEG, PNG hoặc WebP.');
    expect(await page.getByTestId('tracking-code').count()).toBe(0);

    // The same refusal in English.
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('submit-report').click();
    await expect
      .poll(() => alert.textContent(), { timeout: 15_000 })
      .toBe('The attached file is not a JPEG, PNG or WebP photo.');
    expect(errors).toEqual([]);
    await context.close();
  });
});
