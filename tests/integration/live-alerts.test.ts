import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import type { WsServerMessage } from '@ioc/contracts';
import type { AlertView } from '@ioc/live';
import { postgresAvailable } from '../support/databases';
import { backendFactories, type Backend } from '../support/backends';
import { connectDevice, mosquittoAvailable } from '../support/mqtt';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { testEnv } from '../support/env';
import { expectNotWithin, waitFor } from '../support/wait';
import { openWs, type TestWsClient } from '../support/ws';

/**
 * The alert workflow end to end on real PostgreSQL and Mosquitto (embedded PGlite + Aedes when
 * those are not available): MQTT reading → rule engine → alert row + audit → WebSocket → operator
 * actions over HTTP; escalation by timer; webhook notifications with retries; no-data rules.
 */

const services = (await postgresAvailable()) && (await mosquittoAvailable());

interface Hook {
  url: string;
  received: { event: string; attempt: string; body: { event: string; alert: AlertView } }[];
  failFirst: number;
  server: Server;
}

async function webhookServer(failFirst = 0): Promise<Hook> {
  const hook: Hook = { url: '', received: [], failFirst, server: createServer() };
  let calls = 0;
  hook.server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls++;
      if (calls <= hook.failFirst) {
        res.statusCode = 500;
        res.end('not now');
        return;
      }
      hook.received.push({
        event: String(req.headers['x-ioc-event']),
        attempt: String(req.headers['x-ioc-attempt']),
        body: JSON.parse(
          Buffer.concat(chunks).toString('utf8'),
        ) as Hook['received'][number]['body'],
      });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve));
  hook.url = `http://127.0.0.1:${String((hook.server.address() as AddressInfo).port)}/hook`;
  return hook;
}

function isAlert(m: WsServerMessage, pred: (a: AlertView) => boolean): boolean {
  return m.type === 'alert' && pred(m.alert as AlertView);
}

describe(`alerts — ${services ? 'PostgreSQL + Mosquitto' : 'embedded'}`, () => {
  let platform: TestPlatform;
  let backend: Backend | undefined;
  const devices: MqttClient[] = [];
  const hooks: Hook[] = [];
  const sockets: TestWsClient[] = [];
  const tag = Date.now().toString(36);
  /** Session tokens of the people who work the alerts, by username (the audit trail's actor). */
  const sessions = new Map<string, string>();

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the JSON shape
  async function api<T>(
    method: string,
    path: string,
    body?: unknown,
    username?: string,
  ): Promise<{ status: number; body: T }> {
    const res = await platform.api(
      path,
      {
        method,
        headers: body !== undefined ? { 'content-type': 'application/json' } : {},
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      },
      username === undefined ? undefined : sessions.get(username),
    );
    return { status: res.status, body: (await res.json()) as T };
  }

  async function device(id: string, unitCode = '20314'): Promise<MqttClient> {
    const token = await platform.addDevice({ id, unitCode });
    const c = await connectDevice(platform.mqttUrl, id, token);
    devices.push(c);
    return c;
  }

  async function publish(
    c: MqttClient,
    id: string,
    values: Record<string, number>,
  ): Promise<number> {
    const at = Date.now();
    await c.publishAsync(`ioc/v1/telemetry/${id}`, JSON.stringify({ ts: at, values }), { qos: 1 });
    return at;
  }

  async function ws(channels: string[]): Promise<TestWsClient> {
    const s = await openWs(platform.httpUrl, '/ws', platform.adminToken);
    sockets.push(s);
    s.send({ type: 'subscribe', channels });
    await s.next((m) => m.type === 'subscribed');
    return s;
  }

  beforeAll(async () => {
    if (services)
      backend = await backendFactories()
        .find((f) => f.mode === 'postgres')!
        .create();
    platform = await startTestPlatform(
      services && backend ? { DATABASE_URL: backend.url, MQTT_URL: testEnv.mosquittoUrl } : {},
    );
    // Short retry delays for the webhook test; production backs off from 10 s.
    platform.ctx.live.notifier.configure({ backoffBaseMs: 150, tickMs: 100 });
    for (const [username, role, units] of [
      ['admin.le', 'admin', []],
      ['operator.tran', 'ward_operator', ['20314']],
      ['lead.pham', 'province_operator', ['48']],
      ['operator.vo', 'ward_operator', ['20305']],
    ] as const)
      sessions.set(username, await platform.loginAs(role, [...units], username));
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const d of devices) await d.endAsync().catch(() => undefined);
    await platform.dispose();
    await backend?.dispose();
    for (const h of hooks) h.server.close();
  });

  it('fires, reaches a WebSocket client, is worked by operators, and every transition is audited', async () => {
    const id = `al-${tag}`;
    const hook = await webhookServer();
    hooks.push(hook);
    const created = await api<{ id: string; createdBy: string }>(
      'POST',
      '/api/v1/alert-rules',
      {
        name: 'PM2.5 cao',
        kind: 'threshold',
        params: { metric: 'pm25', comparator: '>', value: 100, clear: 80, uom: 'µg/m³' },
        scope: { deviceIds: [id] },
        severity: 'warning',
        autoResolve: true,
        webhookUrl: hook.url,
      },
      'admin.le',
    );
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toBe('admin.le');
    const rule = created.body.id;

    const client = await ws(['alerts:20314']);
    const province = await ws(['alerts:48']);
    const dev = await device(id);

    // How fast is `npm run bench:live`'s business; here only that it arrives.
    await publish(dev, id, { pm25: 150 });
    const fired = await client.next(
      (m) => isAlert(m, (a) => a.ruleId === rule && a.status === 'open'),
      15_000,
    );
    const alert = (fired as { alert: AlertView }).alert;
    expect(alert).toMatchObject({
      deviceId: id,
      unitCode: '20314',
      severity: 'warning',
      value: 150,
      status: 'open',
      ruleName: 'PM2.5 cao',
      // The catalogue's name and printed unit, not the code the device sent.
      message: 'PM2.5 cao: Bụi PM2.5 = 150 µg/m³ (ngưỡng > 100 µg/m³)',
    });
    await province.next((m) => isAlert(m, (a) => a.id === alert.id));

    // A repeat of the condition updates the same alert; it does not open another.
    await publish(dev, id, { pm25: 160 });
    await platform.ctx.live.idle();
    const active = await api<{ items: AlertView[] }>(
      'GET',
      `/api/v1/alerts?rule=${rule}&status=active`,
    );
    expect(active.body.items.map((a) => a.id)).toEqual([alert.id]);

    const ack = await api<AlertView>(
      'POST',
      `/api/v1/alerts/${alert.id}/acknowledge`,
      undefined,
      'operator.tran',
    );
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('acknowledged');
    await client.next((m) => isAlert(m, (a) => a.id === alert.id && a.status === 'acknowledged'));

    expect(
      (
        await api(
          'POST',
          `/api/v1/alerts/${alert.id}/note`,
          { text: 'Đã cử cán bộ kiểm tra' },
          'operator.tran',
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await api(
          'POST',
          `/api/v1/alerts/${alert.id}/assign`,
          { assignee: 'department:so-tnmt' },
          'lead.pham',
        )
      ).status,
    ).toBe(200);
    expect(
      (await api('POST', `/api/v1/alerts/${alert.id}/start`, undefined, 'operator.tran')).status,
    ).toBe(200);
    // Illegal move: a started alert cannot be acknowledged again.
    const illegal = await api<{ error: { code: string } }>(
      'POST',
      `/api/v1/alerts/${alert.id}/acknowledge`,
      undefined,
      'operator.tran',
    );
    expect(illegal.status).toBe(409);
    expect(illegal.body.error.code).toBe('ALERT_ILLEGAL_TRANSITION');

    // The condition clears (below the hysteresis level): the rule resolves it on its own.
    await publish(dev, id, { pm25: 70 });
    await client.next((m) => isAlert(m, (a) => a.id === alert.id && a.status === 'resolved'), 5000);
    expect(
      (await api('POST', `/api/v1/alerts/${alert.id}/close`, undefined, 'lead.pham')).status,
    ).toBe(200);

    const detail = await api<
      AlertView & { notes: { author: string; text: string }[]; assignee: string }
    >('GET', `/api/v1/alerts/${alert.id}`);
    expect(detail.body.status).toBe('closed');
    expect(detail.body.assignee).toBe('department:so-tnmt');
    expect(detail.body.notes).toEqual([
      expect.objectContaining({ author: 'operator.tran', text: 'Đã cử cán bộ kiểm tra' }),
    ]);

    const audit = await api<{
      items: {
        action: string;
        actor: string;
        actorKind: string;
        at: string;
        detail: { from: string | null; to: string };
      }[];
    }>('GET', `/api/v1/alerts/${alert.id}/audit`);
    const trail = audit.body.items.filter((e) => e.action !== 'update');
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['open', 'rule-engine'],
      ['acknowledge', 'operator.tran'],
      ['note', 'operator.tran'],
      ['assign', 'lead.pham'],
      ['start', 'operator.tran'],
      ['resolve', 'rule-engine'],
      ['close', 'lead.pham'],
    ]);
    expect(trail.map((e) => [e.detail.from, e.detail.to])).toEqual([
      [null, 'open'],
      ['open', 'acknowledged'],
      ['acknowledged', 'acknowledged'],
      ['acknowledged', 'acknowledged'],
      ['acknowledged', 'in_progress'],
      ['in_progress', 'resolved'],
      ['resolved', 'closed'],
    ]);
    const times = audit.body.items.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // The audit trail is append-only, even for the application's own database user.
    await expect(
      platform.ctx.pool.query('DELETE FROM audit_log WHERE target_id = $1', [alert.id]),
    ).rejects.toThrow(/append-only/);

    // The webhook heard the opening (the value change within the level is not a notification).
    await waitFor(() => (hook.received.length > 0 ? true : undefined), 5000, 'webhook');
    expect(hook.received.map((r) => r.event)).toEqual(['alert.opened']);
    expect(hook.received[0]?.body.alert.id).toBe(alert.id);
  });

  it('escalates an alert nobody acknowledges and notifies again', async () => {
    const id = `es-${tag}`;
    const hook = await webhookServer();
    hooks.push(hook);
    const rule = await api<{ id: string }>('POST', '/api/v1/alert-rules', {
      name: 'Mực nước báo động',
      kind: 'levels',
      params: { metric: 'water_level', steps: [{ value: 2 }, { value: 3 }, { value: 4 }] },
      scope: { deviceIds: [id] },
      escalateAfterMin: 0.02,
      webhookUrl: hook.url,
    });
    expect(rule.status).toBe(201);
    const client = await ws(['alerts']);
    const dev = await device(id, '20305');
    await publish(dev, id, { water_level: 2.4 });
    const opened = await client.next(
      (m) => isAlert(m, (a) => a.ruleId === rule.body.id && a.status === 'open'),
      5000,
    );
    const alert = (opened as { alert: AlertView }).alert;
    expect(alert.severity).toBe('warning');
    expect(alert.level).toBe(1);
    const escalated = await client.next(
      (m) => isAlert(m, (a) => a.id === alert.id && a.escalations === 1),
      6000,
    );
    expect((escalated as { alert: AlertView }).alert.severity).toBe('critical');
    await waitFor(
      () => (hook.received.some((r) => r.event === 'alert.escalated') ? true : undefined),
      5000,
      'escalation webhook',
    );
    const audit = await api<{
      items: {
        action: string;
        actor: string;
        detail: { severityFrom?: string; severityTo?: string };
      }[];
    }>('GET', `/api/v1/alerts/${alert.id}/audit`);
    const esc = audit.body.items.find((e) => e.action === 'escalate');
    expect(esc).toMatchObject({
      actor: 'rule-engine',
      detail: { severityFrom: 'warning', severityTo: 'critical' },
    });
    // Acknowledging stops the clock.
    await api('POST', `/api/v1/alerts/${alert.id}/acknowledge`, undefined, 'operator.vo');
    const before = (await api<AlertView>('GET', `/api/v1/alerts/${alert.id}`)).body.escalations;
    // Nothing to wait on for "no escalation": watch for two escalation periods (0.02 min each).
    await expectNotWithin(
      async () =>
        (await api<AlertView>('GET', `/api/v1/alerts/${alert.id}`)).body.escalations !== before,
      2500,
      'an escalation of the acknowledged alert',
    );
  });

  it('retries a failing webhook with backoff and shows every attempt', async () => {
    const id = `wh-${tag}`;
    const hook = await webhookServer(2);
    hooks.push(hook);
    const rule = await api<{ id: string }>('POST', '/api/v1/alert-rules', {
      name: 'Ồn vượt ngưỡng',
      kind: 'threshold',
      params: { metric: 'noise_laeq', comparator: '>=', value: 70 },
      scope: { deviceIds: [id] },
      webhookUrl: hook.url,
    });
    const dev = await device(id);
    await publish(dev, id, { noise_laeq: 85 });
    const alertId = await waitFor(async () => {
      const r = await api<{ items: AlertView[] }>('GET', `/api/v1/alerts?rule=${rule.body.id}`);
      return r.body.items[0]?.id;
    }, 5000);
    await waitFor(() => (hook.received.length > 0 ? true : undefined), 8000, 'third attempt');
    expect(hook.received[0]?.attempt).toBe('3');
    const attempts = await api<{
      items: { attempt: number; status: string; error: string | null; event: string }[];
    }>('GET', `/api/v1/alerts/${alertId}/notifications`);
    expect(attempts.body.items.map((a) => [a.attempt, a.status, a.error])).toEqual([
      [1, 'failed', 'HTTP 500'],
      [2, 'failed', 'HTTP 500'],
      [3, 'sent', null],
    ]);
    expect(attempts.body.items.every((a) => a.event === 'alert.opened')).toBe(true);
  });

  it('raises a no-data alert on the timer and clears it when the device reports', async () => {
    const id = `nd-${tag}`;
    const rule = await api<{ id: string }>('POST', '/api/v1/alert-rules', {
      name: 'Mất tín hiệu',
      kind: 'no_data',
      params: { factor: 1 },
      scope: { deviceIds: [id] },
      severity: 'warning',
    });
    const dev = await device(id);
    await platform.ctx.pool.query(
      "UPDATE device SET expected_interval_s = 1, name = 'Trạm bụi chợ Hàn' WHERE id = $1",
      [id],
    );
    platform.ctx.live.engine.configure({ silenceTickMs: 250 });
    const client = await ws(['alerts:20314']);
    const opened = await client.next(
      (m) => isAlert(m, (a) => a.ruleId === rule.body.id && a.status === 'open'),
      6000,
    );
    expect((opened as { alert: AlertView }).alert).toMatchObject({
      deviceId: id,
      message: expect.stringContaining(`thiết bị Trạm bụi chợ Hàn (${id})`) as unknown,
    });
    await publish(dev, id, { pm25: 10 });
    await client.next(
      (m) => isAlert(m, (a) => a.ruleId === rule.body.id && a.status === 'resolved'),
      5000,
    );
    platform.ctx.live.engine.configure({ silenceTickMs: 15_000 });
  });

  it('validates rules and lets an administrator change them', async () => {
    const bad = await api<{ error: { code: string; message: string } }>(
      'POST',
      '/api/v1/alert-rules',
      {
        name: 'x',
        kind: 'threshold',
        params: { metric: 'pm25', comparator: '>', value: 50, clear: 60 },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('RULE_INVALID');
    const ok = await api<{ id: string; params: { value: number; comparator: string } }>(
      'POST',
      '/api/v1/alert-rules',
      {
        id: `r-${tag}`,
        name: 'PM10',
        kind: 'threshold',
        params: { metric: 'pm10', comparator: '>', value: 150 },
      },
    );
    expect(ok.status).toBe(201);
    expect(ok.body.id).toBe(`r-${tag}`);
    const patched = await api<{ params: { value: number; comparator: string }; enabled: boolean }>(
      'PATCH',
      `/api/v1/alert-rules/r-${tag}`,
      { params: { value: 200 }, enabled: false },
      'admin.le',
    );
    expect(patched.status).toBe(200);
    expect(patched.body.params).toMatchObject({ value: 200, comparator: '>' });
    expect(patched.body.enabled).toBe(false);
    expect((await api('PATCH', `/api/v1/alert-rules/r-${tag}`, { kind: 'rate' })).status).toBe(400);
    expect((await api('GET', '/api/v1/alert-rules/nope')).status).toBe(404);
    const list = await api<{ items: { id: string }[] }>('GET', '/api/v1/alert-rules?enabled=false');
    expect(list.body.items.map((r) => r.id)).toContain(`r-${tag}`);
    expect((await api('GET', '/api/v1/alerts/not-a-uuid')).status).toBe(404);
    expect(
      (await api('POST', '/api/v1/alerts/00000000-0000-0000-0000-000000000000/acknowledge')).status,
    ).toBe(404);
  });
});

describe('alerts and the caller’s scope (embedded)', () => {
  let platform: TestPlatform;
  const tag = `ac${Date.now().toString(36)}`;

  async function call(method: string, path: string, token: string | null, body?: unknown) {
    const res = await fetch(`${platform.httpUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    platform = await startTestPlatform();
  });

  afterAll(async () => {
    await platform.dispose();
  });

  it('takes the actor from the session, scopes alerts and rollups to the caller’s units', async () => {
    const id = `${tag}-dev`;
    await platform.addDevice({ id, unitCode: '20314' });
    expect((await call('POST', '/api/v1/alert-rules', null, {})).status).toBe(401);
    const here = await platform.loginAs('ward_operator', ['20314']);
    const elsewhere = await platform.loginAs('ward_operator', ['20305']);
    expect(
      (
        await call('POST', '/api/v1/alert-rules', here, {
          name: 'x',
          kind: 'threshold',
          params: { metric: 'pm25', comparator: '>', value: 1 },
        })
      ).status,
    ).toBe(403);
    const rule = await call('POST', '/api/v1/alert-rules', platform.adminToken, {
      name: 'PM2.5',
      kind: 'threshold',
      params: { metric: 'pm25', comparator: '>', value: 100 },
      scope: { deviceIds: [id] },
    });
    expect(rule.status).toBe(201);
    await platform.ctx.writer.enqueue([
      { time: new Date(), deviceId: id, metric: 'pm25', value: 150, unitCode: '20314' },
    ]);
    await platform.ctx.live.idle();
    const list = await call('GET', '/api/v1/alerts?unit=20314&status=active', here);
    expect(list.status).toBe(200);
    const alertId =
      (list.body.items as AlertView[]).find((a) => a.ruleId === rule.body.id)?.id ?? '';
    expect(alertId).not.toBe('');

    expect((await call('GET', `/api/v1/alerts/${alertId}`, elsewhere)).status).toBe(403);
    expect((await call('POST', `/api/v1/alerts/${alertId}/acknowledge`, elsewhere)).status).toBe(
      403,
    );
    const ack = await call('POST', `/api/v1/alerts/${alertId}/acknowledge`, here);
    expect(ack.status).toBe(200);
    const audit = await call('GET', `/api/v1/alerts/${alertId}/audit`, here);
    const entry = (audit.body.items as { action: string; actor: string; actorKind: string }[]).find(
      (e) => e.action === 'acknowledge',
    );
    expect(entry?.actor).toMatch(/^t-ward-operator-/);
    expect(entry?.actorKind).toBe('user');

    expect((await call('GET', '/api/v1/rollups?unit=20314&bucket=1h', null)).status).toBe(401);
    expect((await call('GET', '/api/v1/rollups?unit=20314&bucket=1h', here)).status).toBe(200);
    expect((await call('GET', '/api/v1/rollups?unit=48&bucket=1h', here)).status).toBe(403);
    expect((await call('GET', `/api/v1/rollups?device=${id}&bucket=1h`, elsewhere)).status).toBe(
      403,
    );
    expect((await call('GET', '/api/v1/fleet?unit=20305', here)).status).toBe(403);
    expect((await call('GET', '/api/v1/aqi?unit=20314', here)).status).toBe(200);
  });
});
