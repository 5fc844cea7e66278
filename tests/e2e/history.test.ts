/**
 * Issue 20.5, history: a water-level station's readings over the past day and a half become
 * hourly and daily rollups; on the tablet (1024×768) its history charts them over 24 h / 7 d /
 * 30 d with the station's báo động levels drawn and labelled, and lists the alert it raised —
 * worked and resolved — with its timeline. The ward's history charts the ward's mean. On the
 * wall (1920×1080) the ward panel opens the same history, read-only.
 */
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { overflowingText, overlappingText } from '../support/layout-checks';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { storedSession } from '../support/web-session';

const hasChromium = chromiumAvailable();
const WARD = '20314';
const WARD_NAME = 'Phường Hoà Xuân';
const STATION = 'history-wl';
const HOUR = 3_600_000;

/** The dots of the chart shown (its buckets with a mean). */
async function pointCount(view: Locator): Promise<number> {
  return Number(await view.getByTestId('history-chart').getAttribute('data-points'));
}

/** Buttons and links of the view smaller than the tablet's 48 × 48 px. */
function smallTargets(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="history-view"] :is(button, a)', (els) =>
    els
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 48 || r.height < 48))
      .map(({ el, r }) => `${el.textContent} ${String(r.width)}×${String(r.height)}`),
  );
}

describe.skipIf(!hasChromium)('history — charts and past alerts of a station and a ward', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let operator = '';
  let alertId = '';

  const post = async (path: string, body: unknown, token = operator) => {
    const res = await callApi(platform.httpUrl, 'POST', path, token, body);
    expect(res.status, path).toBeLessThan(300);
    return res.body;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    operator = await platform.loginAs(
      'ward_operator',
      [WARD],
      `op-history-${Date.now().toString(36)}`,
    );
    await post(
      '/api/v1/alert-rules',
      {
        name: 'Mực nước trạm lịch sử',
        kind: 'threshold',
        severity: 'warning',
        params: { metric: 'water_level', comparator: '>', value: 1.5 },
        scope: { unitCodes: [WARD] },
      },
      platform.adminToken,
    );
    const token = await platform.addDevice({
      id: STATION,
      kind: 'water_level',
      unitCode: WARD,
      profile: { alarmLevels: [1, 1.5, 2] },
    });
    // 36 hourly readings under the alert's threshold, stored as a station forwards them late.
    const now = Date.now();
    const past = Array.from({ length: 36 }, (_, i) => ({
      ts: now - (36 - i) * HOUR,
      values: { water_level: Number((0.6 + 0.02 * i).toFixed(2)) },
    }));
    const send = (body: unknown) =>
      fetch(`${platform.httpUrl}/api/v1/telemetry`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await send(past)).status).toBe(202);
    await platform.ctx.live.idle();
    // Now the river passes the threshold: an alert opens, and the ward works and resolves it.
    expect((await send({ ts: now, values: { water_level: 1.62 } })).status).toBe(202);
    await platform.ctx.live.idle();
    const list = await platform.api(`/api/v1/alerts?device=${STATION}`);
    const items = ((await list.json()) as { items: { id: string }[] }).items;
    expect(items).toHaveLength(1);
    alertId = items[0]?.id ?? '';
    await post(`/api/v1/alerts/${alertId}/acknowledge`, {});
    await post(`/api/v1/alerts/${alertId}/assign`, {
      assignee: { kind: 'user', id: 'op.hoaxuan' },
    });
    await post(`/api/v1/alerts/${alertId}/note`, { text: 'Đã báo tổ dân phố ven sông' });
    await post(`/api/v1/alerts/${alertId}/resolve`, { reason: 'Nước đã rút' });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser.close();
    await platform.dispose();
  });

  it("charts the station's hours and days with its báo động levels, and its alert's timeline", async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const session = JSON.stringify(await storedSession(platform, operator));
    await context.addInitScript((s: string) => {
      window.localStorage.setItem('ioc.lang', 'vi');
      window.localStorage.setItem('ioc.session', s);
    }, session);
    const page = await context.newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'history-tablet-failed.png') });
    });
    await page.goto(`${platform.httpUrl}/tablet`);
    const card = page.locator(`[data-testid="device"][data-device-id="${STATION}"]`);
    await card.getByTestId('device-history-open').click({ timeout: 60_000 });
    expect(new URL(page.url()).pathname).toBe(`/tablet/history/device/${STATION}`);

    const view = page.getByTestId('history-view');
    await view.getByTestId('history-chart').waitFor({ timeout: 60_000 });
    expect(await view.getAttribute('data-window')).toBe('24h');
    // One dot per hour with readings: the last day's (a bucket at each edge may be partial).
    const day = await pointCount(view);
    expect(day).toBeGreaterThanOrEqual(23);
    expect(day).toBeLessThanOrEqual(26);
    expect(await view.getByTestId('history-point').count()).toBe(day);
    // Readings 1,04–1,62 m: levels I (1 m), II (1,5 m) and the next, III (2 m), drawn and named.
    expect(await view.getByTestId('history-threshold-label').allTextContents()).toEqual([
      'Báo động I: 1 m',
      'Báo động II: 1,5 m',
      'Báo động III: 2 m',
    ]);
    expect(await view.locator('h2').textContent()).toBe(`Lịch sử số đo — ${STATION}`);
    expect(await view.textContent()).toContain('Mực nước (m)');
    expect(await view.textContent()).not.toContain('water_level');
    expect(await smallTargets(page)).toEqual([]);
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'history-tablet-24h.png') });

    await view.getByRole('button', { name: '7 ngày' }).click();
    await expect.poll(() => view.getAttribute('data-window')).toBe('7d');
    // All 37 hours fall in the week.
    await expect.poll(() => pointCount(view), { timeout: 30_000 }).toBeGreaterThanOrEqual(36);
    await view.getByRole('button', { name: '30 ngày' }).click();
    // A day and a half of readings: two or three Vietnam days.
    await expect.poll(() => pointCount(view), { timeout: 30_000 }).toBeLessThanOrEqual(3);
    expect(await pointCount(view)).toBeGreaterThanOrEqual(2);
    expect(await view.getByTestId('history-threshold').count()).toBeGreaterThan(0);
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'history-tablet-30d.png') });

    const row = view.locator(`[data-testid="history-alert"][data-alert-id="${alertId}"]`);
    expect(await row.getAttribute('data-status')).toBe('resolved');
    await row.getByRole('button', { name: 'Xem diễn biến' }).click();
    const steps = row.getByTestId('timeline-entry');
    await steps.first().waitFor({ timeout: 30_000 });
    const actions = await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions.filter((a) => a !== 'update')).toEqual([
      'open',
      'acknowledge',
      'assign',
      'note',
      'resolve',
    ]);
    const text = await row.getByTestId('alert-timeline').textContent();
    expect(text).toContain('Cảnh báo mở');
    expect(text).toContain('Giao phụ trách cho op.hoaxuan');
    expect(text).toContain('Ghi chú: Đã báo tổ dân phố ven sông');
    expect(text).toContain('Đã xử lý xong: Nước đã rút');
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'history-tablet-timeline.png') });
    // axe-core on the history as shown (chart, buttons, open timeline), as on every route.
    const axe = await new AxeBuilder({ page })
      .include('[data-testid="tablet-history"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ') ?? ''}`)).toEqual([]);

    // The ward's history: the mean of its stations, the same alert among the ward's.
    await page.getByTestId('history-back').click();
    await page.getByTestId('ward-history-open').click({ timeout: 60_000 });
    const ward = page.getByTestId('history-view');
    await expect
      .poll(() => ward.getAttribute('data-target'), { timeout: 30_000 })
      .toBe(`u:${WARD}`);
    await ward.getByTestId('history-chart').waitFor({ timeout: 60_000 });
    expect(await pointCount(ward)).toBeGreaterThanOrEqual(23);
    expect(await ward.locator('h2').textContent()).toBe(`Lịch sử số đo phường, xã — ${WARD_NAME}`);
    await ward.locator(`[data-testid="history-alert"][data-alert-id="${alertId}"]`).waitFor();
    await context.close();
  }, 240_000);

  it("opens the ward's history from the wall's ward panel", async () => {
    const display = await platform.displayToken('48');
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    onTestFailed(async () => {
      await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'history-wall-failed.png') });
    });
    await page.goto(
      `${platform.httpUrl}/wall?unit=48&scene=water&token=${encodeURIComponent(display)}`,
    );
    // A tap on the ward, at its label point (a point inside it, wherever its name or number
    // was placed), as an operator taps the map.
    const label = page.locator(`[data-testid="map-labels"] li[data-code="${WARD}"]`);
    await label.waitFor({ state: 'attached', timeout: 120_000 });
    const x = Number(await label.getAttribute('data-anchor-x'));
    const y = Number(await label.getAttribute('data-anchor-y'));
    await page.mouse.click(x, y);
    const panel = page.getByTestId('ward-panel');
    await panel.waitFor({ timeout: 60_000 });
    // The panel's head takes the new button without text spilling or drawn over other text.
    const head = ['[data-testid="ward-panel"] .ward-panel-head'];
    expect(await overflowingText(page, head)).toEqual([]);
    expect(await overlappingText(page, head)).toEqual([]);
    await panel.getByTestId('ward-history-open').click();
    const overlay = page.getByTestId('ward-history');
    const view = overlay.getByTestId('history-view');
    await view.getByTestId('history-chart').waitFor({ timeout: 60_000 });
    expect(await overlay.getAttribute('data-ward')).toBe(WARD);
    expect(await view.getAttribute('data-metric')).toBe('water_level');
    expect(await pointCount(view)).toBeGreaterThanOrEqual(23);
    expect(await view.locator('h2').textContent()).toContain(WARD_NAME);
    await view.locator(`[data-testid="history-alert"][data-alert-id="${alertId}"]`).waitFor();
    expect(await view.textContent()).not.toContain('water_level');
    // Its HTML text fits its boxes (the chart's SVG text is placed in the drawing's own units).
    const texts = [
      'ward-history-close',
      'history-title',
      'history-choices',
      'history-caption',
      'history-alerts',
    ].map((c) => `[data-testid="ward-history"] .${c}`);
    expect(await overflowingText(page, texts)).toEqual([]);
    expect(await overlappingText(page, texts)).toEqual([]);
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'history-wall-ward.png') });
    await overlay.getByTestId('ward-history-close').click();
    await overlay.waitFor({ state: 'detached' });
    await page.close();
  }, 240_000);
});
