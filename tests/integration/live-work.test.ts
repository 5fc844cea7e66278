import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  wsServerMessageSchema,
  type ReportChanged,
  type TaskChanged,
  type WsServerMessage,
} from '@ioc/contracts';
import { WorkAlerts, type AlertView, type WorkSignal } from '@ioc/live';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';
import { openWs, type TestWsClient } from '../support/ws';

/**
 * Plan tasks and report periods on the live side: their WebSocket messages on the unit channels
 * (ward and province), and `task_overdue` / `report_late` alert rules driven by a WorkSignals
 * port (fake here: the tasks and reporting services plug the real one in) and a set clock.
 */

interface Hook {
  url: string;
  events: { event: string; alert: AlertView }[];
  server: Server;
}

async function webhookServer(): Promise<Hook> {
  const hook: Hook = { url: '', events: [], server: createServer() };
  hook.server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hook.events.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Hook['events'][0]);
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve));
  hook.url = `http://127.0.0.1:${String((hook.server.address() as AddressInfo).port)}/hook`;
  return hook;
}

describe('plan tasks and reports on the live side (embedded)', () => {
  let platform: TestPlatform;
  let hook: Hook;
  const sockets: TestWsClient[] = [];

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the JSON shape
  async function api<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await platform.api(path, {
      method,
      headers: body !== undefined ? { 'content-type': 'application/json' } : {},
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  async function ws(channel: string): Promise<TestWsClient> {
    const s = await openWs(platform.httpUrl, '/ws', platform.adminToken);
    sockets.push(s);
    s.send({ type: 'subscribe', channels: [channel] });
    await s.next((m) => m.type === 'subscribed');
    return s;
  }

  const active = async (rule: string) =>
    (await api<{ items: AlertView[] }>('GET', `/api/v1/alerts?rule=${rule}&status=active`)).body
      .items;

  beforeAll(async () => {
    platform = await startTestPlatform();
    hook = await webhookServer();
    platform.ctx.live.notifier.configure({ backoffBaseMs: 150, tickMs: 100 });
    // The platform's own pass watches nothing (no signals plugged in) and would resolve what
    // the pass under test opens.
    await platform.ctx.live.work.stop();
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await platform.dispose();
    hook.server.close();
  });

  it('sends task and report changes to the ward’s and the province’s unit channels only', async () => {
    const ward = await ws('unit:20314');
    const province = await ws('unit:48');
    const other = await ws('unit:20305');
    const task: TaskChanged = {
      taskId: '41',
      code: 'DN-57-041',
      leadUnitCode: '20314',
      status: 'in_progress',
      progress: 60,
      updatedAt: new Date().toISOString(),
    };
    const report: ReportChanged = {
      periodId: '9',
      unitCode: '20314',
      officeId: null,
      period: '2026-10',
      state: 'submitted',
      late: false,
    };
    platform.ctx.live.taskChanged([task]);
    platform.ctx.live.reportChanged([report]);

    for (const [client, channel] of [
      [ward, 'unit:20314'],
      [province, 'unit:48'],
    ] as const) {
      const t = await client.next((m) => m.type === 'task');
      const r = await client.next((m) => m.type === 'report');
      expect(wsServerMessageSchema.parse(t)).toMatchObject({ type: 'task', channel, task });
      expect(wsServerMessageSchema.parse(r)).toMatchObject({ type: 'report', channel, report });
    }
    // The pushes were sent before this ping; another ward's client answers it with nothing else.
    other.send({ type: 'ping' });
    await other.next((m) => m.type === 'pong');
    expect(other.messages.map((m: WsServerMessage) => m.type)).toEqual([
      'authenticated',
      'subscribed',
      'pong',
    ]);
  });

  it('opens one alert per overdue task and late report, not per tick, and resolves it when gone', async () => {
    const bad = await api<{ error: { code: string } }>('POST', '/api/v1/alert-rules', {
      name: 'x',
      kind: 'report_late',
      params: { graceDays: -1 },
    });
    expect(bad.status).toBe(400);

    const taskRule = await api<{ id: string; params: { graceDays: number } }>(
      'POST',
      '/api/v1/alert-rules',
      {
        name: 'Nhiệm vụ quá hạn',
        kind: 'task_overdue',
        scope: { unitCodes: ['48'] },
        severity: 'critical',
        webhookUrl: hook.url,
      },
    );
    expect(taskRule.status).toBe(201);
    expect(taskRule.body.params).toEqual({ graceDays: 0 });
    const reportRule = await api<{ id: string }>('POST', '/api/v1/alert-rules', {
      name: 'Báo cáo trễ hạn',
      kind: 'report_late',
      scope: { unitCodes: ['20314'] },
      params: { graceDays: 2 },
    });
    expect(reportRule.status).toBe(201);

    let now = new Date('2026-11-16T01:00:00Z');
    let tasks: WorkSignal[] = [
      { key: 'task:DN-1', unitCode: '20314', title: 'Số hoá hồ sơ', dueDate: '2026-11-10' },
      { key: 'task:DN-2', unitCode: '20305', title: 'Lắp camera', dueDate: '2026-10-31' },
    ];
    let reportsFail = false;
    const reports: WorkSignal[] = [
      {
        key: 'report:20314:2026-10',
        unitCode: '20314',
        title: 'Phường 20314',
        dueDate: '2026-11-15',
      },
    ];
    const sunk: AlertView[] = [];
    const pass = new WorkAlerts(
      platform.ctx.pool,
      {
        overdueTasks: () => Promise.resolve(tasks),
        lateReports: () =>
          reportsFail ? Promise.reject(new Error('reporting down')) : Promise.resolve(reports),
        overdueCitizenReports: () => Promise.resolve([]),
        overdueDossiers: () => Promise.resolve([]),
      },
      () => platform.ctx.live.engine.activeRules(),
      platform.ctx.units,
      (a) => sunk.push(a),
      platform.ctx.live.notifier,
      { warn: () => undefined, error: () => undefined, log: () => undefined },
      {},
      () => now,
    );

    expect(await pass.tick()).toBe(2);
    const opened = await active(taskRule.body.id);
    expect(opened.map((a) => [a.deviceId, a.unitCode, a.severity, a.value]).sort()).toEqual([
      ['task:DN-1', '20314', 'critical', 6],
      ['task:DN-2', '20305', 'critical', 16],
    ]);
    expect(opened.find((a) => a.deviceId === 'task:DN-1')?.message).toBe(
      'Nhiệm vụ quá hạn: nhiệm vụ “Số hoá hồ sơ” quá hạn 6 ngày (hạn 10/11/2026)',
    );
    // The report is one day late: within its rule's two days of grace.
    expect(await active(reportRule.body.id)).toEqual([]);

    expect(await pass.tick()).toBe(0);
    expect(await active(taskRule.body.id)).toHaveLength(2);

    // An operator resolves one while the task is still overdue: the timer does not reopen it.
    const dn1 = opened.find((a) => a.deviceId === 'task:DN-1')!;
    const resolved = await api<AlertView>('POST', `/api/v1/alerts/${dn1.id}/resolve`, {
      reason: 'Đã nhắc đơn vị',
    });
    expect(resolved.body.status).toBe('resolved');
    expect(await pass.tick()).toBe(0);

    now = new Date('2026-11-18T01:00:00Z');
    tasks = tasks.filter((t) => t.key !== 'task:DN-2');
    expect(await pass.tick()).toBe(2);
    const late = await active(reportRule.body.id);
    expect(late.map((a) => [a.deviceId, a.value, a.message])).toEqual([
      [
        'report:20314:2026-10',
        3,
        'Báo cáo trễ hạn: Phường 20314 chưa nộp báo cáo, trễ hạn 3 ngày (hạn 15/11/2026)',
      ],
    ]);
    expect((await active(taskRule.body.id)).map((a) => a.deviceId)).toEqual([]);
    const dn2 = opened.find((a) => a.deviceId === 'task:DN-2')!;
    const trail = await api<{ items: { action: string; actor: string }[] }>(
      'GET',
      `/api/v1/alerts/${dn2.id}/audit`,
    );
    expect(trail.body.items.map((e) => [e.action, e.actor])).toEqual([
      ['open', 'rule-engine'],
      ['resolve', 'rule-engine'],
    ]);

    // The reporting source fails: its alerts stay as they are instead of all resolving.
    reportsFail = true;
    expect(await pass.tick()).toBe(0);
    expect(await active(reportRule.body.id)).toHaveLength(1);

    expect(sunk.map((a) => [a.deviceId, a.status])).toEqual([
      ['task:DN-1', 'open'],
      ['task:DN-2', 'open'],
      ['task:DN-2', 'resolved'],
      ['report:20314:2026-10', 'open'],
    ]);
    // The task rule's webhook heard both openings.
    await waitFor(() => (hook.events.length >= 2 ? true : undefined), 5000, 'webhook');
    expect(hook.events.map((e) => [e.event, e.alert.deviceId]).sort()).toEqual([
      ['alert.opened', 'task:DN-1'],
      ['alert.opened', 'task:DN-2'],
    ]);
  });
});
