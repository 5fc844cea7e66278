/**
 * Issue 17, the open-data faces in the browser: an administrator publishes a device kind, opts
 * one of its devices out, publishes an indicator found by typing without diacritics and rounds
 * positions at /admin/open-data; then a visitor with no account at /du-lieu-mo sees exactly the
 * published indicators' datasets, finds one by a diacritic-free search, downloads its CSV (UTF-8
 * with BOM), follows a SensorThings example and reads the page in English.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  datasetListResponse,
  foldVietnamese,
  publicationStateSchema,
  type PublicationState,
} from '@ioc/contracts';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signedInContext } from '../support/web-session';

const hasChromium = chromiumAvailable();

/** A kind of its own, so the test's switches touch nothing the seed publishes. */
const KIND = 'e2e_phao_quan_trac';
const KEPT = 'e2e-buoy-public';
const OPTED_OUT = 'e2e-buoy-private';

async function publication(platform: TestPlatform): Promise<PublicationState> {
  const res = await platform.api('/api/v1/open-data/publication');
  expect(res.status).toBe(200);
  return publicationStateSchema.parse(await res.json());
}

describe.skipIf(!hasChromium)('open data — /admin/open-data and /du-lieu-mo', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let admin: BrowserContext;
  let visitor: BrowserContext;
  const errors: string[] = [];
  /** The indicator the administrator publishes, and one left unpublished. */
  let published: { code: string; nameVi: string };
  let unpublished: string;
  /** A rounding different from the current one, so saving it changes something. */
  let decimals: number;

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    await platform.addDevice({
      id: KEPT,
      kind: KIND,
      unitCode: '20314',
      lon: 108.2412,
      lat: 16.0311,
    });
    await platform.addDevice({ id: OPTED_OUT, kind: KIND, unitCode: '20314' });
    const before = await publication(platform);
    // Names with diacritics, so typing without them proves the folding.
    const candidates = before.indicators.filter(
      (i) => !i.public && i.nameVi.normalize('NFD') !== i.nameVi,
    );
    expect(candidates.length, 'the seed has indicators with Vietnamese names').toBeGreaterThan(1);
    published = candidates[0] as (typeof candidates)[number];
    unpublished = (candidates[1] as (typeof candidates)[number]).code;
    decimals = before.settings.positionDecimals === 4 ? 3 : 4;

    browser = await launchBrowser();
    admin = await signedInContext(browser, platform, platform.adminToken, {
      lang: 'vi',
      viewport: { width: 1440, height: 1000 },
    });
    // The visitor has no session at all.
    visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await visitor.addInitScript(() => {
      window.localStorage.setItem('ioc.lang', 'vi');
    });
  });

  afterAll(async () => {
    await admin.close();
    await visitor.close();
    await browser.close();
    await platform.dispose();
  });

  function watch(page: Page): Page {
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.text().includes('[i18n] missing')) errors.push(m.text());
    });
    return page;
  }

  it('publishes a kind, opts one device out, publishes an indicator and rounds positions', async () => {
    const page = watch(await admin.newPage());
    await page.goto(`${platform.httpUrl}/admin/open-data`);

    await page.getByRole('switch', { name: `Công khai: ${KIND}`, exact: true }).check();
    // Both devices follow the kind until one is set on its own.
    await page.getByTestId('device-search').fill('e2e-buoy');
    const kept = page.locator(`[data-testid=device-row][data-key="${KEPT}"]`);
    const optedOut = page.locator(`[data-testid=device-row][data-key="${OPTED_OUT}"]`);
    await expect.poll(() => kept.getAttribute('data-effective')).toBe('true');
    await expect.poll(() => optedOut.getAttribute('data-effective')).toBe('true');
    await optedOut.getByTestId('device-rule').selectOption('off');
    await expect.poll(() => optedOut.getAttribute('data-effective')).toBe('false');

    // 150+ indicators: found by typing without diacritics.
    await page.getByTestId('indicator-search').fill(foldVietnamese(published.nameVi));
    await page.getByRole('switch', { name: `Công khai: ${published.nameVi}`, exact: true }).check();

    await expect
      .poll(() => page.getByTestId('open-data-pending').textContent())
      .toBe('3 thay đổi chưa lưu');
    await page.getByTestId('open-data-save').click();
    await page.getByText('Đã lưu thay đổi công khai.').waitFor();

    await page.getByTestId('position-decimals').selectOption(String(decimals));
    await page.getByTestId('open-data-settings-save').click();
    await page.getByText('Đã lưu cài đặt.').waitFor();
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'open-data-admin.png'), fullPage: true });

    const state = await publication(platform);
    expect(state.deviceKinds.find((k) => k.key === KIND)).toMatchObject({
      devices: 2,
      public: true,
    });
    expect(state.devices.find((d) => d.id === KEPT)).toMatchObject({ own: null, public: true });
    expect(state.devices.find((d) => d.id === OPTED_OUT)).toMatchObject({
      own: false,
      public: false,
    });
    expect(state.indicators.find((i) => i.code === published.code)?.public).toBe(true);
    expect(state.indicators.find((i) => i.code === unpublished)?.public).toBe(false);
    expect(state.settings.positionDecimals).toBe(decimals);
    await page.close();
  });

  it('shows a visitor exactly the published indicators, searchable and downloadable', async () => {
    const page = watch(await visitor.newPage());
    const sent: string[] = [];
    page.on('request', (r) => {
      const auth = r.headers()['authorization'];
      if (auth !== undefined) sent.push(`${r.url()} ${auth}`);
    });
    await page.goto(`${platform.httpUrl}/du-lieu-mo`);
    await page.getByRole('heading', { level: 1, name: 'Dữ liệu mở' }).waitFor();
    await page.getByTestId('dataset-count').waitFor();

    const state = await publication(platform);
    const listing = datasetListResponse.parse(
      await (await fetch(`${platform.httpUrl}/api/v1/public/open-data/datasets`)).json(),
    );
    const mine = listing.datasets.find((d) => d.id === `indicator.${published.code}`);
    expect(mine).toBeDefined();
    const publicIndicators = new Set(state.indicators.filter((i) => i.public).map((i) => i.code));
    const shown = await page
      .getByTestId('dataset')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    const shownIndicators = shown
      .filter((id) => id.startsWith('indicator.'))
      .map((id) => id.slice(10));
    expect(new Set(shownIndicators)).toEqual(publicIndicators);
    expect(shown).toContain(`indicator.${published.code}`);
    expect(shown).not.toContain(`indicator.${unpublished}`);

    // A diacritic-free search finds it, by its Vietnamese title.
    await page.getByLabel('Tìm bộ dữ liệu').fill(foldVietnamese(mine?.titleVi ?? ''));
    const card = page.locator(`[data-testid=dataset][data-id="indicator.${published.code}"]`);
    await card.waitFor();
    const matching = await page
      .getByTestId('dataset')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    expect(matching).toContain(`indicator.${published.code}`);

    // The CSV opens in Excel with Vietnamese intact: UTF-8 with a byte order mark.
    const csvHref = await card.locator('a[data-format=csv]').getAttribute('href');
    expect(csvHref).not.toBeNull();
    const csv = await fetch(new URL(csvHref ?? '', platform.httpUrl));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect([...new Uint8Array(await csv.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    // The DCAT catalogue the page links to names the same datasets a harvester would find.
    const catalogHref = await page.getByTestId('open-data-catalog').getAttribute('href');
    const catalog = await fetch(new URL(catalogHref ?? '', platform.httpUrl));
    expect(catalog.status).toBe(200);
    expect(await catalog.text()).toContain('dcat:Catalog');

    // A SensorThings example answers with a SensorThings collection.
    const example = await page.getByTestId('sta-example').first().getAttribute('href');
    const sta = await fetch(new URL(example ?? '', platform.httpUrl));
    expect(sta.status).toBe(200);
    expect(Array.isArray(((await sta.json()) as { value?: unknown }).value)).toBe(true);
    expect(await page.getByTestId('sta-mqtt-topic').textContent()).toMatch(
      /^v1\.1\/Datastreams\(\{id\}\)\/Observations$/,
    );

    await page.getByTestId('lang-toggle').click();
    await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
    await expect.poll(() => card.locator('h3').textContent()).toBe(mine?.titleEn);
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'open-data-page.png'), fullPage: true });

    expect(sent).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
