import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WS_CHANNEL_POLICIES } from '../../apps/api/src/auth/ws-access';
import { describeHttpMatrix, startMatrix } from '../support/authz/suite';
import type { CallerName } from '../support/authz/callers';
import { CALLER_NAMES, REACH } from '../support/authz/callers';
import { buildRequest, send } from '../support/authz/requests';
import { probeInputs } from '../support/authz/probe-inputs';

/**
 * The authorization matrix in embedded mode (PGlite, in-process broker), generated from the
 * live route table (every route Fastify holds, joined with the policies Nest's controllers
 * declare) and the WebSocket channel policies, crossed with every kind of caller. Each route is
 * probed with every unit-bearing input its contract accepts, at HOME, a FOREIGN ward of the same
 * province and a ward of a second province, and with resources that do not exist
 * (tests/support/authz). The same HTTP matrix runs on PostgreSQL in auth-matrix-postgres.test.ts.
 */

// The table is only known once the platform runs, and vitest collects tests before any hook:
// so the platform starts at collection time (top-level await) and the tests are generated
// from its route table.
const matrix = await startMatrix();
const { platform, world } = matrix;
const HOME = world.units.home;
const FOREIGN = world.units.foreign;
const OTHER = world.units.other;
const caller = (name: CallerName) => matrix.target.caller(name);

afterAll(async () => {
  await matrix.dispose();
});

describeHttpMatrix('authorization matrix: HTTP routes × callers (embedded)', matrix);

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
          ? [policy.example(HOME), policy.example(FOREIGN), policy.example(OTHER)]
          : [policy.example(HOME)];
        const out = await wsSubscribe(c.token, channels);
        if (name === 'anonymous') {
          expect(out.subscribed).toEqual([]);
          expect(out.closedWith).toBe(4401);
          return;
        }
        const reach = REACH[name];
        // A channel of no unit (every alert, a device layer) is everything: not for a ward.
        const covers = (unit: string | null) =>
          (unit === null && reach !== 'ward') ||
          reach === 'all' ||
          unit === HOME ||
          (reach === 'province' && unit === FOREIGN);
        const refusedHere: string[] = [];
        for (const [channel, unit] of scoped
          ? ([
              [policy.example(HOME), HOME],
              [policy.example(FOREIGN), FOREIGN],
              [policy.example(OTHER), OTHER],
            ] as const)
          : ([[policy.example(HOME), null]] as const)) {
          if (covers(unit)) {
            expect(out.subscribed, `${name} on ${channel}`).toContain(channel);
            continue;
          }
          expect(out.refused, `${name} on ${channel}`).toContainEqual({
            channel,
            code: 'FORBIDDEN_SCOPE',
          });
          refusedHere.push(channel);
        }
        for (const channel of refusedHere) {
          const { rows } = await platform.ctx.pool.query(
            "SELECT 1 FROM audit_log WHERE action = 'access.denied' AND target_kind = 'ws_channel' AND actor = $1 AND target_id = $2",
            [c.actor, channel],
          );
          expect(rows.length, `audit row for ${name} on ${channel}`).toBeGreaterThan(0);
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
    matrix.routes.filter(
      (r) =>
        r.entry.source === 'nest' &&
        (r.entry.policy?.kind === 'access' || r.entry.policy?.kind === 'authenticated'),
    );

  it('on every protected route (Authorization header)', async () => {
    expect(protectedRoutes().length).toBeGreaterThan(10);
    for (const [kind, token] of Object.entries(dead)) {
      for (const route of protectedRoutes()) {
        const contract = route.contract;
        if (!contract) continue;
        const req = await buildRequest(
          contract,
          probeInputs(contract),
          { input: null, value: 'none' },
          world,
          false,
        );
        const r = await send(platform.httpUrl, req, token);
        expect(
          { status: r.status, code: r.code },
          `${kind} on ${route.entry.method} ${route.entry.path}`,
        ).toEqual({ status: 401, code: 'AUTH_INVALID_TOKEN' });
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
