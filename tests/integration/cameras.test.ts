/**
 * Cameras over HTTP (embedded, access control on), issue 15 acceptance 2: a viewer of ward A is
 * refused a viewing token for a camera of ward B (403, audited) and gets one for its own; no
 * answer of any camera route carries a camera's credentials; the media server's auth hook
 * (MediaMTX `authMethod: http`) allows a read only with a live token issued for that path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraListResponse, cameraSchema, cameraViewResponse } from '@ioc/contracts';
import { callApi, type ApiAnswer } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const WARD_A = '20275'; // An Hải, Đà Nẵng
const WARD_B = '20314'; // Hải Châu, Đà Nẵng
const TTL_S = 60;
// Distinctive strings only a camera's credentials hold: none may ever appear in an answer.
const SECRET_USER = 'cam-user-Zq81xKp';
const SECRET_PASSWORD = 'cam-pass-Wv93mRt7Ls';
const SECRET_SOURCE = `rtsp://src-user-Hj42:src-pass-Qe57Nc@10.20.30.40:554/Streaming/Channels/101`;
const SECRETS = [SECRET_USER, SECRET_PASSWORD, 'src-user-Hj42', 'src-pass-Qe57Nc', '10.20.30.40'];
const PUBLISHER = { user: 'nvr-publisher', password: 'publisher-password-0123' };

describe('cameras (embedded, access control on)', () => {
  let platform: TestPlatform;
  let now = Date.now();
  let viewerA = '';
  let viewerAName = '';
  let provinceViewer = '';
  let displayA = '';
  const answers: { route: string; caller: string; text: string }[] = [];
  const exercised = new Set<string>();

  /**
   * Calls the API as `route` ("METHOD /path/{param}") names it, remembering the answer's text for
   * the credentials check.
   */
  const call = async (
    route: string,
    caller: string,
    path: string,
    token: string | null,
    body?: unknown,
  ): Promise<ApiAnswer> => {
    const answer = await callApi(platform.httpUrl, route.split(' ')[0] ?? 'GET', path, token, body);
    answers.push({ route, caller, text: answer.text });
    exercised.add(route);
    return answer;
  };
  const labelOf = async (code: string): Promise<[number, number]> => {
    const r = await call(
      'GET /api/v1/units/{code}',
      'admin',
      `/api/v1/units/${code}`,
      platform.adminToken,
    );
    const label = (r.body as { label: [number, number] | null }).label;
    if (!label) throw new Error(`unit ${code} has no label point`);
    return label;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({
      MEDIA_WHEP_URL: 'https://media.example.vn:8889/',
      MEDIA_HLS_URL: 'https://media.example.vn:8888',
      CAMERA_VIEW_TOKEN_TTL_S: String(TTL_S),
      MEDIA_PUBLISH_USER: PUBLISHER.user,
      MEDIA_PUBLISH_PASSWORD: PUBLISHER.password,
      clock: () => new Date(now),
    });
    viewerAName = `cam-viewer-a-${Date.now()}`;
    viewerA = await platform.loginAs('ward_operator', [WARD_A], viewerAName);
    provinceViewer = await platform.loginAs('province_operator', ['48']);
    displayA = await platform.displayToken(WARD_A);

    const [lonA, latA] = await labelOf(WARD_A);
    const [lonB, latB] = await labelOf(WARD_B);
    // Ward A's camera is placed by its position alone; ward B's names its unit.
    const a = await call('POST /api/v1/cameras', 'admin', '/api/v1/cameras', platform.adminToken, {
      id: 'an-hai-cau-rong',
      name: 'Cầu Rồng – đầu An Hải',
      kind: 'traffic',
      lon: lonA,
      lat: latA,
      whepPath: 'an-hai/cau-rong',
      hlsPath: 'an-hai/cau-rong',
      tags: ['giao-thong'],
      credentials: { username: SECRET_USER, password: SECRET_PASSWORD },
    });
    expect(a.status, a.text).toBe(201);
    expect(cameraSchema.parse(a.body)).toMatchObject({ unitCode: WARD_A, hasCredentials: true });
    const b = await call('POST /api/v1/cameras', 'admin', '/api/v1/cameras', platform.adminToken, {
      id: 'hai-chau-cho-han',
      name: 'Chợ Hàn',
      kind: 'security',
      lon: lonB,
      lat: latB,
      unitCode: WARD_B,
      hlsPath: 'hai-chau/cho-han',
      snapshotUrl: 'https://media.example.vn/snap/cho-han.jpg',
      credentials: { sourceUrl: SECRET_SOURCE },
    });
    expect(b.status, b.text).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await platform.dispose();
  });

  it('stores the credentials on the server', async () => {
    const { rows } = await platform.ctx.pool.query<{
      camera_id: string;
      password: string | null;
      source_url: string | null;
    }>('SELECT camera_id, password, source_url FROM camera_credential ORDER BY camera_id');
    expect(rows).toEqual([
      { camera_id: 'an-hai-cau-rong', password: SECRET_PASSWORD, source_url: null },
      { camera_id: 'hai-chau-cho-han', password: null, source_url: SECRET_SOURCE },
    ]);
  });

  it("refuses a ward A viewer ward B's camera (403, audited) and gives its own", async () => {
    const refused = await call(
      'POST /api/v1/cameras/{id}/view',
      'viewer A',
      '/api/v1/cameras/hai-chau-cho-han/view',
      viewerA,
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN_SCOPE' } });
    const { rows } = await platform.ctx.pool.query<{
      target_id: string;
      unit_code: string;
      detail: { path?: string; action?: string };
    }>(
      "SELECT target_id, unit_code, detail FROM audit_log WHERE action = 'access.denied' AND actor = $1 ORDER BY id",
      [viewerAName],
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        target_id: 'POST /api/v1/cameras/:id/view',
        unit_code: WARD_B,
        detail: expect.objectContaining({
          path: '/api/v1/cameras/hai-chau-cho-han/view',
          action: 'read',
        }),
      }),
    );

    const own = await call(
      'POST /api/v1/cameras/{id}/view',
      'viewer A',
      '/api/v1/cameras/an-hai-cau-rong/view',
      viewerA,
    );
    expect(own.status, own.text).toBe(200);
    const grant = cameraViewResponse.parse(own.body);
    const token = encodeURIComponent(grant.token);
    expect(grant.whepUrl).toBe(`https://media.example.vn:8889/an-hai/cau-rong/whep?token=${token}`);
    expect(grant.hlsUrl).toBe(
      `https://media.example.vn:8888/an-hai/cau-rong/index.m3u8?token=${token}`,
    );
    expect(Date.parse(grant.expiresAt) - now).toBe(TTL_S * 1000);
    const issued = await platform.ctx.pool.query<{ actor: string }>(
      "SELECT actor FROM audit_log WHERE action = 'camera.view' AND target_id = 'an-hai-cau-rong'",
    );
    expect(issued.rows.map((r) => r.actor)).toContain(viewerAName);

    // A wall screen of ward A watches its ward's camera too, and is refused ward B's.
    const wall = await call(
      'POST /api/v1/cameras/{id}/view',
      'display A',
      '/api/v1/cameras/an-hai-cau-rong/view',
      displayA,
    );
    expect(wall.status).toBe(200);
    const wallB = await call(
      'POST /api/v1/cameras/{id}/view',
      'display A',
      '/api/v1/cameras/hai-chau-cho-han/view',
      displayA,
    );
    expect(wallB.status).toBe(403);
  });

  it('scopes lists and reads by the viewer’s units', async () => {
    const mine = await call(
      'GET /api/v1/cameras',
      'viewer A',
      `/api/v1/cameras?unit=${WARD_A}`,
      viewerA,
    );
    expect(mine.status).toBe(200);
    expect(cameraListResponse.parse(mine.body).items.map((c) => c.id)).toEqual(['an-hai-cau-rong']);
    expect(
      (await call('GET /api/v1/cameras', 'viewer A', `/api/v1/cameras?unit=${WARD_B}`, viewerA))
        .status,
    ).toBe(403);
    expect((await call('GET /api/v1/cameras', 'viewer A', '/api/v1/cameras', viewerA)).status).toBe(
      403,
    );
    expect(
      (
        await call(
          'GET /api/v1/cameras/{id}',
          'viewer A',
          '/api/v1/cameras/hai-chau-cho-han',
          viewerA,
        )
      ).status,
    ).toBe(403);
    const got = await call(
      'GET /api/v1/cameras/{id}',
      'viewer A',
      '/api/v1/cameras/an-hai-cau-rong',
      viewerA,
    );
    expect(got.status).toBe(200);
    const all = await call(
      'GET /api/v1/cameras',
      'province',
      '/api/v1/cameras?unit=48',
      provinceViewer,
    );
    expect(
      cameraListResponse
        .parse(all.body)
        .items.map((c) => c.id)
        .sort(),
    ).toEqual(['an-hai-cau-rong', 'hai-chau-cho-han']);
    const traffic = await call(
      'GET /api/v1/cameras',
      'admin',
      '/api/v1/cameras?kind=traffic',
      platform.adminToken,
    );
    expect(cameraListResponse.parse(traffic.body).items.map((c) => c.id)).toEqual([
      'an-hai-cau-rong',
    ]);
    // Viewers may not edit.
    const edit = await call(
      'PATCH /api/v1/cameras/{id}',
      'viewer A',
      '/api/v1/cameras/an-hai-cau-rong',
      viewerA,
      { name: 'x' },
    );
    expect(edit.status).toBe(403);
  });

  it('lets the media server play a read only with a live token for that path', async () => {
    const hook = (body: Record<string, unknown>) =>
      call('POST /api/v1/media/auth', 'media server', '/api/v1/media/auth', null, {
        user: '',
        password: '',
        ip: '10.0.0.9',
        protocol: 'hls',
        id: null,
        ...body,
      });
    const own = await call(
      'POST /api/v1/cameras/{id}/view',
      'viewer A',
      '/api/v1/cameras/an-hai-cau-rong/view',
      viewerA,
    );
    const { token } = cameraViewResponse.parse(own.body);
    const read = (path: string, query: string) => hook({ action: 'read', path, query });

    expect((await read('an-hai/cau-rong', `token=${token}`)).status).toBe(200);
    // WHEP sessions carry it the same way; other query parameters around it do not matter.
    expect((await read('an-hai/cau-rong', `foo=1&token=${encodeURIComponent(token)}`)).status).toBe(
      200,
    );
    // Another camera's path, no token, a forged token: denied.
    const wrong = await read('hai-chau/cho-han', `token=${token}`);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'MEDIA_AUTH_DENIED' } });
    expect((await read('an-hai/cau-rong', '')).status).toBe(401);
    expect((await read('an-hai/cau-rong', `token=${token.slice(0, -4)}AAAA`)).status).toBe(401);
    // A viewing token opens neither publishing nor the media server's API.
    expect(
      (await hook({ action: 'publish', path: 'an-hai/cau-rong', query: `token=${token}` })).status,
    ).toBe(401);
    expect((await hook({ action: 'api', path: '', query: `token=${token}` })).status).toBe(401);
    // Publishing takes the publisher's credential.
    expect(
      (await hook({ action: 'publish', path: 'an-hai/cau-rong', query: '', ...PUBLISHER })).status,
    ).toBe(200);
    expect(
      (
        await hook({
          action: 'publish',
          path: 'an-hai/cau-rong',
          query: '',
          user: PUBLISHER.user,
          password: 'wrong-password-000000',
        })
      ).status,
    ).toBe(401);
    // Expired: the platform's clock moves past the token's life.
    now += (TTL_S + 1) * 1000;
    try {
      expect((await read('an-hai/cau-rong', `token=${token}`)).status).toBe(401);
    } finally {
      now -= (TTL_S + 1) * 1000;
    }
    // A malformed question is a 400, not an allow.
    expect((await hook({ action: '' })).status).toBe(400);
  });

  it('never answers a camera credential on any camera route, nor writes one to the audit trail', async () => {
    const patched = await call(
      'PATCH /api/v1/cameras/{id}',
      'admin',
      '/api/v1/cameras/an-hai-cau-rong',
      platform.adminToken,
      {
        name: 'Cầu Rồng (An Hải)',
        credentials: { username: SECRET_USER, password: SECRET_PASSWORD, sourceUrl: SECRET_SOURCE },
      },
    );
    expect(patched.status, patched.text).toBe(200);
    expect(cameraSchema.parse(patched.body).hasCredentials).toBe(true);
    for (const [caller, token] of [
      ['admin', platform.adminToken],
      ['viewer A', viewerA],
      ['province', provinceViewer],
    ] as const) {
      await call(
        'GET /api/v1/cameras',
        caller,
        `/api/v1/cameras?unit=${caller === 'viewer A' ? WARD_A : '48'}`,
        token,
      );
      await call('GET /api/v1/cameras/{id}', caller, '/api/v1/cameras/an-hai-cau-rong', token);
      await call(
        'POST /api/v1/cameras/{id}/view',
        caller,
        '/api/v1/cameras/an-hai-cau-rong/view',
        token,
      );
    }
    await call('GET /api/v1/cameras', 'admin', '/api/v1/cameras', platform.adminToken);
    await call(
      'GET /api/v1/cameras/{id}',
      'admin',
      '/api/v1/cameras/hai-chau-cho-han',
      platform.adminToken,
    );
    await call(
      'POST /api/v1/cameras/{id}/view',
      'admin',
      '/api/v1/cameras/hai-chau-cho-han/view',
      platform.adminToken,
    );
    // A viewer's writes are refused, and the refusals echo nothing of what was sent either.
    const creds = { username: SECRET_USER, password: SECRET_PASSWORD, sourceUrl: SECRET_SOURCE };
    const viewerWrites = [
      await call('POST /api/v1/cameras', 'viewer A', '/api/v1/cameras', viewerA, {
        id: 'viewer-cam',
        name: 'x',
        kind: 'traffic',
        lon: 108.2,
        lat: 16.06,
        unitCode: WARD_A,
        hlsPath: 'x',
        credentials: creds,
      }),
      await call(
        'PATCH /api/v1/cameras/{id}',
        'viewer A',
        '/api/v1/cameras/an-hai-cau-rong',
        viewerA,
        {
          credentials: creds,
        },
      ),
      await call(
        'DELETE /api/v1/cameras/{id}',
        'viewer A',
        '/api/v1/cameras/an-hai-cau-rong',
        viewerA,
      ),
    ];
    expect(viewerWrites.map((w) => w.status)).toEqual([403, 403, 403]);
    // A refused duplicate and an invalid body echo nothing of what was sent.
    const dup = await call(
      'POST /api/v1/cameras',
      'admin',
      '/api/v1/cameras',
      platform.adminToken,
      {
        id: 'an-hai-cau-rong',
        name: 'again',
        kind: 'traffic',
        lon: 108.2,
        lat: 16.06,
        unitCode: WARD_A,
        hlsPath: 'x',
        credentials: { username: SECRET_USER, password: SECRET_PASSWORD },
      },
    );
    expect(dup.status).toBe(409);
    const bad = await call(
      'POST /api/v1/cameras',
      'admin',
      '/api/v1/cameras',
      platform.adminToken,
      {
        id: 'bad camera',
        credentials: { sourceUrl: SECRET_SOURCE, password: SECRET_PASSWORD },
      },
    );
    expect(bad.status).toBe(400);
    const removed = await call(
      'DELETE /api/v1/cameras/{id}',
      'admin',
      '/api/v1/cameras/hai-chau-cho-han',
      platform.adminToken,
    );
    expect(removed.status).toBe(204);
    expect(
      (
        await call(
          'GET /api/v1/cameras/{id}',
          'admin',
          '/api/v1/cameras/hai-chau-cho-han',
          platform.adminToken,
        )
      ).status,
    ).toBe(404);

    // A camera's event picture (the snapshot its alerts link to): no event yet, so none.
    const picture = await call(
      'GET /api/v1/cameras/{id}/event-snapshot',
      'admin',
      `/api/v1/cameras/an-hai-cau-rong/event-snapshot?at=${encodeURIComponent(new Date().toISOString())}`,
      platform.adminToken,
    );
    expect(picture.status).toBe(404);

    // Every camera route of the server's table was called above.
    const served = platform.ctx.auth.routes
      .list()
      .filter((r) => r.source === 'nest' && /^\/api\/v1\/(cameras|media)\b/.test(r.path))
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
    expect(served.length).toBe(8);
    for (const route of served) expect(exercised, route).toContain(route);

    for (const a of answers) {
      for (const s of SECRETS)
        expect(a.text.includes(s), `${a.route} as ${a.caller} holds ${s}`).toBe(false);
    }
    const audit = await platform.ctx.pool.query<{ row: string }>(
      'SELECT row_to_json(a)::text AS row FROM audit_log a',
    );
    expect(audit.rows.length).toBeGreaterThan(0);
    for (const { row } of audit.rows)
      for (const s of SECRETS) expect(row.includes(s), row).toBe(false);
  });
});
