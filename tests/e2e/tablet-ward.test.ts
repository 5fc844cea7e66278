/**
 * Issue 7, tablet: a ward leader's /tablet in a real browser — their own ward only (scorecard,
 * alerts severity-ordered, devices; another ward's device and alert never appear and the API
 * refuses the other ward), offline start from the service worker and the stored snapshot with
 * its age, and a portrait layout without horizontal scrolling or overflowing text.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';

const hasChromium = chromiumAvailable();

const WARD = '20314';
const WARD_NAME = 'Phường Hoà Xuân';
const OTHER_WARD = '20320';

interface Me {
  username: string;
  displayName: string;
  role: string;
  units: string[];
}

/** Layout problems inside the page: horizontal scrolling, elements or text past their box. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const root = document.querySelector<HTMLElement>('[data-testid="tablet-page"]');
    if (!root) return ['no tablet page'];
    for (const el of [document.documentElement, document.body, root]) {
      if (el.scrollWidth > el.clientWidth + 1)
        problems.push(
          `${el.tagName}.${el.className} scrolls horizontally (${el.scrollWidth} > ${el.clientWidth})`,
        );
    }
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').replace(/\s+/g, '.')} "${el.textContent.trim().slice(0, 40)}"`;
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (el.closest('.sr-only')) continue;
      if (r.left < -1 || r.right > vw + 1) problems.push(`${describe(el)} outside the viewport`);
      // Text clipped inside its own box (overflow hidden/auto) or spilling past it.
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
        problems.push(`${describe(el)} overflows (${el.scrollWidth} > ${el.clientWidth})`);
      // Text nodes whose lines run past the element that holds them.
      for (const node of el.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const line of range.getClientRects()) {
          if (line.right > r.right + 1 || line.left < r.left - 1)
            problems.push(`${describe(el)} text runs past its box`);
        }
      }
    }
    return [...new Set(problems)];
  });
}

/** Every button, select and link on the page is at least 48 × 48 CSS px. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '[data-testid="tablet-page"] :is(button, select, a, input, summary)',
      ),
    ]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.width < 48 || r.height < 48);
      })
      .map(
        (el) =>
          `${el.tagName} "${el.textContent.trim()}" ${el.getBoundingClientRect().width}×${el.getBoundingClientRect().height}`,
      ),
  );
}

/** The whole scrolling page in one image: the viewport is grown to the content's height. */
async function fullScreenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  if (!size) return;
  const height = await page.getByTestId('tablet-page').evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(height, 12_000) });
  await page.screenshot({ path: resolve(ARTIFACTS_DIR, name) });
  await page.setViewportSize(size);
}

/** "14:05 22/11/2026" in Vietnam time, as the offline badge writes it. */
function vnStamp(epochMs: number): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(epochMs))
      .map((x) => [x.type, x.value]),
  );
  return `${p['hour']}:${p['minute']} ${p['day']}/${p['month']}/${p['year']}`;
}

describe.skipIf(!hasChromium)('tablet — a ward leader in the field', () => {
  let platform: TestPlatform;
  let browser: Browser | undefined;
  let token = '';
  let me: Me;
  const tag = Date.now().toString(36);
  const own = `tab-own-${tag}`;
  const other = `tab-other-${tag}`;
  let ownToken = '';

  const theBrowser = (): Browser => {
    if (!browser) throw new Error('browser not started');
    return browser;
  };

  const api = async (path: string, bearer = token, init: RequestInit = {}) => {
    const res = await fetch(`${platform.httpUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };

  /** A browser context signed in as the ward leader (the session the login page would store). */
  const signedIn = async (
    viewport: { width: number; height: number },
    as: { token: string; me: Me } = { token, me },
  ): Promise<BrowserContext> => {
    const context = await theBrowser().newContext({ viewport, hasTouch: true, locale: 'vi-VN' });
    const session = {
      token: as.token,
      expiresAt: new Date(Date.now() + 8 * 3_600_000).toISOString(),
      username: as.me.username,
      displayName: as.me.displayName,
      role: as.me.role,
      units: as.me.units,
    };
    await context.addInitScript((s) => {
      window.localStorage.setItem('ioc.session', s);
    }, JSON.stringify(session));
    return context;
  };

  const openTablet = async (context: BrowserContext, errors: string[]): Promise<Page> => {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.httpUrl}/tablet`);
    await page
      .locator('[data-testid="tablet-page"][data-phase="live"]')
      .waitFor({ timeout: 30_000 });
    return page;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    token = await platform.loginAs('ward_leader', [WARD]);
    me = (await api('/api/v1/auth/me')).body as Me;
    ownToken = await platform.addDevice({
      id: own,
      unitCode: WARD,
      lon: 108.226,
      lat: 16.005,
    });
    const otherToken = await platform.addDevice({
      id: other,
      unitCode: OTHER_WARD,
      lon: 108.2,
      lat: 16.03,
    });
    // Two rules on PM2.5: a warning above 50 for both devices, a critical one above 100 for ours.
    for (const rule of [
      { name: 'PM2.5 vượt 50', severity: 'warning', value: 50, deviceIds: [own, other] },
      { name: 'PM2.5 vượt 100', severity: 'critical', value: 100, deviceIds: [own] },
    ]) {
      const res = await api('/api/v1/alert-rules', platform.adminToken, {
        method: 'POST',
        body: JSON.stringify({
          name: rule.name,
          kind: 'threshold',
          severity: rule.severity,
          params: { metric: 'pm25', comparator: '>', value: rule.value },
          scope: { deviceIds: rule.deviceIds },
        }),
      });
      expect(res.status).toBe(201);
    }
    for (const [id, deviceToken] of [
      [own, ownToken],
      [other, otherToken],
    ] as const) {
      const res = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
        method: 'POST',
        headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ values: { pm25: id === own ? 151.5 : 77 } }),
      });
      expect(res.status).toBe(202);
    }
    await platform.ctx.live.idle();
    await waitFor(
      async () => {
        const res = await api(`/api/v1/alerts?unit=${WARD}&status=active`);
        return (res.body as { items: unknown[] }).items.length === 2 ? true : undefined;
      },
      15_000,
      'two alerts in the ward',
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await platform.dispose();
  });

  it('sends a visitor without a session to the sign-in page and back', async () => {
    const page = await theBrowser().newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(`${platform.httpUrl}/tablet`);
    await page.waitForURL((url) => url.pathname === '/login', { timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('next')).toBe('/tablet');
    await page.close();
  });

  it('shows a ward leader only their own ward at 1024×768', async () => {
    // The API itself refuses the other ward with this session.
    for (const path of [
      `/api/v1/devices?unit=${OTHER_WARD}`,
      `/api/v1/scorecard?unit=${OTHER_WARD}`,
      `/api/v1/alerts?unit=${OTHER_WARD}`,
    ]) {
      expect((await api(path)).status, path).toBe(403);
    }
    const context = await signedIn({ width: 1024, height: 768 });
    const errors: string[] = [];
    const page = await openTablet(context, errors);
    const root = page.getByTestId('tablet-page');
    expect(await root.getAttribute('data-unit')).toBe(WARD);
    expect(await page.getByTestId('unit-name').textContent()).toBe(WARD_NAME);
    // A ward leader has nothing to pick.
    expect(await page.getByTestId('unit-picker').count()).toBe(0);

    // Devices: ours with its live value, online; the other ward's nowhere on the page.
    const ownCard = page.locator(`[data-testid="device"][data-device-id="${own}"]`);
    await ownCard.waitFor();
    expect(await ownCard.getAttribute('data-online')).toBe('true');
    expect(await ownCard.locator('[data-metric="pm25"]').getAttribute('data-value')).toBe('151.5');
    // Named, with the catalogue's decimals and unit, and over the QCVN 24-hour limit in words.
    const pm25 = ownCard.locator('[data-metric="pm25"]');
    await expect.poll(() => pm25.locator('dt').textContent()).toBe('Bụi PM2.5');
    expect(await pm25.locator('dd').textContent()).toBe('152 µg/m³Vượt ngưỡng');
    expect(await page.locator(`[data-device-id="${other}"]`).count()).toBe(0);
    expect(await page.content()).not.toContain(other);
    const deviceIds = await page
      .getByTestId('device')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-device-id')));
    expect(deviceIds).toContain(own);
    const listed = (await api(`/api/v1/devices?unit=${WARD}`)).body as { items: { id: string }[] };
    expect(deviceIds.sort()).toEqual(listed.items.map((d) => d.id).sort());

    // Alerts: ours only, the critical one before the warning.
    const severities = await page
      .getByTestId('alert')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
    expect(severities).toEqual(['critical', 'warning']);

    // Scorecard: the demo reports give Hoà Xuân a VNeID figure with a trend and a target.
    const vneid = page.locator(
      '[data-testid="highlights"] [data-testid="indicator"][data-code="dx.vneid_accounts"]',
    );
    await vneid.waitFor();
    const sc = (await api(`/api/v1/scorecard?unit=${WARD}`)).body as {
      items: { indicator: string; status: string; value: { value: number } | null }[];
    };
    const expected = sc.items.find((i) => i.indicator === 'dx.vneid_accounts');
    expect(expected?.value).not.toBeNull();
    expect(
      Number(await vneid.getByTestId('indicator-value').getAttribute('data-value')),
    ).toBeCloseTo(expected?.value?.value ?? NaN, 6);
    expect(await vneid.getAttribute('data-status')).toBe(expected?.status);
    // Vietnamese number format: decimal comma, one decimal.
    const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
    expect(await vneid.getByTestId('indicator-value').textContent()).toBe(
      `${vi.format(expected?.value?.value ?? NaN)}%`,
    );
    expect(await vneid.getByTestId('indicator-target').textContent()).toMatch(
      /^Chỉ tiêu \d{4}: ≥ /,
    );
    expect(
      Number(await vneid.getByTestId('sparkline').getAttribute('data-points')),
    ).toBeGreaterThan(1);
    expect(await vneid.textContent()).toMatch(
      /Nguồn: .+, kỳ tháng \d{2}\/\d{4}, gửi ngày \d{2}\/\d{2}\/\d{4}/,
    );
    await page
      .locator(
        '[data-testid="highlight-publicServices"] [data-code="dx.online_public_service_usage"]',
      )
      .waitFor();
    // Every indicator of the API's scorecard is on the page, with the API's status (the
    // scorecard mounts just after the first screen's sections).
    await page.getByTestId('scorecard').waitFor();
    const shown = await page
      .locator('[data-testid="scorecard"] [data-testid="indicator"]')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-code')}=${e.getAttribute('data-status')}`),
      );
    expect(shown.sort()).toEqual(sc.items.map((i) => `${i.indicator}=${i.status}`).sort());

    expect(await smallTargets(page)).toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'tablet-1024x768.png') });
    await fullScreenshot(page, 'tablet-1024x768-full.png');

    // Live: a new reading reaches the open page over the unit's WebSocket channel, long before
    // the one-minute reload.
    const res = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ownToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ values: { pm25: 163.25 } }),
    });
    expect(res.status).toBe(202);
    await expect
      .poll(() => ownCard.locator('[data-metric="pm25"]').getAttribute('data-value'), {
        timeout: 10_000,
      })
      .toBe('163.25');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens offline from the service worker and the snapshot, marked with its age', async () => {
    const context = await signedIn({ width: 1024, height: 768 });
    const errors: string[] = [];
    const page = await openTablet(context, errors);
    await page.locator(`[data-testid="device"][data-device-id="${own}"]`).waitFor();
    const latest = (await api(`/api/v1/devices?unit=${WARD}`)).body as {
      items: { id: string; latest: Record<string, { value: number }> }[];
    };
    const pm25 = String(latest.items.find((d) => d.id === own)?.latest['pm25']?.value);
    expect(
      await page
        .locator(`[data-testid="device"][data-device-id="${own}"] [data-metric="pm25"]`)
        .getAttribute('data-value'),
    ).toBe(pm25);
    // The worker is installed and controls the page (clientsClaim) once the shell is precached.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    // The snapshot is stored; age it by 12 minutes so the badge has something to say.
    const savedAt = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('ioc.tablet.snapshot.v1:'));
      if (!key) throw new Error('no snapshot stored');
      const snap = JSON.parse(localStorage.getItem(key) ?? '{}') as { savedAt: number };
      snap.savedAt -= 12 * 60_000;
      localStorage.setItem(key, JSON.stringify(snap));
      return snap.savedAt;
    });

    await context.setOffline(true);
    await page.reload();
    const badge = page.getByTestId('offline-badge');
    await badge.waitFor({ timeout: 30_000 });
    expect(await badge.textContent()).toBe(
      `Ngoại tuyến — số liệu lúc ${vnStamp(savedAt)}, cách đây 12 phút`,
    );
    expect(await page.getByTestId('tablet-page').getAttribute('data-phase')).toBe('offline');
    // The document came from the service worker, not the network.
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The data is the snapshot's: the ward, its device with the last value, its alerts.
    expect(await page.getByTestId('unit-name').textContent()).toBe(WARD_NAME);
    const ownCard = page.locator(`[data-testid="device"][data-device-id="${own}"]`);
    expect(await ownCard.locator('[data-metric="pm25"]').getAttribute('data-value')).toBe(pm25);
    expect(await page.getByTestId('alert').count()).toBe(2);
    expect(
      await page.locator('[data-testid="indicator"][data-code="dx.vneid_accounts"]').count(),
    ).toBeGreaterThan(0);
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'tablet-offline-1024x768.png') });

    // Back online: the next load replaces the snapshot and the badge goes away.
    await context.setOffline(false);
    await page.getByTestId('refresh').click();
    await page
      .locator('[data-testid="tablet-page"][data-phase="live"]')
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('offline-badge').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a 768×1024 portrait screen without horizontal scrolling or overflowing text', async () => {
    const context = await signedIn({ width: 768, height: 1024 });
    const errors: string[] = [];
    const page = await openTablet(context, errors);
    await page.locator(`[data-testid="device"][data-device-id="${own}"]`).waitFor();
    expect(await layoutProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    // The English UI is longer; it must fit too.
    await page.getByTestId('lang-toggle').click();
    await page.getByText('Active alerts').waitFor();
    expect(await layoutProblems(page)).toEqual([]);
    await page.getByTestId('lang-toggle').click();
    await page.getByText('Cảnh báo đang mở').waitFor();
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'tablet-768x1024.png') });
    await fullScreenshot(page, 'tablet-768x1024-full.png');
    expect(errors).toEqual([]);
    await context.close();
  });
  it('lets a province leader pick one of the province’s wards, and remembers the pick', async () => {
    const provinceToken = await platform.loginAs('province_leader', ['48']);
    const provinceMe = (await api('/api/v1/auth/me', provinceToken)).body as Me;
    const wards = (await api('/api/v1/units?parent=48', provinceToken)).body as {
      items: unknown[];
    };
    const context = await signedIn(
      { width: 1024, height: 768 },
      { token: provinceToken, me: provinceMe },
    );
    const errors: string[] = [];
    const page = await openTablet(context, errors);
    const root = page.getByTestId('tablet-page');
    expect(await root.getAttribute('data-unit')).toBe('48');
    const picker = page.getByTestId('unit-picker');
    await page
      .locator('[data-testid="unit-picker"] option[value="20314"]')
      .waitFor({ state: 'attached' });
    expect(await picker.locator('option').count()).toBe(wards.items.length + 1);
    await picker.selectOption(WARD);
    await page
      .locator(`[data-testid="tablet-page"][data-unit="${WARD}"][data-phase="live"]`)
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('unit-name').textContent()).toBe(WARD_NAME);
    await page.locator(`[data-testid="device"][data-device-id="${own}"]`).waitFor();
    await page.reload();
    await page
      .locator(`[data-testid="tablet-page"][data-unit="${WARD}"][data-phase="live"]`)
      .waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves the worker, manifest and shell uncached and hashed assets immutable', async () => {
    const head = async (path: string) => {
      const res = await fetch(`${platform.httpUrl}${path}`);
      await res.arrayBuffer();
      return {
        status: res.status,
        cache: res.headers.get('cache-control'),
        type: res.headers.get('content-type'),
      };
    };
    for (const path of ['/sw.js', '/manifest.webmanifest', '/tablet', '/index.html']) {
      const r = await head(path);
      expect(r.status, path).toBe(200);
      expect(r.cache, path).toBe('no-cache');
    }
    const manifest = (await (
      await fetch(`${platform.httpUrl}/manifest.webmanifest`)
    ).json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      start_url: '/tablet',
      scope: '/tablet',
      display: 'standalone',
      lang: 'vi',
    });
    expect(String(manifest['name'])).toContain('Phường, xã');
    const icons = manifest['icons'] as { src: string; sizes: string }[];
    for (const icon of icons) expect((await head(icon.src)).status, icon.src).toBe(200);
    expect(icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const html = await (await fetch(`${platform.httpUrl}/tablet`)).text();
    const entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    expect((await head(entry ?? '')).cache).toBe('public, max-age=31536000, immutable');
    // The worker never caches the API: no runtime route for it, and its navigation fallback
    // covers /tablet only (the wall keeps the server's own /wall handling).
    const sw = await (await fetch(`${platform.httpUrl}/sw.js`)).text();
    expect(sw).not.toMatch(/registerRoute\([^)]*api/);
    expect(sw).toContain('allowlist:[/^\\/tablet');
  });
});
