/**
 * A station's own báo động levels (QĐ 05/2020/QĐ-TTg): an administrator gives each water-level
 * station its levels I–III over the devices API, one `levels` rule without steps watches every
 * station against its own levels, and a change of a station's levels takes effect on its next
 * reading. Bad levels are refused with the field named; every change is audited. Embedded mode
 * (PGlite + Aedes), access control on, readings over HTTP ingest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView } from '@ioc/live';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';

const WARD = '20314';

interface Issued {
  device: { id: string; alarmLevels: number[] | null };
  token: string;
}

describe("a station's own alarm levels (embedded, access control on)", () => {
  let platform: TestPlatform;
  const tokens = new Map<string, string>();

  const admin = (method: string, path: string, body?: unknown) =>
    callApi(platform.httpUrl, method, path, platform.adminToken, body);

  async function station(id: string, alarmLevels?: number[]): Promise<Issued> {
    const r = await admin('POST', '/api/v1/devices', {
      id,
      kind: 'water_level',
      name: `Trạm mực nước ${id}`,
      unitCode: WARD,
      ...(alarmLevels ? { alarmLevels } : {}),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const issued = r.body as Issued;
    tokens.set(id, issued.token);
    return issued;
  }

  async function reading(id: string, waterLevel: number): Promise<void> {
    const res = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.get(id) ?? ''}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ ts: Date.now(), values: { water_level: waterLevel } }),
    });
    expect(res.status).toBe(202);
    await platform.ctx.live.idle();
  }

  async function activeAlert(ruleId: string, deviceId: string): Promise<AlertView | null> {
    const r = await admin('GET', `/api/v1/alerts?rule=${ruleId}&status=active`);
    const items = (r.body as { items: AlertView[] }).items;
    return items.find((a) => a.deviceId === deviceId) ?? null;
  }

  let ruleId = '';

  beforeAll(async () => {
    platform = await startTestPlatform();
    const rule = await admin('POST', '/api/v1/alert-rules', {
      name: 'Mực nước vượt báo động',
      kind: 'levels',
      // No steps: each station is compared with its own levels.
      params: { metric: 'water_level', direction: 'above', uom: 'm' },
      scope: { deviceKinds: ['water_level'] },
      autoResolve: true,
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    ruleId = (rule.body as { id: string }).id;
  }, 120_000);
  afterAll(async () => {
    await platform.dispose();
  });

  it('registers stations with their levels and shows them back', async () => {
    const cam = await station('wl-cam-le', [1.7, 1.8, 1.88]);
    expect(cam.device.alarmLevels).toEqual([1.7, 1.8, 1.88]);
    const got = await admin('GET', '/api/v1/devices/wl-cam-le');
    expect((got.body as Issued['device']).alarmLevels).toEqual([1.7, 1.8, 1.88]);
    const plain = await station('wl-no-levels');
    expect(plain.device.alarmLevels).toBeNull();
  });

  it('raises each station at its own level: the same 1.85 m is báo động II at one, nothing at another', async () => {
    await station('wl-han-river', [2.5, 3.2, 3.9]);
    await reading('wl-cam-le', 1.85);
    await reading('wl-han-river', 1.85);
    await reading('wl-no-levels', 9.99);
    const alert = await waitFor(() => activeAlert(ruleId, 'wl-cam-le').then((a) => a ?? undefined));
    expect(alert).toMatchObject({ level: 2, severity: 'critical', value: 1.85 });
    expect(alert.message).toContain('Báo động II');
    expect(await activeAlert(ruleId, 'wl-han-river')).toBeNull();
    // A station without levels of its own is skipped by a rule without steps, not guessed at.
    expect(await activeAlert(ruleId, 'wl-no-levels')).toBeNull();

    await reading('wl-han-river', 3.3);
    const han = await waitFor(() =>
      activeAlert(ruleId, 'wl-han-river').then((a) => a ?? undefined),
    );
    expect(han).toMatchObject({ level: 2, severity: 'critical' });
  });

  it("follows a change of a station's levels from its next reading, and audits it", async () => {
    const patched = await admin('PATCH', '/api/v1/devices/wl-cam-le', {
      alarmLevels: [1.9, 2.1, 2.3],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((patched.body as Issued['device']).alarmLevels).toEqual([1.9, 2.1, 2.3]);
    // 1.85 m is now under báo động I: the alert clears itself (autoResolve).
    await reading('wl-cam-le', 1.85);
    await waitFor(() =>
      activeAlert(ruleId, 'wl-cam-le').then((a) => (a === null ? true : undefined)),
    );

    const audit = await platform.ctx.pool.query<{ detail: { changes: Record<string, unknown> } }>(
      "SELECT detail FROM audit_log WHERE action = 'device.update' AND target_id = 'wl-cam-le'",
    );
    expect(audit.rows.map((r) => r.detail.changes['alarmLevels'])).toEqual([
      { from: [1.7, 1.8, 1.88], to: [1.9, 2.1, 2.3] },
    ]);

    // null removes them; the rest of the profile is untouched.
    const cleared = await admin('PATCH', '/api/v1/devices/wl-cam-le', { alarmLevels: null });
    expect((cleared.body as Issued['device']).alarmLevels).toBeNull();
  });

  it('refuses levels out of order, empty, or more than three, naming the field', async () => {
    for (const alarmLevels of [[1.8, 1.7, 1.9], [], [1, 2, 3, 4], [1.7, 1.7]]) {
      const r = await admin('PATCH', '/api/v1/devices/wl-han-river', { alarmLevels });
      expect(r.status).toBe(400);
      const { issues } = (r.body as { error: { details: { issues: { path: string }[] } } }).error
        .details;
      expect(issues.map((i) => i.path.split('.')[0])).toContain('alarmLevels');
    }
    const r = await admin('POST', '/api/v1/devices', {
      id: 'wl-bad',
      kind: 'water_level',
      unitCode: WARD,
      alarmLevels: ['cao'],
    });
    expect(r.status).toBe(400);
    // Nothing of the refused registration is kept.
    expect((await admin('GET', '/api/v1/devices/wl-bad')).status).toBe(404);
    const han = await admin('GET', '/api/v1/devices/wl-han-river');
    expect((han.body as Issued['device']).alarmLevels).toEqual([2.5, 3.2, 3.9]);
  });
});
