/**
 * Issue 20.2, assign an alert to a person: `GET /api/v1/alerts/{id}/assignable-people` offers the
 * active accounts whose scope covers the alert's unit (the ward itself or the province above
 * it) — not a neighbouring ward's, not a disabled account, never their e-mail or phone — to the
 * roles that may assign it; the unit comes from the alert itself, so a missing alert is a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const WARD = '20314';
const OTHER_WARD = '20320';
const PROVINCE = '48';

interface Person {
  username: string;
  displayName: string;
  role: string;
}

describe('people an alert may be assigned to', () => {
  let platform: TestPlatform;
  let alertId = '';
  const tag = Date.now().toString(36);
  const name = (who: string) => `${who}-${tag}`;
  const tokens: Record<string, string> = {};

  const get = async (path: string, token: string) => {
    const res = await platform.api(path, {}, token);
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };
  const people = async (token: string, id = alertId) =>
    get(`/api/v1/alerts/${encodeURIComponent(id)}/assignable-people`, token);

  beforeAll(async () => {
    platform = await startTestPlatform();
    tokens['operator'] = await platform.loginAs('ward_operator', [WARD], name('op'));
    tokens['leader'] = await platform.loginAs('ward_leader', [WARD], name('lead'));
    tokens['neighbour'] = await platform.loginAs('ward_operator', [OTHER_WARD], name('nb'));
    tokens['province'] = await platform.loginAs('province_operator', [PROVINCE], name('prov'));
    tokens['provinceLeader'] = await platform.loginAs('province_leader', [PROVINCE], name('pl'));
    await platform.loginAs('ward_operator', [WARD], name('gone'));
    const users = (await get('/api/v1/users', platform.adminToken)).body as {
      items: { id: string; username: string }[];
    };
    const gone = users.items.find((u) => u.username === name('gone'));
    const disable = await platform.api(`/api/v1/users/${gone?.id ?? ''}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disable.status).toBe(200);

    const rule = await platform.api('/api/v1/alert-rules', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'PM2.5 vượt 50',
        kind: 'threshold',
        severity: 'warning',
        params: { metric: 'pm25', comparator: '>', value: 50 },
        scope: { unitCodes: [WARD] },
      }),
    });
    expect(rule.status).toBe(201);
    const device = await platform.addDevice({ id: name('aq'), unitCode: WARD });
    const reading = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device}`, 'content-type': 'application/json' },
      body: JSON.stringify({ values: { pm25: 88 } }),
    });
    expect(reading.status).toBe(202);
    await platform.ctx.live.idle();
    const list = (await get(`/api/v1/alerts?unit=${WARD}&status=active`, platform.adminToken))
      .body as { items: { id: string }[] };
    alertId = list.items[0]?.id ?? '';
    expect(alertId).not.toBe('');
  });

  afterAll(async () => {
    await platform.dispose();
  });

  it("offers the ward's and the province's active people, without their contact details", async () => {
    const res = await people(tokens['operator'] ?? '');
    expect(res.status).toBe(200);
    const items = (res.body as { items: Person[] }).items;
    const mine = items.map((p) => p.username).filter((u) => u.endsWith(tag));
    expect(mine.sort()).toEqual([name('lead'), name('op'), name('pl'), name('prov')].sort());
    // A neighbouring ward's operator and a disabled account are not offered.
    expect(mine).not.toContain(name('nb'));
    expect(mine).not.toContain(name('gone'));
    for (const p of items)
      expect(Object.keys(p).sort()).toEqual(['displayName', 'role', 'username']);
    expect(items.find((p) => p.username === name('prov'))?.role).toBe('province_operator');
  });

  it('answers a province operator the same people', async () => {
    const res = await people(tokens['province'] ?? '');
    expect(res.status).toBe(200);
    const names = (res.body as { items: Person[] }).items.map((p) => p.username);
    expect(names).toContain(name('op'));
    expect(names).not.toContain(name('nb'));
  });

  it('refuses roles that may not assign alerts, and a ward outside the alert', async () => {
    for (const who of ['leader', 'provinceLeader']) {
      const res = await people(tokens[who] ?? '');
      expect(res.status, who).toBe(403);
      expect((res.body as { error: { code: string } }).error.code).toBe('FORBIDDEN_ROLE');
    }
    const neighbour = await people(tokens['neighbour'] ?? '');
    expect(neighbour.status).toBe(403);
    expect((neighbour.body as { error: { code: string } }).error.code).toBe('FORBIDDEN_SCOPE');
  });

  it('answers 404 for an alert that does not exist, not an empty list', async () => {
    for (const token of [platform.adminToken, tokens['province'] ?? '']) {
      const res = await people(token, 'no-such-alert');
      expect(res.status).toBe(404);
    }
  });
});
