/**
 * Real answers against their documented schemas: each call goes to a running platform with the
 * credential its route asks for, and the body is parsed with the response schema the contracts'
 * route table documents for the status it got. Parsing must succeed and change nothing — so a
 * field the server sends but the contract leaves out (z.object drops it), or a field the contract
 * promises but the server omits (a default fills it), fails here as well as a wrong type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, routeContract } from '@ioc/contracts';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const PROVINCE = '48';
const WARD = '20314';
const INDICATOR = 'dx.online_public_service_usage';

interface Call {
  method: string;
  /** The documented path (OpenAPI template). */
  route: string;
  /** The path called, with its query. */
  url: string;
  token?: 'admin' | 'display' | 'device' | 'none';
  body?: unknown;
  headers?: Record<string, string>;
  /** The statuses this call may get; default any 2xx. */
  status?: readonly number[];
}

describe('real responses match their documented schemas (embedded, access control on)', () => {
  let platform: TestPlatform;
  const tokens: Record<string, string> = {};
  const checked = new Set<string>();

  /** Calls the route and checks the answer against the contract; returns the body. */
  async function call(c: Call): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { ...c.headers };
    const token = tokens[c.token ?? 'admin'];
    if (token) headers.authorization = `Bearer ${token}`;
    if (c.body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${platform.httpUrl}${c.url}`, {
      method: c.method,
      headers,
      ...(c.body !== undefined
        ? { body: typeof c.body === 'string' ? c.body : JSON.stringify(c.body) }
        : {}),
    });
    const text = await res.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    const label = `${c.method} ${c.url} → ${res.status}`;
    if (c.status) expect(c.status, label).toContain(res.status);
    else expect(res.status, `${label}: ${text.slice(0, 300)}`).toBeLessThan(300);
    const declared = routeContract(c.method, c.route).responses[res.status];
    const schema = declared ? declared.schema : res.status >= 400 ? apiErrorSchema : undefined;
    expect(declared ?? res.status >= 400, `${label} is not a documented status`).toBeTruthy();
    if (schema === undefined) {
      expect(body, `${label} has a body but documents none`).toBeUndefined();
    } else {
      const parsed = schema.safeParse(body);
      expect(parsed.success, `${label}: ${JSON.stringify(parsed.error?.issues ?? [])}`).toBe(true);
      expect(parsed.data, `${label}: parsing changed the body`).toEqual(body);
    }
    if (declared) checked.add(`${c.method} ${c.route}`);
    return { status: res.status, body };
  }

  beforeAll(async () => {
    platform = await startTestPlatform();
    tokens.admin = platform.adminToken;
    tokens.display = await platform.displayToken(PROVINCE);
    tokens.device = await platform.addDevice({ id: 'oa-aq-1', unitCode: WARD });
  }, 120_000);

  afterAll(async () => {
    await platform.dispose();
  });

  it('platform and sign-in', async () => {
    await call({ method: 'GET', route: '/api/v1/health', url: '/api/v1/health', token: 'none' });
    await call({ method: 'GET', route: '/api/v1/web-config', url: '/api/v1/web-config' });
    await call({ method: 'GET', route: '/api/v1/auth/setup', url: '/api/v1/auth/setup' });
    await call({ method: 'GET', route: '/api/v1/auth/me', url: '/api/v1/auth/me' });
    await call({
      method: 'GET',
      route: '/api/v1/auth/me',
      url: '/api/v1/auth/me',
      token: 'display',
    });
  });

  it('units', async () => {
    await call({ method: 'GET', route: '/api/v1/units', url: `/api/v1/units?parent=${PROVINCE}` });
    await call({ method: 'GET', route: '/api/v1/units', url: '/api/v1/units?q=hai%20chau' });
    await call({ method: 'GET', route: '/api/v1/units/{code}', url: `/api/v1/units/${WARD}` });
    await call({
      method: 'GET',
      route: '/api/v1/units/locate',
      url: '/api/v1/units/locate?lon=108.2&lat=16.05',
    });
    await call({
      method: 'GET',
      route: '/api/v1/units/{code}/neighbours',
      url: `/api/v1/units/${WARD}/neighbours`,
    });
    await call({
      method: 'GET',
      route: '/api/v1/units/{code}/geometry',
      url: `/api/v1/units/${WARD}/geometry?band=low`,
    });
    await call({
      method: 'GET',
      route: '/api/v1/units/{code}/map',
      url: `/api/v1/units/${PROVINCE}/map?band=low`,
    });
    await call({
      method: 'GET',
      route: '/api/v1/units/{code}',
      url: '/api/v1/units/99999',
      status: [404],
    });
  });

  it('telemetry, devices and live figures', async () => {
    const sent = await call({
      method: 'POST',
      route: '/api/v1/telemetry',
      url: '/api/v1/telemetry',
      token: 'device',
      body: [
        { ts: new Date(Date.now() - 60_000).toISOString(), values: { pm25: 41.2, pm10: 60 } },
        { ts: new Date().toISOString(), values: { pm25: 38.5, nonsense: 1 } },
      ],
    });
    expect(sent.status).toBe(202);
    const registered = await call({
      method: 'POST',
      route: '/api/v1/devices',
      url: '/api/v1/devices',
      body: { id: 'oa-noise-1', kind: 'noise', unitCode: WARD, name: 'Ồn Hải Châu' },
    });
    expect(registered.status).toBe(201);
    await call({
      method: 'POST',
      route: '/api/v1/devices',
      url: '/api/v1/devices',
      body: { id: 'bad id!', kind: 'Noise' },
      status: [400],
    });
    for (const [method, route, url, body] of [
      ['GET', '/api/v1/devices', `/api/v1/devices?unit=${PROVINCE}`, undefined],
      ['GET', '/api/v1/devices/{id}', '/api/v1/devices/oa-aq-1', undefined],
      ['PATCH', '/api/v1/devices/{id}', '/api/v1/devices/oa-noise-1', { intervalS: 600 }],
      ['POST', '/api/v1/devices/{id}/rotate', '/api/v1/devices/oa-noise-1/rotate', undefined],
      ['GET', '/api/v1/latest', `/api/v1/latest?unit=${PROVINCE}`, undefined],
      ['GET', '/api/v1/rollups', `/api/v1/rollups?unit=${WARD}&bucket=1m`, undefined],
      ['GET', '/api/v1/rollups', `/api/v1/rollups?unit=${PROVINCE}&by=unit`, undefined],
      ['GET', '/api/v1/fleet', `/api/v1/fleet?unit=${PROVINCE}`, undefined],
      ['GET', '/api/v1/aqi', `/api/v1/aqi?unit=${PROVINCE}`, undefined],
      ['GET', '/api/v1/alerts', `/api/v1/alerts?unit=${PROVINCE}&status=active`, undefined],
      ['GET', '/api/v1/wall/config', `/api/v1/wall/config?unit=${PROVINCE}`, undefined],
    ] as const) {
      await call({ method, route, url, body, token: method === 'GET' ? 'display' : 'admin' });
    }
    await call({ method: 'GET', route: '/api/v1/alert-rules', url: '/api/v1/alert-rules' });
  });

  it('indicators, feeds and reports', async () => {
    for (const [route, url] of [
      ['/api/v1/indicators', '/api/v1/indicators?domain=dx'],
      ['/api/v1/indicators/{code}', `/api/v1/indicators/${INDICATOR}`],
      ['/api/v1/targets', `/api/v1/targets?unit=${PROVINCE}`],
      ['/api/v1/scorecard', `/api/v1/scorecard?unit=${PROVINCE}`],
      ['/api/v1/scorecard', `/api/v1/scorecard?unit=${WARD}&all=true`],
      [
        '/api/v1/indicators/{code}/choropleth',
        `/api/v1/indicators/${INDICATOR}/choropleth?province=${PROVINCE}`,
      ],
      [
        '/api/v1/indicators/{code}/history',
        `/api/v1/indicators/${INDICATOR}/history?unit=${PROVINCE}`,
      ],
    ] as const) {
      await call({ method: 'GET', route, url, token: 'display' });
    }
    await call({ method: 'GET', route: '/api/v1/feeds/liveness', url: '/api/v1/feeds/liveness' });
    const created = await call({
      method: 'POST',
      route: '/api/v1/feeds',
      url: '/api/v1/feeds',
      body: { code: 'oa-feed', name: 'Sở Thông tin và Truyền thông', why: 'contract test' },
    });
    expect(created.status).toBe(201);
    await call({ method: 'GET', route: '/api/v1/feeds', url: '/api/v1/feeds' });
    const { key } = created.body as { key: string };
    tokens.feed = key;
    const report = await call({
      method: 'POST',
      route: '/api/v1/feeds/{code}/reports',
      url: '/api/v1/feeds/oa-feed/reports',
      token: 'feed' as 'none',
      status: [200, 422],
      body: [
        {
          indicator: 'dx.dossier_digitisation',
          unitCode: PROVINCE,
          period: '2025-12',
          numerator: 650,
          denominator: 1000,
        },
        { indicator: INDICATOR, unitCode: '99999', period: '2025-12', value: 10 },
      ],
    });
    expect((report.body as { accepted: number }).accepted).toBe(1);
    await call({
      method: 'GET',
      route: '/api/v1/indicators/changes',
      url: '/api/v1/indicators/changes?limit=5',
    });
  });

  it('administration', async () => {
    await call({ method: 'GET', route: '/api/v1/users', url: '/api/v1/users' });
    await call({ method: 'GET', route: '/api/v1/display-tokens', url: '/api/v1/display-tokens' });
    const issued = await call({
      method: 'POST',
      route: '/api/v1/display-tokens',
      url: '/api/v1/display-tokens',
      body: { name: 'Màn hình phòng họp', unitCode: WARD },
    });
    expect(issued.status).toBe(201);
    await call({ method: 'GET', route: '/api/v1/audit', url: '/api/v1/audit?limit=20' });
  });

  it('alert rules, edits and text answers', async () => {
    const rule = await call({
      method: 'POST',
      route: '/api/v1/alert-rules',
      url: '/api/v1/alert-rules',
      body: {
        id: 'oa-pm25',
        name: 'PM2.5 cao',
        kind: 'threshold',
        params: { metric: 'pm25', comparator: '>', value: 100, clear: 80 },
        scope: { unitCodes: [WARD] },
      },
    });
    expect(rule.status).toBe(201);
    await call({
      method: 'GET',
      route: '/api/v1/alert-rules/{id}',
      url: '/api/v1/alert-rules/oa-pm25',
    });
    await call({
      method: 'PATCH',
      route: '/api/v1/alert-rules/{id}',
      url: '/api/v1/alert-rules/oa-pm25',
      body: { enabled: false },
    });
    await call({
      method: 'PUT',
      route: '/api/v1/wall/config',
      url: `/api/v1/wall/config?unit=${WARD}`,
      body: {
        rotate: false,
        scenes: [
          {
            id: 'air',
            kind: 'air',
            durationSec: 30,
            enabled: true,
            measure: { kind: 'metric', metric: 'pm25' },
            overlays: ['devices'],
          },
        ],
      },
    });
    // A wall screen reports in with its display token; the admin lists it.
    await call({
      method: 'POST',
      route: '/api/v1/wall/screens/report',
      url: '/api/v1/wall/screens/report',
      token: 'display',
      body: {
        unit: PROVINCE,
        tiles: { cols: 2, rows: 2 },
        tile: 3,
        sceneId: 'air',
        sceneKind: 'air',
        viewport: { width: 1920, height: 1080 },
        kiosk: true,
        build: null,
      },
    });
    await call({ method: 'GET', route: '/api/v1/wall/screens', url: '/api/v1/wall/screens' });
    await call({
      method: 'POST',
      route: '/api/v1/feeds/{code}/rotate',
      url: '/api/v1/feeds/oa-feed/rotate',
      body: { why: 'key shared by mistake' },
    });
    await call({
      method: 'DELETE',
      route: '/api/v1/devices/{id}',
      url: '/api/v1/devices/oa-noise-1',
      status: [204],
    });
    const login = await call({
      method: 'POST',
      route: '/api/v1/auth/login',
      url: '/api/v1/auth/login',
      token: 'none',
      body: { username: 'nobody', password: 'wrong-password-here' },
      status: [401],
    });
    expect(login.status).toBe(401);
    for (const [route, type] of [
      ['/api/v1/basemap/land', 'application/geo+json'],
      ['/api/v1/audit.csv', 'text/csv'],
      ['/metrics', 'text/plain'],
    ] as const) {
      const res = await fetch(`${platform.httpUrl}${route}`, {
        headers: { authorization: `Bearer ${platform.adminToken}` },
      });
      expect(res.status, route).toBe(200);
      const contract = routeContract('GET', route).responses[200];
      expect(contract?.contentType, route).toBe(type);
      expect(res.headers.get('content-type'), route).toContain(type);
      checked.add(`GET ${route}`);
    }
  });

  it('camera routes answer what the contracts document (and no credential)', async () => {
    await call({
      method: 'POST',
      route: '/api/v1/cameras',
      url: '/api/v1/cameras',
      body: {
        id: 'oa-cam-1',
        name: 'Ngã tư Hải Châu',
        kind: 'traffic',
        lon: 108.22,
        lat: 16.07,
        unitCode: WARD,
        hlsPath: 'hai-chau/nga-tu',
        snapshotUrl: 'https://media.example.vn/snap/nga-tu.jpg',
        credentials: { username: 'oa-user', password: 'oa-password' },
      },
      status: [201],
    });
    await call({ method: 'GET', route: '/api/v1/cameras', url: `/api/v1/cameras?unit=${WARD}` });
    await call({
      method: 'GET',
      route: '/api/v1/cameras/{id}',
      url: '/api/v1/cameras/oa-cam-1',
      token: 'display',
    });
    await call({
      method: 'PATCH',
      route: '/api/v1/cameras/{id}',
      url: '/api/v1/cameras/oa-cam-1',
      body: { tags: ['giao-thong'], credentials: null },
    });
    // No media server configured here: the snapshot alone is offered.
    const view = await call({
      method: 'POST',
      route: '/api/v1/cameras/{id}/view',
      url: '/api/v1/cameras/oa-cam-1/view',
      token: 'display',
    });
    const token = (view.body as { token: string }).token;
    await call({
      method: 'POST',
      route: '/api/v1/media/auth',
      url: '/api/v1/media/auth',
      token: 'none',
      body: {
        user: '',
        password: '',
        action: 'read',
        path: 'hai-chau/nga-tu',
        query: `token=${token}`,
      },
    });
    await call({
      method: 'POST',
      route: '/api/v1/media/auth',
      url: '/api/v1/media/auth',
      token: 'none',
      body: { user: '', password: '', action: 'read', path: 'hai-chau/nga-tu', query: '' },
      status: [401],
    });
    await call({
      method: 'DELETE',
      route: '/api/v1/cameras/{id}',
      url: '/api/v1/cameras/oa-cam-1',
      status: [204],
    });
  });

  afterAll(() => {
    // The suite is meant to cover the API broadly, not a token handful of routes.
    expect(checked.size).toBeGreaterThanOrEqual(45);
  });
});
