/**
 * Wall screens report in (`POST /api/v1/wall/screens/report`) with their display token; an
 * administrator lists them (`GET /api/v1/wall/screens`) with the tile and scene each shows and
 * whether it is online. Only display tokens are recorded (a person's preview is not a screen);
 * a screen reports only for units in its token's scope; only administrators list; bad reports
 * get the one 400 shape; a screen silent for longer than the threshold reads offline (the
 * platform's clock is moved, nothing sleeps).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREEN_OFFLINE_AFTER_MS,
  wallScreenListResponse,
  type ScreenReportBody,
  type WallScreenView,
} from '@ioc/contracts';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';

describe('wall screens API (embedded, access control on)', () => {
  let platform: TestPlatform;
  let now = new Date('2026-12-07T08:00:00Z');

  const api = (method: string, path: string, token: string | null, body?: unknown) =>
    callApi(platform.httpUrl, method, path, token, body);
  const report = (token: string, patch: Partial<ScreenReportBody> = {}) =>
    api('POST', '/api/v1/wall/screens/report', token, {
      unit: '48',
      tiles: { cols: 2, rows: 1 },
      tile: 2,
      sceneId: 'air',
      sceneKind: 'air',
      viewport: { width: 1920, height: 1080 },
      kiosk: true,
      build: 'index-abc123.js',
      ...patch,
    });
  const list = async (): Promise<WallScreenView[]> => {
    const r = await api('GET', '/api/v1/wall/screens', platform.adminToken);
    expect(r.status).toBe(200);
    return wallScreenListResponse.parse(r.body).items;
  };
  const tokenIdOf = async (name: string): Promise<string> => {
    const r = await api('GET', '/api/v1/display-tokens', platform.adminToken);
    const found = (r.body as { items: { id: string; name: string }[] }).items.find(
      (d) => d.name === name,
    );
    if (!found) throw new Error(`no display token ${name}`);
    return found.id;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ clock: () => now });
  }, 120_000);
  afterAll(async () => {
    await platform.dispose();
  });

  it('records what a display-token screen shows, and an admin lists it online', async () => {
    const display = await platform.displayToken('48');
    const r = await report(display);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ recorded: true });

    const tokenId = await tokenIdOf('test wall 48');
    const screen = (await list()).find((s) => s.tokenId === tokenId);
    expect(screen).toMatchObject({
      tokenName: 'test wall 48',
      unitCode: '48',
      unitName: expect.stringContaining('Đà Nẵng') as unknown,
      tiles: { cols: 2, rows: 1 },
      tile: 2,
      sceneId: 'air',
      sceneKind: 'air',
      viewport: { width: 1920, height: 1080 },
      kiosk: true,
      build: 'index-abc123.js',
      lastSeenAt: now.toISOString(),
      online: true,
    });

    // The next report (a scene change) updates the same screen, keeping when it was first seen.
    const firstSeen = screen?.firstSeenAt;
    now = new Date(now.getTime() + 30_000);
    expect((await report(display, { sceneId: 'water', sceneKind: 'water' })).status).toBe(200);
    const mine = (await list()).filter((s) => s.tokenId === tokenId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      sceneId: 'water',
      firstSeenAt: firstSeen,
      lastSeenAt: now.toISOString(),
    });
  });

  it('keeps each tile of one token apart', async () => {
    const display = await platform.displayToken('48');
    const tokenIds = new Set((await list()).map((s) => s.tokenId));
    await report(display, { tile: 1 });
    await report(display, { tile: 2 });
    const fresh = (await list()).filter((s) => !tokenIds.has(s.tokenId));
    expect(fresh.map((s) => s.tile).sort()).toEqual([1, 2]);
  });

  it('shows a screen offline once it has not been heard for longer than the threshold', async () => {
    const display = await platform.displayToken('20275');
    await report(display, { unit: '20275', tiles: { cols: 1, rows: 1 }, tile: 1 });
    const lastSeen = now.toISOString();
    const find = async () => (await list()).find((s) => s.unitCode === '20275');

    now = new Date(now.getTime() + SCREEN_OFFLINE_AFTER_MS);
    expect(await find()).toMatchObject({ online: true, lastSeenAt: lastSeen });
    now = new Date(now.getTime() + 1_000);
    expect(await find()).toMatchObject({ online: false, lastSeenAt: lastSeen });

    // Heard again: online again.
    await report(display, { unit: '20275', tiles: { cols: 1, rows: 1 }, tile: 1 });
    expect(await find()).toMatchObject({ online: true, lastSeenAt: now.toISOString() });
  });

  it("answers a person's wall (a preview) but does not record it as a screen", async () => {
    const before = (await list()).length;
    const r = await report(platform.adminToken, { sceneId: 'preview-only' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ recorded: false });
    const after = await list();
    expect(after).toHaveLength(before);
    expect(after.some((s) => s.sceneId === 'preview-only')).toBe(false);
  });

  it("refuses a report for a unit outside the display token's scope", async () => {
    const wardDisplay = await platform.displayToken('20275');
    const r = await report(wardDisplay, { unit: '48' });
    expect(r.status).toBe(403);
    expect((r.body as { error: { code: string } }).error.code).toBe('FORBIDDEN_SCOPE');
  });

  it('refuses the list to non-admins, ward-scoped users, display tokens and anonymous callers', async () => {
    const callers = [
      await platform.loginAs('ward_operator', ['20275']),
      await platform.loginAs('ward_leader', ['20275']),
      await platform.loginAs('province_operator', ['48']),
      await platform.loginAs('province_leader', ['48']),
      await platform.displayToken('48'),
    ];
    for (const token of callers) {
      const r = await api('GET', '/api/v1/wall/screens', token);
      expect(r.status).toBe(403);
      expect((r.body as { error: { code: string } }).error.code).toBe('FORBIDDEN_ROLE');
    }
    const anonymous = await api('GET', '/api/v1/wall/screens', null);
    expect(anonymous.status).toBe(401);
    const report401 = await api('POST', '/api/v1/wall/screens/report', null, { unit: '48' });
    expect(report401.status).toBe(401);
  });

  it('lists every problem of a bad report in the one 400 shape, and records nothing', async () => {
    const display = await platform.displayToken('48');
    const before = (await list()).length;
    const r = await report(display, {
      tiles: { cols: 2, rows: 1 },
      tile: 3,
      sceneKind: 'disco' as ScreenReportBody['sceneKind'],
      viewport: { width: 0, height: 1080 },
    });
    expect(r.status).toBe(400);
    const body = r.body as {
      error: { code: string; message: string; details: { issues: { path: string }[] } };
    };
    expect(body.error.code).toBe('SCREEN_REPORT_INVALID');
    expect(typeof body.error.message).toBe('string');
    expect(body.error.details.issues.map((i) => i.path).sort()).toEqual(
      expect.arrayContaining(['sceneKind', 'viewport.width']),
    );
    const unknownField = await report(display, { extra: 1 } as Partial<ScreenReportBody>);
    expect(unknownField.status).toBe(400);
    expect((await list()).length).toBe(before);
  });

  it("lets the same origin frame only the admin's scene preview, never another page", async () => {
    const headersOf = async (path: string) => {
      const r = await fetch(`${platform.httpUrl}${path}`);
      await r.body?.cancel();
      return {
        frameOptions: r.headers.get('x-frame-options'),
        ancestors: /frame-ancestors [^;]+/.exec(
          r.headers.get('content-security-policy') ?? '',
        )?.[0],
      };
    };
    expect(await headersOf('/wall?unit=48&scene=air&kiosk=1&preview=1')).toEqual({
      frameOptions: 'SAMEORIGIN',
      ancestors: "frame-ancestors 'self'",
    });
    for (const path of ['/wall?unit=48&kiosk=1', '/admin/wall?preview=1']) {
      expect(await headersOf(path)).toEqual({
        frameOptions: 'DENY',
        ancestors: "frame-ancestors 'none'",
      });
    }
  });
});
