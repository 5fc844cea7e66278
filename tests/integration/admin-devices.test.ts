/**
 * Devices admin API (onboarding a ward without the CLI) and mobile devices on the live feed:
 * register over HTTP as an administrator, publish over MQTT with the returned token to the
 * embedded broker, see the reading in the unit's device list; rotate (old token refused at once,
 * open sessions ended), move, refusals for other roles and bad bodies; a vessel's position in the
 * WS delta and as its last known lon/lat. Embedded mode (PGlite + Aedes), access control on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import type { DeviceView, ReadingDelta, WsServerMessage } from '@ioc/contracts';
import { connectDevice } from '../support/mqtt';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';
import { openWs } from '../support/ws';

const WARD = '20314';
const OTHER_WARD = '20275';

interface Issued {
  device: DeviceView & { mqttTopic: string; name: string | null };
  token: string;
  placement?: string;
}

describe('devices admin API (embedded, access control on)', () => {
  let platform: TestPlatform;
  let adminName = '';
  const labels = new Map<string, [number, number]>();

  const api = (method: string, path: string, token: string | null, body?: unknown) =>
    callApi(platform.httpUrl, method, path, token, body);
  const admin = (method: string, path: string, body?: unknown) =>
    api(method, path, platform.adminToken, body);
  const label = (code: string): [number, number] => {
    const l = labels.get(code);
    if (!l) throw new Error(`no label point for ${code}`);
    return l;
  };
  const auditRows = async (action: string, target: string) =>
    (
      await platform.ctx.pool.query<{ actor: string; unit_code: string | null; detail: unknown }>(
        'SELECT actor, unit_code, detail FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY id',
        [action, target],
      )
    ).rows;
  const mqttRefused = async (user: string, token: string): Promise<boolean> => {
    try {
      const c = await connectDevice(platform.mqttUrl, user, token);
      await c.endAsync();
      return false;
    } catch {
      return true;
    }
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    for (const code of [WARD, OTHER_WARD]) {
      const u = await platform.ctx.units.get(code);
      if (!u?.label) throw new Error(`demo ward ${code} has no label point`);
      labels.set(code, u.label);
    }
    const me = await api('GET', '/api/v1/auth/me', platform.adminToken);
    adminName = (me.body as { username: string }).username;
  }, 120_000);
  afterAll(async () => {
    await platform.dispose();
  });

  let token = '';
  let session: MqttClient | undefined;

  it('registers a fixed device in the ward containing its position; the token is shown once', async () => {
    const [lon, lat] = label(WARD);
    const r = await admin('POST', '/api/v1/devices', {
      id: 'adm-aq-1',
      kind: 'air_quality',
      name: 'Trạm không khí UBND phường',
      lon,
      lat,
      intervalS: 60,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const issued = r.body as Issued;
    expect(issued.placement).toBe('located');
    expect(issued.device).toMatchObject({
      id: 'adm-aq-1',
      kind: 'air_quality',
      unitCode: WARD,
      lon,
      lat,
      name: 'Trạm không khí UBND phường',
      intervalS: 60,
      mobile: false,
      mqttTopic: 'ioc/v1/telemetry/adm-aq-1',
    });
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    token = issued.token;
    // Stored hashed only; the detail answer never carries it again.
    const { rows } = await platform.ctx.pool.query<{ token_hash: string }>(
      "SELECT token_hash FROM device WHERE id = 'adm-aq-1'",
    );
    expect(rows[0]?.token_hash).not.toBe(token);
    const detail = await admin('GET', '/api/v1/devices/adm-aq-1');
    expect(detail.status).toBe(200);
    expect(JSON.stringify(detail.body)).not.toContain(token);
    const audit = await auditRows('device.register', 'adm-aq-1');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: adminName, unit_code: WARD });
    expect(JSON.stringify(audit[0]?.detail)).not.toContain(token);
  });

  it('stores what the device publishes over MQTT with that token and lists it with its latest value', async () => {
    session = await connectDevice(platform.mqttUrl, 'adm-aq-1', token);
    await session.publishAsync(
      'ioc/v1/telemetry/adm-aq-1',
      JSON.stringify({ values: { pm25: 42.5 } }),
      {
        qos: 1,
      },
    );
    for (const unit of [WARD, '48']) {
      const item = await waitFor(
        async () => {
          const r = await admin('GET', `/api/v1/devices?unit=${unit}`);
          const d = (r.body as { items: DeviceView[] }).items.find((x) => x.id === 'adm-aq-1');
          return d?.latest.pm25 ? d : undefined;
        },
        15_000,
        `adm-aq-1 with a pm25 value in ?unit=${unit}`,
      );
      expect(item.latest.pm25?.value).toBe(42.5);
      expect(item.lastSeen).not.toBeNull();
    }
  });

  it('rotates the token: the old one is refused at once (open session ended), the new one works', async () => {
    expect(session?.connected).toBe(true);
    const closed = new Promise<void>((resolve) =>
      session?.once('close', () => {
        resolve();
      }),
    );
    const r = await admin('POST', '/api/v1/devices/adm-aq-1/rotate');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const fresh = (r.body as Issued).token;
    expect(fresh).not.toBe(token);
    await closed;
    expect(await mqttRefused('adm-aq-1', token)).toBe(true);
    const c = await connectDevice(platform.mqttUrl, 'adm-aq-1', fresh);
    await c.publishAsync('ioc/v1/telemetry/adm-aq-1', JSON.stringify({ values: { pm25: 7 } }), {
      qos: 1,
    });
    await c.endAsync();
    await waitFor(async () => {
      const d = (await admin('GET', '/api/v1/devices/adm-aq-1')).body as DeviceView;
      return d.latest.pm25?.value === 7 ? true : undefined;
    }, 15_000);
    // HTTP ingest follows the same token.
    const post = (t: string) =>
      fetch(`${platform.httpUrl}/api/v1/telemetry`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
        body: JSON.stringify({ values: { pm25: 8 } }),
      }).then((res) => res.status);
    expect(await post(token)).toBe(401);
    expect(await post(fresh)).toBe(202);
    expect(await auditRows('device.rotate_token', 'adm-aq-1')).toMatchObject([
      { actor: adminName },
    ]);
  });

  it('moves a device: a new position recomputes its unit; other fields change in place', async () => {
    const [lon, lat] = label(OTHER_WARD);
    const r = await admin('PATCH', '/api/v1/devices/adm-aq-1', { lon, lat, name: 'Đã chuyển' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ unitCode: OTHER_WARD, lon, lat, name: 'Đã chuyển' });
    const list = (await admin('GET', `/api/v1/devices?unit=${OTHER_WARD}`)).body as {
      items: DeviceView[];
    };
    expect(list.items.map((d) => d.id)).toContain('adm-aq-1');
    const audit = await auditRows('device.update', 'adm-aq-1');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: adminName, unit_code: OTHER_WARD });
    expect(audit[0]?.detail).toMatchObject({
      changes: { unitCode: { from: WARD, to: OTHER_WARD }, name: { to: 'Đã chuyển' } },
    });
    const kind = await admin('PATCH', '/api/v1/devices/adm-aq-1', {
      kind: 'noise',
      intervalS: 120,
    });
    expect(kind.body).toMatchObject({ kind: 'noise', intervalS: 120, unitCode: OTHER_WARD });
    expect((await admin('PATCH', '/api/v1/devices/nope-1', { name: 'x' })).status).toBe(404);
  });

  it('refuses a fixed position outside every unit without a unitCode; a mobile device may be at sea', async () => {
    const sea = { lon: 109.6, lat: 16.1 };
    const fixed = await admin('POST', '/api/v1/devices', {
      id: 'adm-buoy-1',
      kind: 'water_level',
      ...sea,
    });
    expect(fixed.status).toBe(400);
    expect(fixed.body).toMatchObject({ error: { code: 'DEVICE_INVALID' } });
    expect(JSON.stringify(fixed.body)).toMatch(/outside every unit/);
    expect((await admin('GET', '/api/v1/devices/adm-buoy-1')).status).toBe(404);
    const given = await admin('POST', '/api/v1/devices', {
      id: 'adm-buoy-1',
      kind: 'water_level',
      unitCode: '48',
      ...sea,
    });
    expect(given.status).toBe(201);
    expect((given.body as Issued).device.unitCode).toBe('48');
    const vessel = await admin('POST', '/api/v1/devices', {
      id: 'adm-vessel-1',
      kind: 'vessel',
      mobile: true,
      ...sea,
    });
    expect(vessel.status).toBe(201);
    expect((vessel.body as Issued).device).toMatchObject({ unitCode: null, mobile: true });
    const again = await admin('POST', '/api/v1/devices', { id: 'adm-vessel-1', kind: 'vessel' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'DEVICE_EXISTS' } } });
  });

  it('answers a bad body with 400 listing every bad field', async () => {
    const r = await admin('POST', '/api/v1/devices', {
      id: 'bad id!',
      kind: 'Air Quality',
      lon: 300,
      intervalS: 0,
      devEui: 'xyz',
      unitCode: '99999',
      colour: 'red',
    });
    expect(r.status).toBe(400);
    const err = (r.body as { error: { code: string; details: { issues: { path: string }[] } } })
      .error;
    expect(err.code).toBe('DEVICE_INVALID');
    const paths = err.details.issues.map((i) => i.path);
    for (const p of ['id', 'kind', 'lon', 'intervalS', 'devEui'])
      expect(paths, JSON.stringify(err)).toContain(p);
    expect(JSON.stringify(err)).toContain('colour');
    // Well-formed but unknown references are field errors too.
    const refs = await admin('POST', '/api/v1/devices', {
      id: 'adm-ref-1',
      kind: 'air_quality',
      unitCode: '99999',
      gatewayId: 'no-such-gw',
    });
    expect(refs.status).toBe(400);
    expect(
      (
        refs.body as { error: { details: { issues: { path: string }[] } } }
      ).error.details.issues.map((i) => i.path),
    ).toEqual(['unitCode', 'gatewayId']);
    const lonOnly = await admin('POST', '/api/v1/devices', {
      id: 'adm-x',
      kind: 'noise',
      lon: 108.2,
    });
    expect(JSON.stringify(lonOnly.body)).toMatch(/lon and lat go together/);
    const empty = await admin('PATCH', '/api/v1/devices/adm-aq-1', {});
    expect(empty.status).toBe(400);
    // A well-formed kind the platform does not know would be a fleet row and a publication
    // switch of its own: refused, naming the kinds it knows, on create and on re-kind.
    for (const [method, path, body] of [
      ['POST', '/api/v1/devices', { id: 'adm-toaster', kind: 'toaster', unitCode: '20314' }],
      ['PATCH', '/api/v1/devices/adm-aq-1', { kind: 'toaster' }],
    ] as const) {
      const toaster = await admin(method, path, body);
      expect(toaster.status).toBe(400);
      const issue = (
        toaster.body as { error: { details: { issues: { path: string; message: string }[] } } }
      ).error.details.issues.find((i) => i.path === 'kind');
      expect(issue?.message).toContain('air_quality, water_level');
    }
    expect((await admin('GET', '/api/v1/devices/adm-toaster')).status).toBe(404);
  });

  it('is for administrators only; reading a device follows its unit scope', async () => {
    const operator = await platform.loginAs('province_operator', ['48']);
    for (const [method, path] of [
      ['POST', '/api/v1/devices'],
      ['PATCH', '/api/v1/devices/adm-aq-1'],
      ['POST', '/api/v1/devices/adm-aq-1/rotate'],
    ] as const) {
      const r = await api(method, path, operator, { id: 'op-1', kind: 'noise' });
      expect(r, `${method} ${path}`).toMatchObject({
        status: 403,
        body: { error: { code: 'FORBIDDEN_ROLE' } },
      });
    }
    expect((await api('GET', '/api/v1/devices/adm-aq-1', operator)).status).toBe(200);
    const home = await platform.displayToken(OTHER_WARD);
    const foreign = await platform.displayToken(WARD);
    expect((await api('GET', '/api/v1/devices/adm-aq-1', home)).status).toBe(200);
    expect(await api('GET', '/api/v1/devices/adm-aq-1', foreign)).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN_SCOPE' } },
    });
    expect((await api('POST', '/api/v1/devices', null, {})).status).toBe(401);
  });

  it('puts a mobile reading’s position in the WS delta and the device list (last known position)', async () => {
    const r = await admin('POST', '/api/v1/devices', {
      id: 'adm-vessel-2',
      kind: 'vessel',
      mobile: true,
      unitCode: '48',
    });
    expect(r.status).toBe(201);
    const vesselToken = (r.body as Issued).token;
    const ws = await openWs(
      platform.httpUrl,
      `/ws?token=${encodeURIComponent(await platform.displayToken('48'))}`,
    );
    ws.send({ type: 'subscribe', channels: ['unit:48'] });
    await ws.next((m) => m.type === 'subscribed');
    const c = await connectDevice(platform.mqttUrl, 'adm-vessel-2', vesselToken);
    const [lon, lat] = label(WARD);
    const atSea = { lon: 108.45, lat: 16.2 };
    const t0 = Date.now() - 60_000;
    // Older reading in the ward, then the newest at sea (beyond every unit).
    await c.publishAsync(
      'ioc/v1/telemetry/adm-vessel-2',
      JSON.stringify([
        { ts: new Date(t0).toISOString(), values: { speed_knots: 4 }, pos: { lon, lat } },
        {
          ts: new Date(t0 + 30_000).toISOString(),
          values: { speed_knots: 5, heading: 80 },
          pos: atSea,
        },
      ]),
      { qos: 1 },
    );
    const isVessel = (m: WsServerMessage) =>
      m.type === 'readings' && m.deltas.some((d) => d.deviceId === 'adm-vessel-2');
    const msg = await ws.next(isVessel, 15_000);
    const delta = (msg as { deltas: ReadingDelta[] }).deltas.find(
      (d) => d.deviceId === 'adm-vessel-2',
    );
    expect(delta).toMatchObject({
      position: atSea,
      unitCode: null,
      values: { speed_knots: 5, heading: 80 },
    });
    const listed = await waitFor(
      async () => {
        const list = (await admin('GET', '/api/v1/devices?unit=48')).body as {
          items: (DeviceView & { positionAt: string | null })[];
        };
        const d = list.items.find((x) => x.id === 'adm-vessel-2');
        return d?.positionAt ? d : undefined;
      },
      15_000,
      'the vessel’s last known position',
    );
    expect(listed).toMatchObject({ ...atSea, mobile: true, unitCode: '48' });
    expect(listed.positionAt).toBe(new Date(t0 + 30_000).toISOString());
    // A late reading (older than the known position) does not move the vessel back.
    await c.publishAsync(
      'ioc/v1/telemetry/adm-vessel-2',
      JSON.stringify({
        ts: new Date(t0 + 10_000).toISOString(),
        values: { speed_knots: 3 },
        pos: { lon, lat },
      }),
      { qos: 1 },
    );
    await waitFor(async () => {
      const { rows } = await platform.ctx.pool.query(
        "SELECT 1 FROM reading WHERE device_id = 'adm-vessel-2' AND value = 3",
      );
      return rows.length > 0 ? true : undefined;
    });
    await platform.ctx.live.idle();
    const after = (await admin('GET', '/api/v1/devices/adm-vessel-2')).body as DeviceView;
    expect({ lon: after.lon, lat: after.lat }).toEqual(atSea);
    await c.endAsync();
    ws.close();
  });

  it('decommissions a device: token dead at once, gone from lists and fleet, history kept, id never re-used', async () => {
    const [lon, lat] = label(WARD);
    const r = await admin('POST', '/api/v1/devices', { id: 'adm-rm-1', kind: 'noise', lon, lat });
    expect(r.status).toBe(201);
    const rmToken = (r.body as Issued).token;
    const c = await connectDevice(platform.mqttUrl, 'adm-rm-1', rmToken);
    await c.publishAsync(
      'ioc/v1/telemetry/adm-rm-1',
      JSON.stringify({ values: { noise_laeq: 61 } }),
      {
        qos: 1,
      },
    );
    await waitFor(async () => {
      const d = (await admin('GET', '/api/v1/devices/adm-rm-1')).body as DeviceView;
      return d.latest.noise_laeq ? true : undefined;
    }, 15_000);
    const closed = new Promise<void>((resolve) => {
      c.once('close', () => {
        resolve();
      });
    });
    const operator = await platform.loginAs('province_operator', ['48']);
    expect((await api('DELETE', '/api/v1/devices/adm-rm-1', operator)).status).toBe(403);
    const del = await admin('DELETE', '/api/v1/devices/adm-rm-1');
    expect(del.status, JSON.stringify(del.body)).toBe(204);
    await closed;
    expect(await mqttRefused('adm-rm-1', rmToken)).toBe(true);
    const http = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${rmToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ values: { noise_laeq: 62 } }),
    });
    expect(http.status).toBe(401);
    expect((await admin('GET', '/api/v1/devices/adm-rm-1')).status).toBe(404);
    expect((await admin('DELETE', '/api/v1/devices/adm-rm-1')).status).toBe(404);
    const list = (await admin('GET', `/api/v1/devices?unit=${WARD}`)).body as {
      items: DeviceView[];
    };
    expect(list.items.map((d) => d.id)).not.toContain('adm-rm-1');
    const fleet = await admin('GET', `/api/v1/fleet?unit=${WARD}`);
    expect(JSON.stringify(fleet.body)).not.toContain('adm-rm-1');
    const { rows } = await platform.ctx.pool.query(
      "SELECT 1 FROM reading WHERE device_id = 'adm-rm-1' AND value = 61",
    );
    expect(rows).toHaveLength(1);
    expect(
      await admin('POST', '/api/v1/devices', { id: 'adm-rm-1', kind: 'noise', lon, lat }),
    ).toMatchObject({ status: 409, body: { error: { code: 'DEVICE_EXISTS' } } });
    expect(await auditRows('device.decommission', 'adm-rm-1')).toMatchObject([
      { actor: adminName, unit_code: WARD },
    ]);
  });

  it('refuses to decommission a gateway that still fronts devices', async () => {
    expect(
      (await admin('POST', '/api/v1/devices', { id: 'adm-gw-1', kind: 'gateway', unitCode: WARD }))
        .status,
    ).toBe(201);
    expect(
      (
        await admin('POST', '/api/v1/devices', {
          id: 'adm-behind-1',
          kind: 'air_quality',
          unitCode: WARD,
          gatewayId: 'adm-gw-1',
        })
      ).status,
    ).toBe(201);
    expect(await admin('DELETE', '/api/v1/devices/adm-gw-1')).toMatchObject({
      status: 409,
      body: { error: { code: 'DEVICE_IN_USE' } },
    });
    expect((await admin('DELETE', '/api/v1/devices/adm-behind-1')).status).toBe(204);
    expect((await admin('DELETE', '/api/v1/devices/adm-gw-1')).status).toBe(204);
  });
});
