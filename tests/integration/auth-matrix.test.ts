import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Action } from '@ioc/auth';
import type { RoutePolicy, UnitSource } from '../../apps/api/src/auth/access.decorators';
import type { RouteEntry } from '../../apps/api/src/auth/route-registry';
import { WS_CHANNEL_POLICIES } from '../../apps/api/src/auth/ws-access';
import { startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * The authorization matrix, generated from the live route table (every route Fastify holds,
 * joined with the policies Nest's controllers declare) and the WebSocket channel policies,
 * crossed with every kind of caller. A route or channel without a rule fails here.
 */

const HOME = '20275'; // the ward of the ward-scoped callers
const FOREIGN = '20314'; // another ward of the same province
const PLACEHOLDER = '00000000-0000-0000-0000-000000000000';

type CallerName =
  | 'anonymous'
  | 'display'
  | 'ward_leader'
  | 'ward_operator'
  | 'province_operator'
  | 'province_leader'
  | 'admin';
interface Caller {
  name: CallerName;
  token: string | null;
  /** audit_log.actor of this caller. */
  actor: string;
}

const ACTIONS: Record<Exclude<CallerName, 'anonymous'>, ReadonlySet<Action>> = {
  display: new Set(['read']),
  ward_leader: new Set(['read', 'reports.review', 'citizen.handle']),
  ward_operator: new Set([
    'read',
    'alerts.work',
    'tasks.work',
    'reports.submit',
    'reports.review',
    'citizen.handle',
  ]),
  province_leader: new Set(['read', 'reports.review', 'citizen.handle']),
  province_operator: new Set([
    'read',
    'alerts.work',
    'tasks.work',
    'tasks.plan',
    'reports.submit',
    'reports.review',
    'citizen.handle',
  ]),
  admin: new Set([
    'read',
    'alerts.work',
    'admin',
    'tasks.work',
    'tasks.plan',
    'reports.submit',
    'reports.review',
    'citizen.handle',
  ]),
};
/** Callers narrowed to HOME: a foreign unit, or no unit at all, is out of their scope. */
const WARD_SCOPED = new Set<CallerName>(['display', 'ward_leader', 'ward_operator']);
const CALLER_NAMES: CallerName[] = [
  'anonymous',
  'display',
  'ward_leader',
  'ward_operator',
  'province_operator',
  'province_leader',
  'admin',
];

// The table is only known once the platform runs, and vitest collects tests before any hook:
// so the platform starts at collection time (top-level await) and the tests are generated
// from its route table.
const platform: TestPlatform = await startTestPlatform();
const callers = new Map<CallerName, Caller>();
const routes = platform.ctx.auth.routes.list();
/** Routes that end the caller's own session: probed with a throwaway token of the same kind. */
const ENDS_SESSION = (route: RouteEntry) => route.path.endsWith('/logout');

async function throwaway(name: CallerName): Promise<Caller> {
  const c = caller(name);
  if (name === 'anonymous') return c;
  const token =
    name === 'display'
      ? await platform.displayToken(HOME)
      : await platform.loginAs(
          name,
          name.startsWith('province') ? ['48'] : name === 'admin' ? [] : [HOME],
        );
  return { ...c, token };
}

beforeAll(async () => {
  const tokens: Record<CallerName, string | null> = {
    anonymous: null,
    display: await platform.displayToken(HOME),
    ward_leader: await platform.loginAs('ward_leader', [HOME]),
    ward_operator: await platform.loginAs('ward_operator', [HOME]),
    province_operator: await platform.loginAs('province_operator', ['48']),
    province_leader: await platform.loginAs('province_leader', ['48']),
    admin: platform.adminToken,
  };
  for (const name of CALLER_NAMES) {
    const token = tokens[name];
    let actor = 'anonymous';
    if (token) {
      const me = (await (
        await fetch(`${platform.httpUrl}/api/v1/auth/me`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as {
        kind: string;
        id: string;
        username?: string;
      };
      actor = me.kind === 'display' ? `display:${me.id}` : (me.username ?? '');
    }
    callers.set(name, { name, token, actor });
  }
});

afterAll(async () => {
  await platform.dispose();
});

function caller(name: CallerName): Caller {
  const c = callers.get(name);
  if (!c) throw new Error(`caller ${name} not prepared`);
  return c;
}

function sourcesOf(policy: RoutePolicy): UnitSource[] {
  if (policy.kind !== 'access' || policy.unit === undefined) return [];
  return Array.isArray(policy.unit)
    ? [...(policy.unit as readonly UnitSource[])]
    : [policy.unit as UnitSource];
}

/** A harmless request for the route: placeholders for ids, the unit where the policy reads it. */
async function call(
  route: RouteEntry,
  token: string | null,
  unit: string | null,
): Promise<{ status: number; code: string | null }> {
  const named = route.policy
    ? sourcesOf(route.policy).filter(
        (s): s is Extract<UnitSource, { name: string }> => s.from !== 'lookup',
      )
    : [];
  const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) =>
    encodeURIComponent(
      unit !== null && named.some((s) => s.from === 'param' && s.name === name)
        ? unit
        : PLACEHOLDER,
    ),
  );
  const url = new URL(path, platform.httpUrl);
  const body: Record<string, string> = {};
  if (unit !== null) {
    for (const s of named) {
      if (s.from === 'query') url.searchParams.set(s.name, unit);
      if (s.from === 'body') body[s.name] = unit;
    }
  }
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  const hasBody = !['GET', 'HEAD', 'DELETE'].includes(route.method);
  if (hasBody) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method: route.method,
    headers,
    ...(hasBody ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let code: string | null = null;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    // not JSON (CSV, metrics, web app): no error code
  }
  return { status: res.status, code };
}

function isPathParamUnit(route: RouteEntry): boolean {
  return route.policy !== null && sourcesOf(route.policy).some((s) => s.from === 'param');
}

async function expectDeniedAndAudited(
  route: RouteEntry,
  c: Caller,
  unit: string | null,
  r: { status: number; code: string | null },
) {
  expect(r, `${c.name} ${route.method} ${route.path} unit=${unit ?? '(none)'}`).toEqual({
    status: 403,
    code: 'FORBIDDEN_SCOPE',
  });
  const { rows } = await platform.ctx.pool.query(
    `SELECT 1 FROM audit_log WHERE action = 'access.denied' AND actor = $1 AND target_id = $2 AND unit_code IS NOT DISTINCT FROM $3`,
    [c.actor, `${route.method} ${route.path}`, unit],
  );
  expect(rows.length, `audit row for ${c.name} ${route.method} ${route.path}`).toBeGreaterThan(0);
}

function allowed(r: { status: number; code: string | null }): boolean {
  return r.status !== 401 && r.status !== 403;
}

describe('authorization matrix: HTTP routes × callers', () => {
  it('covers a non-trivial route table', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.some((r) => r.path === '/api/v1/devices')).toBe(true);
  });

  for (const route of routes) {
    const label = `${route.method} ${route.path}`;
    describe(label, () => {
      if (route.source === 'fastify') {
        // Registered on Fastify directly, outside the guard: only the web app's pages may be.
        it('is a web app page, not an API route', async () => {
          expect(
            route.path.startsWith('/api/') || route.path === '/ws',
            `${label} bypasses the access guard`,
          ).toBe(false);
          const r = await call(route, null, null);
          expect(allowed(r)).toBe(true);
        });
        return;
      }

      const policy = route.policy;
      if (policy === null) {
        it('declares an access policy', () => {
          expect.fail(
            `${label} declares no policy: add @Access, @Authenticated, @PublicRoute or @MachineRoute`,
          );
        });
        return;
      }

      for (const name of CALLER_NAMES) {
        it(name, async () => {
          const c = ENDS_SESSION(route) ? await throwaway(name) : caller(name);
          switch (policy.kind) {
            case 'public': {
              expect(allowed(await call(route, c.token, null))).toBe(true);
              return;
            }
            case 'machine': {
              // The route checks its own machine credential: no person's token can use it
              // (/metrics also admits an administrator), and nothing answers without one.
              const r = await call(route, c.token, null);
              expect(r.code).not.toBe('ROUTE_POLICY_MISSING');
              if (name !== 'admin')
                expect(r.status, `${name} on ${label}`).toBeGreaterThanOrEqual(400);
              return;
            }
            case 'authenticated': {
              const r = await call(route, c.token, null);
              if (name === 'anonymous')
                expect(r).toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
              else
                expect(allowed(r), `${name} on ${label}: ${r.status} ${r.code ?? ''}`).toBe(true);
              return;
            }
            case 'access': {
              const scoped = sourcesOf(policy).length > 0;
              const lookupOnly = scoped && sourcesOf(policy).every((s) => s.from === 'lookup');
              const home = await call(route, c.token, scoped ? HOME : null);
              if (name === 'anonymous') {
                expect(home).toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
                return;
              }
              if (!ACTIONS[name].has(policy.action)) {
                expect(home, `${name} on ${label}`).toEqual({
                  status: 403,
                  code: 'FORBIDDEN_ROLE',
                });
                return;
              }
              // A looked-up resource that does not exist (the placeholder id) never widens
              // access: a ward-scoped caller is refused; real resources: the owning suites.
              if (lookupOnly && WARD_SCOPED.has(name)) {
                await expectDeniedAndAudited(route, c, null, home);
                return;
              }
              expect(
                allowed(home),
                `${name} on ${label} for ${HOME}: ${home.status} ${home.code ?? ''}`,
              ).toBe(true);
              if (!scoped || lookupOnly) return;
              const foreign = await call(route, c.token, FOREIGN);
              if (WARD_SCOPED.has(name)) await expectDeniedAndAudited(route, c, FOREIGN, foreign);
              else expect(allowed(foreign), `${name} on ${label} for ${FOREIGN}`).toBe(true);
              // Not naming a unit asks for everything: never a silently filtered answer.
              if (isPathParamUnit(route)) return;
              const unscoped = await call(route, c.token, null);
              if (WARD_SCOPED.has(name)) await expectDeniedAndAudited(route, c, null, unscoped);
              else expect(allowed(unscoped), `${name} on ${label} without a unit`).toBe(true);
            }
          }
        });
      }
    });
  }
});

interface WsOutcome {
  subscribed: string[];
  refused: { channel: string; code: string }[];
  closedWith: number | null;
}

/**
 * Opens /ws, authenticates as the web does (a display token as ?token=, a session as the first
 * message), subscribes to the channels and reports what happened.
 */
async function wsSubscribe(token: string | null, channels: string[]): Promise<WsOutcome> {
  const url = new URL('/ws', platform.httpUrl.replace(/^http/, 'ws'));
  const inUrl = token?.startsWith('iocd_') === true;
  if (token && inUrl) url.searchParams.set('token', token);
  const ws = new WebSocket(url);
  const out: WsOutcome = { subscribed: [], refused: [], closedWith: null };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('WebSocket matrix probe timed out'));
    }, 10_000);
    const done = () => {
      clearTimeout(timer);
      resolve(out);
    };
    ws.on('open', () => {
      if (token && !inUrl) ws.send(JSON.stringify({ type: 'auth', token }));
      ws.send(JSON.stringify({ type: 'subscribe', channels }));
    });
    ws.on('message', (data: Buffer) => {
      const m = JSON.parse(data.toString()) as {
        type: string;
        channels?: string[];
        channel?: string;
        code?: string;
      };
      if (m.type === 'refused') out.refused.push({ channel: m.channel ?? '', code: m.code ?? '' });
      if (m.type === 'subscribed') {
        out.subscribed = m.channels ?? [];
        ws.close();
      }
    });
    ws.on('close', (code) => {
      out.closedWith = out.closedWith ?? code;
      done();
    });
    ws.on('error', () => undefined);
  });
}

describe('authorization matrix: WebSocket channels × callers', () => {
  it('has a policy for every channel kind', () => {
    expect(WS_CHANNEL_POLICIES.map((p) => p.name).sort()).toEqual([
      'alerts',
      'alerts:unit',
      'layer',
      'unit',
    ]);
  });

  for (const policy of WS_CHANNEL_POLICIES) {
    const scoped = policy.example(HOME) !== policy.example(FOREIGN);
    for (const name of CALLER_NAMES) {
      it(`${policy.name} × ${name}`, async () => {
        const c = caller(name);
        const channels = scoped
          ? [policy.example(HOME), policy.example(FOREIGN)]
          : [policy.example(HOME)];
        const out = await wsSubscribe(c.token, channels);
        if (name === 'anonymous') {
          expect(out.subscribed).toEqual([]);
          expect(out.closedWith).toBe(4401);
          return;
        }
        const expectAllowed = (channel: string, unit: string | null) => {
          const ok = !WARD_SCOPED.has(name) || unit === HOME;
          if (ok) expect(out.subscribed, `${name} on ${channel}`).toContain(channel);
          else
            expect(out.refused, `${name} on ${channel}`).toContainEqual({
              channel,
              code: 'FORBIDDEN_SCOPE',
            });
        };
        if (scoped) {
          expectAllowed(policy.example(HOME), HOME);
          expectAllowed(policy.example(FOREIGN), FOREIGN);
          if (WARD_SCOPED.has(name)) {
            const { rows } = await platform.ctx.pool.query(
              "SELECT 1 FROM audit_log WHERE action = 'access.denied' AND target_kind = 'ws_channel' AND actor = $1 AND target_id = $2",
              [c.actor, policy.example(FOREIGN)],
            );
            expect(rows.length).toBeGreaterThan(0);
          }
        } else {
          expectAllowed(policy.example(HOME), null);
        }
      });
    }
  }

  it('refuses a channel no policy covers', async () => {
    const out = await wsSubscribe(caller('admin').token, ['bogus:1']);
    expect(out.subscribed).toEqual([]);
    expect(out.refused.map((r) => r.code)).toEqual(['WS_UNKNOWN_CHANNEL']);
  });
});

describe('dead credentials are refused everywhere', () => {
  const forged = {
    'forged session': `iocs_${randomBytes(32).toString('base64url')}`,
    'forged display': `iocd_${randomBytes(32).toString('base64url')}`,
    garbage: 'not-a-token',
  };
  const dead: Record<string, string> = {};

  beforeAll(async () => {
    Object.assign(dead, forged);
    // Expired: a real session whose expiry has passed.
    const expired = await platform.loginAs('ward_leader', [HOME]);
    await platform.ctx.pool.query(
      "UPDATE auth_session SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE id = (SELECT id FROM auth_session ORDER BY created_at DESC LIMIT 1)",
    );
    platform.ctx.auth.principals.forgetAll();
    dead.expired = expired;
    // Revoked: a session logged out, a display token revoked.
    const revoked = await platform.loginAs('province_leader', ['48']);
    expect(
      (
        await fetch(`${platform.httpUrl}/api/v1/auth/logout`, {
          method: 'POST',
          headers: { authorization: `Bearer ${revoked}` },
        })
      ).status,
    ).toBe(204);
    dead['revoked session'] = revoked;
    const issued = await fetch(`${platform.httpUrl}/api/v1/display-tokens`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${platform.adminToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'to revoke', unitCode: HOME }),
    });
    const { token, displayToken } = (await issued.json()) as {
      token: string;
      displayToken: { id: string };
    };
    await fetch(`${platform.httpUrl}/api/v1/display-tokens/${displayToken.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${platform.adminToken}` },
    });
    dead['revoked display'] = token;
  });

  const protectedRoutes = () =>
    routes.filter(
      (r) =>
        r.source === 'nest' && (r.policy?.kind === 'access' || r.policy?.kind === 'authenticated'),
    );

  it('on every protected route (Authorization header)', async () => {
    expect(protectedRoutes().length).toBeGreaterThan(10);
    for (const [kind, token] of Object.entries(dead)) {
      for (const route of protectedRoutes()) {
        const r = await call(route, token, HOME);
        expect(r, `${kind} on ${route.method} ${route.path}`).toEqual({
          status: 401,
          code: 'AUTH_INVALID_TOKEN',
        });
      }
    }
  });

  it('as ?token= on a read route', async () => {
    for (const [kind, token] of Object.entries(dead)) {
      const res = await fetch(
        `${platform.httpUrl}/api/v1/devices?unit=${HOME}&token=${encodeURIComponent(token)}`,
      );
      expect(res.status, kind).toBe(401);
    }
  });

  it('on the WebSocket', async () => {
    for (const [kind, token] of Object.entries(dead)) {
      const out = await wsSubscribe(token, [`unit:${HOME}`]);
      expect(out.subscribed, kind).toEqual([]);
      expect(out.closedWith, kind).toBe(4401);
    }
  });

  it('a session token is not accepted in a URL', async () => {
    const res = await fetch(
      `${platform.httpUrl}/api/v1/devices?unit=${HOME}&token=${caller('admin').token ?? ''}`,
    );
    expect(res.status).toBe(401);
  });
});
