/**
 * Issue 20.2, alerts people act on: a ward operator acknowledges an alert on the tablet
 * (1024×768), takes it on, then hands it to the ward's office and on to a colleague of the ward
 * (picked from the people whose scope covers it: a neighbouring ward's operator is not offered);
 * the wall, open beside it with a display token and never reloaded, shows how long the alert has
 * been open ("mở 17 phút") and who owns it; the office hears of it by e-mail (a real SMTP
 * server). Every step is in the alert's audit trail under the operator's name.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { startSmtpCapture } from '../support/mail';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { storedSession } from '../support/web-session';

const hasChromium = chromiumAvailable();
const WARD = '20314';
const OFFICE_NAME = 'Văn phòng HĐND và UBND phường Hoà Xuân';
const OFFICE_MAIL = 'vanphong.hoaxuan@danang.gov.vn';

describe.skipIf(!hasChromium)('tablet — working an alert, seen on the wall', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let alertId = '';
  let officeId = '';
  let operator = '';
  const username = `op-${Date.now().toString(36)}`;
  const colleague = `col-${Date.now().toString(36)}`;
  const neighbour = `nb-${Date.now().toString(36)}`;

  const post = (path: string, body: unknown, token = platform.adminToken) =>
    callApi(platform.httpUrl, 'POST', path, token, body);

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST, SMTP_URL: smtp.url });
    operator = await platform.loginAs('ward_operator', [WARD], username);
    await platform.loginAs('ward_leader', [WARD], colleague);
    await platform.loginAs('ward_operator', ['20320'], neighbour);
    const office = await post('/api/v1/offices', {
      unitCode: WARD,
      nameVi: OFFICE_NAME,
      email: OFFICE_MAIL,
    });
    expect(office.status).toBe(201);
    officeId = (office.body as { id: string }).id;
    const rule = await post('/api/v1/alert-rules', {
      name: 'PM2.5 vượt 50',
      kind: 'threshold',
      severity: 'warning',
      params: { metric: 'pm25', comparator: '>', value: 50 },
      scope: { unitCodes: [WARD] },
    });
    expect(rule.status).toBe(201);
    const token = await platform.addDevice({ id: 'alert-work-aq', unitCode: WARD });
    const reading = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ values: { pm25: 88 } }),
    });
    expect(reading.status).toBe(202);
    await platform.ctx.live.idle();
    const list = await platform.api(`/api/v1/alerts?unit=${WARD}&status=active`);
    const items = ((await list.json()) as { items: { id: string }[] }).items;
    expect(items).toHaveLength(1);
    alertId = items[0]?.id ?? '';
    // The alert has waited 17 minutes before anyone looked (the data, not the clock, is moved).
    await platform.ctx.pool.query(
      `UPDATE alert SET opened_at = now() - interval '17 minutes 5 seconds' WHERE id = $1`,
      [alertId],
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await platform.dispose();
    await smtp.close();
  });

  async function openWall(): Promise<Page> {
    const display = await platform.displayToken('48');
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(
      `${platform.httpUrl}/wall?unit=48&scene=alerts&token=${encodeURIComponent(display)}`,
    );
    await page.locator(`li[data-alert-id="${alertId}"]`).first().waitFor({ timeout: 90_000 });
    return page;
  }

  async function openTablet(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const session = JSON.stringify(await storedSession(platform, operator));
    await context.addInitScript((s: string) => {
      window.localStorage.setItem('ioc.lang', 'vi');
      window.localStorage.setItem('ioc.session', s);
    }, session);
    const page = await context.newPage();
    await page.goto(`${platform.httpUrl}/tablet`);
    await page.locator(`[data-testid="alert"][data-alert-id="${alertId}"]`).waitFor({
      timeout: 60_000,
    });
    return page;
  }

  it('acknowledges and assigns on the tablet; the wall shows owner and age without a reload', async () => {
    const wall = await openWall();
    const wallRow = wall.locator(`li[data-alert-id="${alertId}"]`).first();
    // A loaded machine may take a minute or two to get here: the age counts on.
    expect(await wallRow.getByTestId('alert-where').textContent()).toMatch(/mở 1[789] phút/);
    // The reading against its threshold leads the row; the whole message is on hover.
    const headline = wallRow.locator('.alert-message');
    expect(await headline.textContent()).toMatch(/^Bụi PM2\.5 = 88\b.*\(ngưỡng > 50\b/);
    expect(await headline.getAttribute('title')).toMatch(/^PM2\.5 vượt 50: Bụi PM2\.5 = 88/);
    // Loaded once: a reload would lose this marker.
    await wall.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const tablet = await openTablet();
    const card = tablet.locator(`[data-testid="alert"][data-alert-id="${alertId}"]`);
    expect(await card.getByTestId('alert-age').textContent()).toMatch(/^mở 1[789] phút$/);
    expect(await card.getByTestId('alert-owner').textContent()).toBe('Chưa có người phụ trách');

    await card.getByTestId('alert-action-acknowledge').click();
    await expect
      .poll(() => card.getAttribute('data-status'), { timeout: 30_000 })
      .toBe('acknowledged');
    await card.getByTestId('alert-action-take').click();
    await expect
      .poll(() => card.getByTestId('alert-owner').textContent(), { timeout: 30_000 })
      .toBe(`Phụ trách: ${username}`);
    await expect
      .poll(() => wallRow.getByTestId('alert-owner').textContent(), { timeout: 30_000 })
      .toBe(username);

    await card.getByTestId('alert-action-assign').click();
    const form = card.getByTestId('alert-form-assign');
    await form.locator('select[name=office]').selectOption(officeId);
    await form.getByRole('button', { name: 'Gửi' }).click();
    await expect
      .poll(() => card.getByTestId('alert-owner').textContent(), { timeout: 30_000 })
      .toBe(`Phụ trách: ${OFFICE_NAME}`);
    await expect
      .poll(() => wallRow.getByTestId('alert-owner').textContent(), { timeout: 30_000 })
      .toBe(OFFICE_NAME);
    expect(await wallRow.getByTestId('alert-where').textContent()).toMatch(/mở (1[789]|2\d) phút/);
    expect(
      await wall.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    // The office hears of it by e-mail; taking it on oneself sends none.
    await expect
      .poll(() => smtp.mails.filter((m) => m.to.includes(OFFICE_MAIL)).length, { timeout: 30_000 })
      .toBe(1);
    expect(smtp.mails).toHaveLength(1);

    // On to a person: a colleague of the ward, from the people the API offers for this alert.
    await card.getByTestId('alert-action-assign').click();
    await form.getByTestId('assign-kind-person').click();
    const people = form.locator('select[name=person]');
    await expect
      .poll(() => people.locator(`option[value="${colleague}"]`).count(), { timeout: 30_000 })
      .toBe(1);
    expect(await people.locator(`option[value="${neighbour}"]`).count()).toBe(0);
    expect(await people.locator(`option[value="${username}"]`).count()).toBe(0);
    await people.selectOption(colleague);
    await tablet.screenshot({
      path: resolve(ARTIFACTS_DIR, 'tablet-alert-assign-person-1024x768.png'),
    });
    await form.getByRole('button', { name: 'Gửi' }).click();
    await expect
      .poll(() => card.getByTestId('alert-owner').textContent(), { timeout: 30_000 })
      .toBe(`Phụ trách: ${colleague}`);
    await expect
      .poll(() => wallRow.getByTestId('alert-owner').textContent(), { timeout: 30_000 })
      .toBe(colleague);
    await tablet.screenshot({ path: resolve(ARTIFACTS_DIR, 'tablet-alert-work-1024x768.png') });
    await wall.screenshot({ path: resolve(ARTIFACTS_DIR, 'wall-alert-owner-1920x1080.png') });

    // The same lifecycle and audit as the API: each step under the operator's name.
    const audit = await platform.api(`/api/v1/alerts/${alertId}/audit`);
    const rows = ((await audit.json()) as { items: { action: string; actor: string }[] }).items;
    const mine = rows.filter((r) => r.actor === username).map((r) => r.action);
    expect(mine.filter((a) => a !== 'update')).toEqual([
      'acknowledge',
      'assign',
      'assign',
      'assign',
    ]);
    const detail = await platform.api(`/api/v1/alerts/${alertId}`);
    expect(((await detail.json()) as { assignee: string }).assignee).toBe(`user:${colleague}`);
  }, 300_000);
});
