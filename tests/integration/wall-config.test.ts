/**
 * Wall configuration per unit (`GET|PUT /api/v1/wall/config?unit=`) and the public web config
 * (`GET /api/v1/web-config`). A display token reads its own unit's config (and the units below
 * it), never another's; only administrators save; every bad field of a body is listed; a save
 * is audited and announced on the unit's WebSocket channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultWallDisplay,
  defaultWallScenes,
  type WallConfig,
  type WallScene,
} from '@ioc/contracts';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { expectNotWithin } from '../support/wait';
import { openWs } from '../support/ws';

const BASEMAP = 'pmtiles://https://tiles.example.vn/da-nang.pmtiles';

describe('wall config API (embedded, access control on)', () => {
  let platform: TestPlatform;

  const api = (method: string, path: string, token: string | null, body?: unknown) =>
    callApi(platform.httpUrl, method, path, token, body);
  const issuesOf = (body: unknown) =>
    (body as { error: { details: { issues: { path: string; message: string }[] } } }).error.details
      .issues;

  beforeAll(async () => {
    platform = await startTestPlatform({ BASEMAP_URL: BASEMAP });
  }, 120_000);
  afterAll(async () => {
    await platform.dispose();
  });

  const scenes: WallScene[] = [
    {
      id: 'air-now',
      kind: 'air',
      titleVi: 'Không khí',
      durationSec: 30,
      enabled: true,
      measure: { kind: 'metric', metric: 'pm10' },
      overlays: ['heatmap', 'alerts'],
    },
    {
      id: 'services',
      kind: 'services',
      durationSec: 120,
      enabled: false,
      measure: { kind: 'indicator', code: 'dx.online_public_service_usage' },
      overlays: [],
    },
    {
      id: 'sea',
      kind: 'fleet',
      durationSec: 600,
      enabled: true,
      measure: { kind: 'none' },
      overlays: ['vessels', 'devices'],
    },
  ];

  it('serves the built-in scenes to a display token of the unit until an admin saves', async () => {
    const display = await platform.displayToken('48');
    const r = await api('GET', '/api/v1/wall/config?unit=48', display);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      unitCode: '48',
      rotate: true,
      scenes: defaultWallScenes(),
      display: {
        panelDiagonalInch: 55,
        panelCols: 2,
        panelRows: 2,
        viewingDistanceM: 5,
        textScale: 1,
      },
      updatedAt: null,
      updatedBy: null,
    });
    // The province's display may read its wards' walls too.
    expect((await api('GET', '/api/v1/wall/config?unit=20275', display)).status).toBe(200);
  });

  it('saves, audits, announces on the unit channel, and serves the saved config', async () => {
    const display = await platform.displayToken('48');
    const ws = await openWs(platform.httpUrl, `/ws?token=${encodeURIComponent(display)}`);
    ws.send({ type: 'subscribe', channels: ['unit:48'] });
    await ws.next((m) => m.type === 'subscribed');
    const put = await api('PUT', '/api/v1/wall/config?unit=48', platform.adminToken, {
      rotate: false,
      scenes,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const saved = put.body as WallConfig;
    expect(saved).toMatchObject({ unitCode: '48', rotate: false, scenes });
    expect(saved.updatedAt).not.toBeNull();
    expect(saved.updatedBy).toMatch(/^t-admin-/);
    const announced = await ws.next((m) => m.type === 'wall');
    expect(announced).toMatchObject({
      type: 'wall',
      channel: 'unit:48',
      wall: { unitCode: '48', updatedAt: saved.updatedAt },
    });
    ws.close();
    expect((await api('GET', '/api/v1/wall/config?unit=48', display)).body).toEqual(saved);
    // Other units keep their defaults.
    expect(
      ((await api('GET', '/api/v1/wall/config?unit=20275', display)).body as WallConfig).updatedAt,
    ).toBeNull();
    const { rows } = await platform.ctx.pool.query<{ actor: string; unit_code: string }>(
      "SELECT actor, unit_code FROM audit_log WHERE action = 'wall_config.update' AND target_id = '48'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ unit_code: '48' });
    expect(rows[0]?.actor).toMatch(/^t-admin-/);
  });

  it('lists every bad field of a body in one 400', async () => {
    const bad = {
      rotate: 'yes',
      scenes: [
        { ...scenes[0], id: 'Air Now', durationSec: 5, overlays: ['lasers'], enabled: false },
        { ...scenes[2], kind: 'weather', enabled: false },
        { ...scenes[2], measure: { kind: 'metric', metric: 'no_such_metric' }, enabled: false },
        { ...scenes[1], measure: { kind: 'indicator', code: 'no.such.indicator' } },
      ],
    };
    const r = await api('PUT', '/api/v1/wall/config?unit=48', platform.adminToken, bad);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { code: 'WALL_CONFIG_INVALID' } });
    const paths = issuesOf(r.body).map((i) => i.path);
    for (const p of [
      'rotate',
      'scenes.0.id',
      'scenes.0.durationSec',
      'scenes.0.overlays.0',
      'scenes.1.kind',
      'scenes.2.measure.metric',
      'scenes.3.measure.code',
    ])
      expect(paths, JSON.stringify(issuesOf(r.body))).toContain(p);

    const dup = await api('PUT', '/api/v1/wall/config?unit=48', platform.adminToken, {
      rotate: true,
      scenes: [scenes[0], { ...scenes[2], id: 'air-now' }],
    });
    expect(dup.status).toBe(400);
    expect(issuesOf(dup.body)).toEqual([
      { path: 'scenes.1.id', message: expect.stringContaining('duplicate scene id air-now') },
    ]);
    const off = await api('PUT', '/api/v1/wall/config?unit=48', platform.adminToken, {
      rotate: true,
      scenes: scenes.map((s) => ({ ...s, enabled: false })),
    });
    expect(issuesOf(off.body)).toEqual([
      { path: 'scenes', message: 'at least one scene must be enabled' },
    ]);
    // Nothing of a refused body was saved.
    const still = (await api('GET', '/api/v1/wall/config?unit=48', platform.adminToken))
      .body as WallConfig;
    expect(still.scenes).toEqual(scenes);
  });

  it('keeps the physical wall its text is sized for, and lists every bad measure', async () => {
    const display = {
      panelDiagonalInch: 65,
      panelCols: 3,
      panelRows: 2,
      viewingDistanceM: 8,
      textScale: 1.15,
    };
    const put = await api('PUT', '/api/v1/wall/config?unit=20275', platform.adminToken, {
      rotate: true,
      scenes,
      display,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((put.body as WallConfig).display).toEqual(display);
    // A save that leaves the display out (an older client) keeps the wall's own.
    const again = await api('PUT', '/api/v1/wall/config?unit=20275', platform.adminToken, {
      rotate: false,
      scenes,
    });
    expect((again.body as WallConfig).display).toEqual(display);
    const bad = await api('PUT', '/api/v1/wall/config?unit=20275', platform.adminToken, {
      rotate: true,
      scenes,
      display: {
        panelDiagonalInch: 5,
        panelCols: 1.5,
        panelRows: 0,
        viewingDistanceM: 80,
        textScale: 3,
        gamma: 2,
      },
    });
    expect(bad.status).toBe(400);
    const paths = issuesOf(bad.body).map((i) => i.path);
    for (const p of [
      'display.panelDiagonalInch',
      'display.panelCols',
      'display.panelRows',
      'display.viewingDistanceM',
      'display.textScale',
      'display',
    ])
      expect(paths, JSON.stringify(issuesOf(bad.body))).toContain(p);
    const still = (await api('GET', '/api/v1/wall/config?unit=20275', platform.adminToken))
      .body as WallConfig;
    expect(still.display).toEqual(display);
    // Units that never set one read the default wall.
    expect(
      ((await api('GET', '/api/v1/wall/config?unit=48', platform.adminToken)).body as WallConfig)
        .display,
    ).toEqual(defaultWallDisplay());
  });

  it('needs a known unit', async () => {
    expect((await api('GET', '/api/v1/wall/config', platform.adminToken)).body).toMatchObject({
      error: { code: 'UNIT_REQUIRED' },
    });
    expect((await api('GET', '/api/v1/wall/config?unit=99999', platform.adminToken)).status).toBe(
      404,
    );
    expect(
      (
        await api('PUT', '/api/v1/wall/config?unit=4', platform.adminToken, {
          rotate: true,
          scenes,
        })
      ).status,
    ).toBe(400);
  });

  it('refuses other units to a display token and saves to everyone but administrators', async () => {
    const wardDisplay = await platform.displayToken('20275');
    expect((await api('GET', '/api/v1/wall/config?unit=20275', wardDisplay)).status).toBe(200);
    for (const unit of ['48', '20314']) {
      expect(await api('GET', `/api/v1/wall/config?unit=${unit}`, wardDisplay)).toMatchObject({
        status: 403,
        body: { error: { code: 'FORBIDDEN_SCOPE' } },
      });
    }
    const body = { rotate: true, scenes };
    expect(await api('PUT', '/api/v1/wall/config?unit=20275', wardDisplay, body)).toMatchObject({
      status: 403,
    });
    const operator = await platform.loginAs('province_operator', ['48']);
    expect(await api('PUT', '/api/v1/wall/config?unit=48', operator, body)).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN_ROLE' } },
    });
    expect((await api('GET', '/api/v1/wall/config?unit=48', null)).status).toBe(401);
  });

  it('gives the web app its basemap without a credential', async () => {
    const r = await api('GET', '/api/v1/web-config', null);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ basemap: BASEMAP });
  });

  it('serves the offline basemap land without a credential, cacheable', async () => {
    const res = await fetch(`${platform.httpUrl}/api/v1/basemap/land`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    expect(res.headers.get('cache-control')).toContain('max-age=86400');
    const land = (await res.json()) as {
      features: { geometry: { type: string; coordinates: number[][][][] } }[];
    };
    expect(land.features[0]?.geometry.type).toBe('MultiPolygon');
    expect(land.features[0]?.geometry.coordinates.length).toBeGreaterThan(10);
  });

  it('tells the unit and province channels when a feed report changes an indicator', async () => {
    const created = await api('POST', '/api/v1/feeds', platform.adminToken, {
      code: 'phuong-ws-test',
      name: 'Phường (WS test)',
      allowedIndicators: ['dx.dossiers_processed_online'],
      allowedUnits: ['20275'],
      why: 'kiểm thử',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const key = (created.body as { key: string }).key;
    const listen = async (unit: string) => {
      const ws = await openWs(
        platform.httpUrl,
        `/ws?token=${encodeURIComponent(await platform.displayToken(unit))}`,
      );
      ws.send({ type: 'subscribe', channels: [`unit:${unit}`] });
      await ws.next((m) => m.type === 'subscribed');
      return ws;
    };
    const [province, ward, other] = await Promise.all([
      listen('48'),
      listen('20275'),
      listen('20314'),
    ]);
    const res = await fetch(`${platform.httpUrl}/api/v1/feeds/phuong-ws-test/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        rows: [
          {
            indicator: 'dx.dossiers_processed_online',
            unit: '20275',
            period: '2025-03',
            numerator: 930,
            denominator: 1000,
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const expected = {
      unitCode: '20275',
      indicatorCode: 'dx.dossiers_processed_online',
      period: '2025-03',
      feedCode: 'phuong-ws-test',
    };
    for (const [ws, unit] of [
      [province, '48'],
      [ward, '20275'],
    ] as const) {
      expect(await ws.next((m) => m.type === 'indicator')).toMatchObject({
        type: 'indicator',
        channel: `unit:${unit}`,
        indicator: expected,
      });
    }
    // Another ward's wall hears nothing of it. The other two walls already heard it, so a
    // misrouted copy would be on its way: a short watch is enough to catch one.
    await expectNotWithin(
      () => other.messages.some((m) => m.type === 'indicator'),
      300,
      'the indicator reaching another ward’s wall',
    );
    for (const ws of [province, ward, other]) ws.close();
  });
});
