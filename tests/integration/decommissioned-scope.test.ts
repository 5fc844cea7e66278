/**
 * A resource the access gate looks up (the device of `?device=` or `/devices/:id`) that is
 * missing or decommissioned must never widen access: a decommissioned device's history stays
 * within its last unit, and a scoped caller naming a device that does not exist is refused and
 * audited like any other scope refusal. Embedded mode, access control on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const WARD = '20314'; // the decommissioned device's ward
const OTHER_WARD = '20275';
const DEVICE = 'sec-dc-1';

describe('missing or decommissioned devices do not widen access (embedded, access control on)', () => {
  let platform: TestPlatform;
  const outsiders = new Map<string, { token: string; actor: string }>();
  let homeLeader = '';

  const api = (path: string, token: string) => callApi(platform.httpUrl, 'GET', path, token);
  const actorOf = async (token: string): Promise<string> => {
    const me = (await api('/api/v1/auth/me', token)).body as {
      kind: string;
      id: string;
      username?: string;
    };
    return me.kind === 'display' ? `display:${me.id}` : (me.username ?? '');
  };
  const deniedRows = async (actor: string, route: string, path: string) =>
    (
      await platform.ctx.pool.query(
        `SELECT 1 FROM audit_log WHERE action = 'access.denied' AND actor = $1 AND target_id = $2
           AND detail->>'path' = $3`,
        [actor, route, path],
      )
    ).rows.length;

  beforeAll(async () => {
    platform = await startTestPlatform();
    const tokens = {
      ward_leader: await platform.loginAs('ward_leader', [OTHER_WARD]),
      ward_operator: await platform.loginAs('ward_operator', [OTHER_WARD]),
      display: await platform.displayToken(OTHER_WARD),
    };
    for (const [name, token] of Object.entries(tokens))
      outsiders.set(name, { token, actor: await actorOf(token) });
    homeLeader = await platform.loginAs('ward_leader', [WARD]);
    const reg = await callApi(platform.httpUrl, 'POST', '/api/v1/devices', platform.adminToken, {
      id: DEVICE,
      kind: 'noise',
      unitCode: WARD,
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const del = await callApi(
      platform.httpUrl,
      'DELETE',
      `/api/v1/devices/${DEVICE}`,
      platform.adminToken,
    );
    expect(del.status).toBe(204);
  }, 120_000);
  afterAll(async () => {
    await platform.dispose();
  });

  it("refuses another ward's callers a decommissioned device's history, and audits it", async () => {
    for (const [name, c] of outsiders) {
      const r = await api(`/api/v1/rollups?device=${DEVICE}&metric=noise_laeq&bucket=1h`, c.token);
      expect({ name, status: r.status, body: r.body }).toMatchObject({
        name,
        status: 403,
        body: { error: { code: 'FORBIDDEN_SCOPE' } },
      });
      expect(await deniedRows(c.actor, 'GET /api/v1/rollups', '/api/v1/rollups'), name).toBe(1);
    }
  });

  it("refuses another ward's callers the decommissioned device itself, and audits it", async () => {
    for (const [name, c] of outsiders) {
      const r = await api(`/api/v1/devices/${DEVICE}`, c.token);
      expect({ name, status: r.status }).toEqual({ name, status: 403 });
      expect(
        await deniedRows(c.actor, 'GET /api/v1/devices/:id', `/api/v1/devices/${DEVICE}`),
        name,
      ).toBe(1);
    }
  });

  it('refuses scoped callers a device that never existed, and audits it', async () => {
    for (const [name, c] of outsiders) {
      const rollups = await api('/api/v1/rollups?device=sec-never-1&metric=noise_laeq', c.token);
      expect({ name, status: rollups.status }).toEqual({ name, status: 403 });
      const detail = await api('/api/v1/devices/sec-never-1', c.token);
      expect({ name, status: detail.status }).toEqual({ name, status: 403 });
      expect(
        await deniedRows(c.actor, 'GET /api/v1/devices/:id', '/api/v1/devices/sec-never-1'),
        name,
      ).toBe(1);
    }
  });

  it("keeps the history readable within the device's last unit and for wider scopes", async () => {
    const path = `/api/v1/rollups?device=${DEVICE}&metric=noise_laeq&bucket=1h`;
    expect((await api(path, homeLeader)).status).toBe(200);
    expect((await api(path, await platform.loginAs('province_leader', ['48']))).status).toBe(200);
    expect((await api(path, platform.adminToken)).status).toBe(200);
    // The device itself is gone for everyone: its own ward gets 404, not a refusal.
    expect((await api(`/api/v1/devices/${DEVICE}`, homeLeader)).status).toBe(404);
    expect((await api('/api/v1/devices/sec-never-1', platform.adminToken)).status).toBe(404);
  });
});
