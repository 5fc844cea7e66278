/**
 * Plan tasks and the reporting cycle as the platform wires them to its live side: a progress
 * post and a report step reach WebSocket subscribers, and the task_overdue / report_late alert
 * rules watch the real catalogue tasks and reporting periods (not fakes), opening an alert per
 * late item and resolving it once the task is done or the report submitted. Embedded mode,
 * access control on, the platform's clock set to 16 December 2026 (a day after the window).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertViewWire as AlertView, TaskListResponse, WsServerMessage } from '@ioc/contracts';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { openWs, type TestWsClient } from '../support/ws';

const WARD = '20314';
const NOW = new Date('2026-12-16T02:00:00Z'); // 09:00 in Việt Nam

describe('tasks and reports on the live side, wired (embedded, access control on)', () => {
  let platform: TestPlatform;
  const tokens: Record<string, string> = {};
  const sockets: TestWsClient[] = [];
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the JSON shape
  const api = <T>(method: string, path: string, who: string, body?: unknown) =>
    callApi(platform.httpUrl, method, path, tokens[who] ?? null, body) as Promise<{
      status: number;
      body: T;
    }>;
  const subscribe = async (who: string, channel: string) => {
    const s = await openWs(platform.httpUrl);
    sockets.push(s);
    s.send({ type: 'auth', token: tokens[who] });
    s.send({ type: 'subscribe', channels: [channel] });
    await s.next((m) => m.type === 'subscribed');
    return s;
  };
  const activeAlerts = async (rule: string) =>
    (await api<{ items: AlertView[] }>('GET', `/api/v1/alerts?rule=${rule}&status=active`, 'admin'))
      .body.items;
  const createRule = async (body: Record<string, unknown>) => {
    const r = await api<{ id: string }>('POST', '/api/v1/alert-rules', 'admin', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ clock: () => NOW });
    // The test runs the passes itself, so a timer's pass cannot race its assertions.
    await platform.ctx.live.work.stop();
    tokens.admin = platform.adminToken;
    tokens.provinceOperator = await platform.loginAs('province_operator', ['48']);
    tokens.provinceLeader = await platform.loginAs('province_leader', ['48']);
    tokens.wardOperator = await platform.loginAs('ward_operator', [WARD]);
    tokens.wardLeader = await platform.loginAs('ward_leader', [WARD]);
    const schedule = await api('POST', '/api/v1/reports/schedules', 'admin', { unitCode: WARD });
    expect(schedule.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await platform.dispose();
  });

  it('opens one alert per overdue catalogue task and resolves it when the task is done', async () => {
    const overdue = await api<TaskListResponse>(
      'GET',
      '/api/v1/tasks?unit=48&status=overdue&limit=500',
      'admin',
    );
    expect(overdue.status).toBe(200);
    const late = overdue.body.items;
    // Kế hoạch 63 dates many tasks 2025: on 16/12/2026 they are overdue unless reported done.
    expect(late.length).toBeGreaterThan(10);
    const rule = await createRule({
      name: 'Nhiệm vụ quá hạn',
      kind: 'task_overdue',
      scope: { unitCodes: ['48'] },
      severity: 'warning',
    });
    await platform.ctx.live.work.tick();
    const opened = await activeAlerts(rule);
    expect(opened.map((a) => a.deviceId).sort()).toEqual(late.map((t) => `task:${t.id}`).sort());
    await platform.ctx.live.work.tick();
    expect(await activeAlerts(rule)).toHaveLength(late.length);

    const province = await subscribe('provinceLeader', 'unit:48');
    const done = late[0]!;
    const post = await api('POST', `/api/v1/tasks/${done.id}/progress`, 'provinceOperator', {
      progress: 100,
      note: 'Đã hoàn thành, báo cáo kèm theo',
    });
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    const pushed = await province.next(
      (m: WsServerMessage) => m.type === 'task' && m.task.taskId === done.id,
    );
    expect(pushed).toMatchObject({ channel: 'unit:48', task: { status: 'done', progress: 100 } });

    await platform.ctx.live.work.tick();
    const still = await activeAlerts(rule);
    expect(still).toHaveLength(late.length - 1);
    expect(still.some((a) => a.deviceId === `task:${done.id}`)).toBe(false);
  });

  it('opens an alert for the ward that missed the 15th and resolves it once it submits', async () => {
    const rule = await createRule({
      name: 'Báo cáo trễ hạn',
      kind: 'report_late',
      scope: { unitCodes: [WARD] },
      severity: 'warning',
    });
    await platform.ctx.live.work.tick();
    const [alert, ...more] = await activeAlerts(rule);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ deviceId: `report:${WARD}:-:2026-11`, unitCode: WARD });
    expect(alert?.message).toContain('kỳ 2026-11');

    const ward = await subscribe('wardLeader', `unit:${WARD}`);
    const periods = await api<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/reports/periods?unit=${WARD}&period=2026-11`,
      'wardOperator',
    );
    expect(periods.body.items).toHaveLength(1);
    const id = periods.body.items[0]!.id;
    const submitted = await api('POST', `/api/v1/reports/periods/${id}/submit`, 'wardOperator', {});
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const pushed = await ward.next(
      (m: WsServerMessage) => m.type === 'report' && m.report.periodId === id,
    );
    expect(pushed).toMatchObject({ report: { state: 'submitted', unitCode: WARD } });

    await platform.ctx.live.work.tick();
    expect(await activeAlerts(rule)).toEqual([]);
  });
});
