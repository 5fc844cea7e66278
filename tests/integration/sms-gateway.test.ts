/**
 * Issue 20.2, item 4: the SMS/Zalo gateway by webhook template. A person with a phone number
 * who turned SMS on gets the alert assigned to them as the administrator's body template says
 * (mustache over the alert's fields), POSTed to a local HTTP receiver standing in for the gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../support/mail';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const WARD = '20314';

describe('SMS/Zalo gateway by body template', () => {
  let gateway: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let platform: TestPlatform;
  let token = '';
  let alertId = '';

  const call = async (method: string, path: string, body?: unknown, as?: string) => {
    const res = await platform.api(
      path,
      {
        method,
        ...(body !== undefined
          ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
          : {}),
      },
      as,
    );
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };

  beforeAll(async () => {
    gateway = await startWebhookReceiver();
    platform = await startTestPlatform({
      SMS_GATEWAY_URL: gateway.url,
      SMS_GATEWAY_TEMPLATE:
        '{"phone":"{{phone}}","template_id":"ioc-alert","template_data":{"ma_canh_bao":"{{alertId}}","noi_dung":"{{what}}","gia_tri":"{{value}}","lien_ket":"{{link}}"}}',
    });
    token = await platform.loginAs('ward_operator', [WARD], 'hung.hoaxuan');
    const me = (await call('GET', '/api/v1/auth/me', undefined, token)).body as { id: string };
    const bad = await call('PATCH', `/api/v1/users/${me.id}`, { phone: '0912' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { details: { issues: [{ path: 'phone' }] } } });
    const ok = await call('PATCH', `/api/v1/users/${me.id}`, { phone: '+84 912 345 678' });
    expect(ok.body).toMatchObject({ phone: '+84912345678' });
    const rule = await call('POST', '/api/v1/alert-rules', {
      name: 'Mực nước vượt báo động II',
      kind: 'threshold',
      severity: 'critical',
      params: { metric: 'water_level', comparator: '>', value: 1.2 },
      scope: { unitCodes: [WARD] },
    });
    expect(rule.status).toBe(201);
    const device = await platform.addDevice({
      id: 'sms-wl-1',
      kind: 'water_level',
      unitCode: WARD,
    });
    const reading = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device}`, 'content-type': 'application/json' },
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
    await gateway.close();
  });

  it('sends nothing until the person turns SMS on, then the rendered template', async () => {
    const assign = async (assignee: string | null) => {
      const res = await call('POST', `/api/v1/alerts/${alertId}/assign`, { assignee });
      expect(res.status).toBe(200);
      await platform.ctx.live.idle();
    };
    await assign('user:hung.hoaxuan');
    expect(gateway.bodies).toHaveLength(0);

    const prefs = { email: true, push: true, sms: true, minSeverity: 'info', quietHours: null };
    expect((await call('PUT', '/api/v1/me/notification-preferences', prefs, token)).status).toBe(
      200,
    );
    await assign(null);
    await assign('user:hung.hoaxuan');
    await expect.poll(() => gateway.bodies.length).toBe(1);
    expect(gateway.bodies[0]).toEqual({
      phone: '+84912345678',
      template_id: 'ioc-alert',
      template_data: {
        ma_canh_bao: alertId,
        noi_dung: expect.stringContaining('Mực nước') as unknown,
        gia_tri: '1.75',
        lien_ket: `/tablet#canh-bao-${alertId}`,
      },
    });
    const history = (await call('GET', `/api/v1/alerts/${alertId}/notifications`)).body as {
      items: { channel: string; target: string; status: string }[];
    };
    expect(history.items.filter((r) => r.channel === 'sms')).toEqual([
      expect.objectContaining({ target: '+84912345678', status: 'sent' }),
    ]);
  });
});
