/**
 * Issue 20.2, people get told: a ward operator acknowledges an alert on the tablet (1024×768)
 * and takes it on; the wall beside it (display token, never reloaded) shows the owner and
 * "mở N phút"; the assignee — the operator, who set an e-mail address and subscribed a device —
 * receives an e-mail (a real SMTP server from npm) and a Web Push message at a push service the
 * test runs: the VAPID JWT verifies against the platform's public key and the aes128gcm body
 * decrypts, with the subscription's private key, to a payload naming the alert. The tablet
 * offers "Nhận thông báo trên thiết bị này".
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { startSmtpCapture } from '../support/mail';
import { browserSubscription, startPushService, verifyVapid } from '../support/push';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { storedSession } from '../support/web-session';

const hasChromium = chromiumAvailable();
const WARD = '20314';
const MAIL = 'nguyen.lan@hoaxuan.danang.gov.vn';

describe.skipIf(!hasChromium)('the person an alert is assigned to is told', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let pushService: Awaited<ReturnType<typeof startPushService>>;
  let device: ReturnType<typeof browserSubscription>;
  let alertId = '';
  let operator = '';
  const username = `lan-${Date.now().toString(36)}`;

  const send = async (method: string, path: string, body: unknown, token = platform.adminToken) => {
    const res = await platform.api(
      path,
      { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
      token,
    );
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    pushService = await startPushService();
    platform = await startTestPlatform({
      WEB_DIST_DIR: WEB_DIST,
      SMTP_URL: smtp.url,
      PUSH_ALLOW_HTTP_ENDPOINTS: 'true',
    });
    operator = await platform.loginAs('ward_operator', [WARD], username);
    const me = await platform.api('/api/v1/auth/me', {}, operator);
    const userId = ((await me.json()) as { id: string }).id;
    expect((await send('PATCH', `/api/v1/users/${userId}`, { email: MAIL })).status).toBe(200);
    // The subscription the installed tablet app would make, with keys this test holds.
    device = browserSubscription(`${pushService.url}/push/lan-tablet`);
    expect(
      (await send('POST', '/api/v1/me/push-subscriptions', device.json, operator)).status,
    ).toBe(201);

    const rule = await send('POST', '/api/v1/alert-rules', {
      name: 'Mực nước vượt báo động II',
      kind: 'threshold',
      severity: 'critical',
      params: { metric: 'water_level', comparator: '>', value: 1.2 },
      scope: { unitCodes: [WARD] },
    });
    expect(rule.status).toBe(201);
    const token = await platform.addDevice({
      id: 'notify-e2e-wl',
      kind: 'water_level',
      unitCode: WARD,
    });
    const reading = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ values: { water_level: 1.75 } }),
    });
    expect(reading.status).toBe(202);
    await platform.ctx.live.idle();
    const list = await platform.api(`/api/v1/alerts?unit=${WARD}&status=active`);
    alertId = ((await list.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
    expect(alertId).not.toBe('');
    // Open for 12 minutes before anyone looked (the data, not the clock, is moved).
    await platform.ctx.pool.query(
      `UPDATE alert SET opened_at = now() - interval '12 minutes 5 seconds' WHERE id = $1`,
      [alertId],
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await platform.dispose();
    await smtp.close();
    await pushService.close();
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
    await context.grantPermissions(['notifications'], { origin: platform.httpUrl });
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

  it('acknowledged and taken on the tablet: the wall follows, e-mail and Web Push arrive', async () => {
    const wall = await openWall();
    const wallRow = wall.locator(`li[data-alert-id="${alertId}"]`).first();
    await wall.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const tablet = await openTablet();
    await expect
      .poll(() => tablet.getByTestId('push-toggle').textContent(), { timeout: 30_000 })
      .toBe('Nhận thông báo trên thiết bị này');
    const card = tablet.locator(`[data-testid="alert"][data-alert-id="${alertId}"]`);
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
    expect(await wallRow.getByTestId('alert-where').textContent()).toMatch(/mở 1\d phút/);
    expect(
      await wall.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);

    // E-mail, Vietnamese first, with what, where, the value and the link to the alert.
    await expect
      .poll(() => smtp.mails.filter((m) => m.to.includes(MAIL)).length, { timeout: 30_000 })
      .toBe(1);
    const mail = smtp.mails.find((m) => m.to.includes(MAIL));
    expect(mail?.subject).toMatch(/^\[IOC\] Nghiêm trọng: Mực nước vượt báo động II/);
    expect(mail?.text).toContain(`Địa bàn (mã đơn vị): ${WARD}`);
    expect(mail?.text).toContain('Giá trị đo: 1.75');
    expect(mail?.text).toContain(`/tablet#canh-bao-${alertId}`);

    // Web Push: signed by the platform's VAPID key, encrypted for this subscription only.
    await expect
      .poll(() => pushService.received.length, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(1);
    const req = pushService.received[0];
    expect(req?.path).toBe('/push/lan-tablet');
    const key = await platform.api('/api/v1/me/push-subscriptions/key', {}, operator);
    const { publicKey } = (await key.json()) as { publicKey: string };
    const claims = verifyVapid(String(req?.headers.authorization), publicKey, pushService.url);
    expect(claims.aud).toBe(pushService.url);
    expect(req?.headers['content-encoding']).toBe('aes128gcm');
    const payload = JSON.parse(device.decrypt(req?.body ?? Buffer.alloc(0))) as {
      alertId: string;
      title: string;
      url: string;
    };
    expect(payload).toMatchObject({
      alertId,
      title: expect.stringContaining('Mực nước vượt báo động II') as unknown,
      url: `/tablet#canh-bao-${alertId}`,
    });

    await tablet.screenshot({
      path: resolve(ARTIFACTS_DIR, 'tablet-assignee-notified-1024x768.png'),
    });
    await wall.screenshot({ path: resolve(ARTIFACTS_DIR, 'wall-assignee-notified-1920x1080.png') });
  }, 300_000);
});
