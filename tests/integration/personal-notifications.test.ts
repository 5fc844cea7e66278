/**
 * Issue 20.2: notifications to people. A user's e-mail address (users API), their own Web Push
 * subscriptions and preferences (/api/v1/me/…), and an alert assigned to them reaching their
 * mailbox (a real SMTP server from npm) and their device (a local push service: the VAPID JWT
 * verifies against the platform's key and the aes128gcm body decrypts with the subscription's
 * key). A push service answering 410 removes the subscription; preferences and quiet hours hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture } from '../support/mail';
import { browserSubscription, startPushService, verifyVapid } from '../support/push';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const WARD = '20314';

interface Attempt {
  channel: string;
  target: string;
  status: string;
  error: string | null;
  nextAt: string | null;
}

describe('notifications to the person an alert is assigned to', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let push: Awaited<ReturnType<typeof startPushService>>;
  let platform: TestPlatform;
  let alertId = '';
  let lan = { token: '', id: '', username: 'lan.hoaxuan' };
  let binh = { token: '', id: '', username: 'binh.hoaxuan' };

  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await platform.api(
      path,
      {
        method,
        ...(body !== undefined
          ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
          : {}),
      },
      token,
    );
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };

  const person = async (username: string) => {
    const token = await platform.loginAs('ward_operator', [WARD], username);
    const me = await call('GET', '/api/v1/auth/me', undefined, token);
    return { token, id: (me.body as { id: string }).id, username };
  };

  const history = async (): Promise<Attempt[]> =>
    ((await call('GET', `/api/v1/alerts/${alertId}/notifications`)).body as { items: Attempt[] })
      .items;

  const assign = async (assignee: string | null) => {
    const res = await call('POST', `/api/v1/alerts/${alertId}/assign`, { assignee });
    expect(res.status).toBe(200);
    await platform.ctx.live.idle();
  };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    push = await startPushService();
    platform = await startTestPlatform({ SMTP_URL: smtp.url, PUSH_ALLOW_HTTP_ENDPOINTS: 'true' });
    lan = await person(lan.username);
    binh = await person(binh.username);
    const rule = await call('POST', '/api/v1/alert-rules', {
      name: 'Mực nước vượt báo động II',
      kind: 'threshold',
      severity: 'critical',
      params: { metric: 'water_level', comparator: '>', value: 1.2 },
      scope: { unitCodes: [WARD] },
    });
    expect(rule.status).toBe(201);
    const token = await platform.addDevice({
      id: 'notify-wl-1',
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
    const list = await call('GET', `/api/v1/alerts?unit=${WARD}&status=active`);
    alertId = (list.body as { items: { id: string }[] }).items[0]?.id ?? '';
    expect(alertId).not.toBe('');
  });

  afterAll(async () => {
    await platform.dispose();
    await smtp.close();
    await push.close();
  });

  it('keeps a user e-mail address through the users API, validated in the standard shape', async () => {
    const bad = await call('PATCH', `/api/v1/users/${lan.id}`, { email: 'not-an-address' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { code: 'INVALID_REQUEST', details: { issues: [{ path: 'email' }] } },
    });
    const ok = await call('PATCH', `/api/v1/users/${lan.id}`, { email: 'Lan.NT@HoaXuan.gov.vn' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ email: 'lan.nt@hoaxuan.gov.vn' });
    const created = await call('POST', '/api/v1/users', {
      username: 'cuong.hoaxuan',
      password: 'một-mật-khẩu-dài-đủ',
      role: 'ward_leader',
      units: [WARD],
      email: 'cuong@hoaxuan.gov.vn',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'cuong@hoaxuan.gov.vn' });
    const removed = await call('PATCH', `/api/v1/users/${(created.body as { id: string }).id}`, {
      email: null,
    });
    expect(removed.body).toMatchObject({ email: null });
  });

  it('lets a person manage only their own push subscriptions', async () => {
    const key = await call('GET', '/api/v1/me/push-subscriptions/key', undefined, lan.token);
    expect((key.body as { publicKey: string }).publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);

    const invalid = await call(
      'POST',
      '/api/v1/me/push-subscriptions',
      { endpoint: `${push.url}/x`, keys: { p256dh: 'short' } },
      lan.token,
    );
    expect(invalid.status).toBe(400);
    const issues = (invalid.body as { error: { details: { issues: { path: string }[] } } }).error
      .details.issues;
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['keys.p256dh', 'keys.auth']));

    const sub = browserSubscription(`${push.url}/binh-1`);
    expect((await call('POST', '/api/v1/me/push-subscriptions', sub.json, binh.token)).status).toBe(
      201,
    );
    // Lan cannot remove Binh's device, and does not see it.
    const other = await call(
      'DELETE',
      `/api/v1/me/push-subscriptions?endpoint=${encodeURIComponent(sub.json.endpoint)}`,
      undefined,
      lan.token,
    );
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ error: { code: 'PUSH_SUBSCRIPTION_NOT_FOUND' } });
    const lanList = await call('GET', '/api/v1/me/push-subscriptions', undefined, lan.token);
    expect(lanList.body).toEqual({ items: [] });
    const mine = await call(
      'DELETE',
      `/api/v1/me/push-subscriptions?endpoint=${encodeURIComponent(sub.json.endpoint)}`,
      undefined,
      binh.token,
    );
    expect(mine.status).toBe(204);
    // A display token (a wall) has no person behind it.
    const wall = await platform.displayToken(WARD);
    expect((await call('GET', '/api/v1/me/notification-preferences', undefined, wall)).status).toBe(
      403,
    );
  });

  it('mails and pushes an alert assigned to a person, signed and encrypted', async () => {
    const device = browserSubscription(`${push.url}/lan-tablet`);
    expect(
      (await call('POST', '/api/v1/me/push-subscriptions', device.json, lan.token)).status,
    ).toBe(201);
    const publicKey = (
      (await call('GET', '/api/v1/me/push-subscriptions/key', undefined, lan.token)).body as {
        publicKey: string;
      }
    ).publicKey;

    await assign(`user:${lan.username}`);
    await expect
      .poll(() => smtp.mails.filter((m) => m.to.includes('lan.nt@hoaxuan.gov.vn')).length)
      .toBe(1);
    const mail = smtp.mails.find((m) => m.to.includes('lan.nt@hoaxuan.gov.vn'));
    expect(mail?.subject).toMatch(/^\[IOC\] Nghiêm trọng: /);
    expect(mail?.text).toContain(`Mã cảnh báo: ${alertId}`);
    expect(mail?.text).toContain('Giá trị đo: 1.75');
    expect(mail?.text).toContain(`/tablet#canh-bao-${alertId}`);

    await expect.poll(() => push.received.filter((r) => r.path === '/lan-tablet').length).toBe(1);
    const req = push.received.find((r) => r.path === '/lan-tablet');
    expect(req?.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(req?.headers.ttl)).toBeGreaterThan(0);
    const claims = verifyVapid(String(req?.headers.authorization), publicKey, push.url);
    expect(claims.sub).toMatch(/^mailto:/);
    const payload = JSON.parse(device.decrypt(req?.body ?? Buffer.alloc(0))) as {
      alertId: string;
      title: string;
      url: string;
    };
    expect(payload.alertId).toBe(alertId);
    expect(payload.title).toMatch(/^Nghiêm trọng: /);
    expect(payload.url).toBe(`/tablet#canh-bao-${alertId}`);

    const rows = await history();
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'push', target: device.json.endpoint, status: 'sent' }),
        expect.objectContaining({
          channel: 'email',
          target: 'lan.nt@hoaxuan.gov.vn',
          status: 'sent',
        }),
      ]),
    );
  });

  it('removes a subscription the push service calls gone (410) and records why', async () => {
    push.gone.add('/lan-tablet');
    await assign(null);
    await assign(`user:${lan.username}`);
    await expect
      .poll(async () =>
        (await history()).some(
          (r) => r.channel === 'push' && r.status === 'gave_up' && /410/.test(r.error ?? ''),
        ),
      )
      .toBe(true);
    const list = await call('GET', '/api/v1/me/push-subscriptions', undefined, lan.token);
    expect(list.body).toEqual({ items: [] });
  });

  it('respects channels, minimum severity and quiet hours', async () => {
    const device = browserSubscription(`${push.url}/lan-phone`);
    await call('POST', '/api/v1/me/push-subscriptions', device.json, lan.token);

    const bad = await call(
      'PUT',
      '/api/v1/me/notification-preferences',
      {
        email: true,
        push: true,
        minSeverity: 'loud',
        quietHours: { start: '25:00', end: '06:00' },
      },
      lan.token,
    );
    expect(bad.status).toBe(400);
    const paths = (
      bad.body as { error: { details: { issues: { path: string }[] } } }
    ).error.details.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['minSeverity', 'quietHours.start']));

    // Only emergencies: a critical alert is not sent at all.
    const emergencyOnly = {
      email: true,
      push: true,
      sms: false,
      minSeverity: 'emergency',
      quietHours: null,
    };
    const put = await call('PUT', '/api/v1/me/notification-preferences', emergencyOnly, lan.token);
    expect(put.body).toEqual(emergencyOnly);
    expect(
      (await call('GET', '/api/v1/me/notification-preferences', undefined, lan.token)).body,
    ).toEqual(emergencyOnly);
    const mailsBefore = smtp.mails.length;
    const pushesBefore = push.received.length;
    await assign(null);
    await assign(`user:${lan.username}`);
    expect(smtp.mails.length).toBe(mailsBefore);
    expect(push.received.length).toBe(pushesBefore);

    // Quiet hours around the present local time: the critical alert waits until they end.
    const vnNow = (Math.floor(Date.now() / 60_000) + 7 * 60) % 1440;
    const hhmm = (m: number) =>
      `${String(Math.floor(((m + 1440) % 1440) / 60)).padStart(2, '0')}:${String((m + 1440) % 60).padStart(2, '0')}`;
    await call(
      'PUT',
      '/api/v1/me/notification-preferences',
      {
        email: false,
        push: true,
        minSeverity: 'info',
        quietHours: { start: hhmm(vnNow - 60), end: hhmm(vnNow + 60) },
      },
      lan.token,
    );
    await assign(null);
    await assign(`user:${lan.username}`);
    const held = (await history()).filter(
      (r) => r.channel === 'push' && r.target === device.json.endpoint,
    );
    expect(held).toEqual([expect.objectContaining({ status: 'pending' })]);
    const due = new Date(held[0]?.nextAt ?? 0).getTime();
    expect(due).toBeGreaterThan(Date.now() + 55 * 60_000);
    expect(due).toBeLessThan(Date.now() + 61 * 60_000);
    expect(push.received.length).toBe(pushesBefore);
    expect(smtp.mails.length).toBe(mailsBefore);
  });
});
