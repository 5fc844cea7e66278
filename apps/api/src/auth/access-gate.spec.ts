import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { toResponse } from '../common/error.filter';
import { AccessGate, credentialOf } from './access-gate';
import type { RoutePolicy } from './access.decorators';
import { accessFakes } from './testing/access-fakes';

const alertUnit: RoutePolicy = {
  kind: 'access',
  action: 'alerts.work',
  unit: { from: 'lookup', resolve: (req, l) => l.alertUnit((req.params as { id: string }).id) },
};

/** A Fastify app with one route behind `policy`, answering errors the way the API does. */
async function appFor(gate: AccessGate, policy: RoutePolicy | undefined) {
  const app = Fastify();
  const seen: { query: unknown }[] = [];
  app.setErrorHandler((err, _req, reply) => {
    const r = toResponse(err);
    void reply.headers(r.headers).status(r.status).send(r.body);
  });
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    await gate.check(req, reply, policy);
    seen.push({ query: { ...(req.query as object) } });
    return { ok: true };
  };
  app.get('/things', handler);
  app.post('/alerts/:id/ack', handler);
  await app.ready();
  apps.push(app);
  return { app, seen };
}

const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('credentialOf', () => {
  const req = (headers: Record<string, string>, query: Record<string, string> = {}) =>
    ({ headers, query }) as unknown as FastifyRequest;

  it('takes the bearer header first, and a URL token only without one', () => {
    expect(credentialOf(req(bearer('iocs_a'), { token: 'iocd_b' }))).toEqual({
      token: 'iocs_a',
      via: 'header',
    });
    expect(credentialOf(req({}, { token: 'iocd_b' }))).toEqual({ token: 'iocd_b', via: 'query' });
    expect(credentialOf(req({}))).toBeNull();
  });

  it('reads a malformed Authorization header as an empty token, not as a fall-back to the URL', () => {
    expect(credentialOf(req({ authorization: 'Basic abc' }, { token: 'iocd_b' }))).toEqual({
      token: '',
      via: 'header',
    });
  });
});

describe('AccessGate', () => {
  it('closes a route that declares no policy', async () => {
    const h = accessFakes();
    const { app } = await appFor(h.gate, undefined);
    const res = await app.inject({ url: '/things', headers: bearer('iocs_admin') });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'ROUTE_POLICY_MISSING' } });
  });

  it('lets anyone through a public route, without resolving any credential', async () => {
    const h = accessFakes();
    const { app } = await appFor(h.gate, { kind: 'public' });
    expect((await app.inject({ url: '/things', headers: bearer('iocs_x') })).statusCode).toBe(200);
    expect(h.resolved).toEqual([]);
  });

  it('tells a missing credential (AUTH_REQUIRED) from a dead one (AUTH_INVALID_TOKEN)', async () => {
    const h = accessFakes();
    const { app } = await appFor(h.gate, { kind: 'authenticated' });
    const none = await app.inject({ url: '/things' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
    const dead = await app.inject({ url: '/things', headers: bearer('iocs_revoked') });
    expect(dead.statusCode).toBe(401);
    expect(dead.json()).toMatchObject({ error: { code: 'AUTH_INVALID_TOKEN' } });
    expect((await app.inject({ url: '/things', headers: bearer('iocs_ward') })).statusCode).toBe(
      200,
    );
  });

  it('never takes a session token from the URL, but takes a wall’s display token there and hides it from the handler', async () => {
    const h = accessFakes();
    const { app, seen } = await appFor(h.gate, { kind: 'access', action: 'read' });
    const session = await app.inject({ url: '/things?token=iocs_admin' });
    expect(session.statusCode).toBe(401);
    expect(h.resolved).toEqual([]);
    const wall = await app.inject({ url: '/things?token=iocd_wall&unit=48' });
    expect(wall.statusCode).toBe(200);
    expect(seen).toEqual([{ query: { unit: '48' } }]);
  });

  it('refuses a role that may never take the action before looking the resource up', async () => {
    const h = accessFakes({ alertUnits: { a1: '20194' } });
    const { app } = await appFor(h.gate, alertUnit);
    const res = await app.inject({
      method: 'POST',
      url: '/alerts/a1/ack',
      headers: bearer('iocs_leader'),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN_ROLE' } });
    expect(h.looked).toEqual([]);
    expect(h.audits).toEqual([
      {
        who: expect.objectContaining({ actor: 'ward_leader' }) as unknown,
        event: expect.objectContaining({
          action: 'access.denied',
          targetKind: 'route',
          targetId: 'POST /alerts/:id/ack',
          detail: { code: 'FORBIDDEN_ROLE', action: 'alerts.work', path: '/alerts/a1/ack' },
        }) as unknown,
      },
    ]);
  });

  it('refuses a scoped principal a resource that does not exist, as if it were outside its scope', async () => {
    const h = accessFakes({ alertUnits: { mine: '20194' } });
    const { app } = await appFor(h.gate, alertUnit);
    const missing = await app.inject({
      method: 'POST',
      url: '/alerts/nope/ack',
      headers: bearer('iocs_ward'),
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ error: { code: 'FORBIDDEN_SCOPE' } });
    expect(h.audits.map((a) => a.event.detail)).toEqual([
      { code: 'FORBIDDEN_SCOPE', action: 'alerts.work', path: '/alerts/nope/ack' },
    ]);
    const own = await app.inject({
      method: 'POST',
      url: '/alerts/mine/ack',
      headers: bearer('iocs_ward'),
    });
    expect(own.statusCode).toBe(200);
  });

  it('lets a principal that reads everything go on to the handler’s 404 for a missing resource', async () => {
    const h = accessFakes();
    const { app, seen } = await appFor(h.gate, alertUnit);
    for (const token of ['iocs_admin', 'iocs_province']) {
      const res = await app.inject({
        method: 'POST',
        url: '/alerts/nope/ack',
        headers: bearer(token),
      });
      expect(res.statusCode).toBe(200);
    }
    expect(seen).toHaveLength(2);
    expect(h.audits).toEqual([]);
  });

  it('refuses a unit outside the scope, names that unit in the audit, and allows one below the scope', async () => {
    const h = accessFakes();
    const policy: RoutePolicy = {
      kind: 'access',
      action: 'read',
      unit: { from: 'query', name: 'unit' },
    };
    const { app } = await appFor(h.gate, policy);
    const foreign = await app.inject({
      url: '/things?unit=20194,26734',
      headers: bearer('iocs_province'),
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ error: { code: 'FORBIDDEN_SCOPE' } });
    expect(h.audits[0]?.event.unitCode).toBe('26734');
    // The parent map is made ready for every unit before the decision.
    expect(h.loaded).toEqual(['20194', '26734']);
    const below = await app.inject({ url: '/things?unit=20200', headers: bearer('iocs_province') });
    expect(below.statusCode).toBe(200);
  });

  it('makes a ward role name its unit rather than answer for the whole platform', async () => {
    const h = accessFakes();
    const policy: RoutePolicy = {
      kind: 'access',
      action: 'read',
      unit: { from: 'query', name: 'unit' },
    };
    const { app } = await appFor(h.gate, policy);
    const whole = await app.inject({ url: '/things', headers: bearer('iocs_ward') });
    expect(whole.statusCode).toBe(403);
    expect(
      (await app.inject({ url: '/things', headers: bearer('iocs_province') })).statusCode,
    ).toBe(200);
  });

  it('rate-limits a machine credential wherever it comes from', async () => {
    const h = accessFakes({ burst: 2, sourceBurst: 100 });
    const { app } = await appFor(h.gate, { kind: 'machine' });
    const send = (from: string) =>
      app.inject({ url: '/things', headers: bearer('dev-token'), remoteAddress: from });
    expect((await send('10.0.0.1')).statusCode).toBe(200);
    expect((await send('10.0.0.2')).statusCode).toBe(200);
    const third = await send('10.0.0.3');
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/for this credential/) as unknown,
      },
    });
  });

  it('rate-limits an address however many credentials it rotates', async () => {
    const h = accessFakes({ burst: 100, sourceBurst: 2 });
    const { app } = await appFor(h.gate, { kind: 'machine' });
    const send = (key: string) =>
      app.inject({ url: '/things', headers: { 'x-api-key': key }, remoteAddress: '10.0.0.7' });
    expect((await send('k1')).statusCode).toBe(200);
    expect((await send('k2')).statusCode).toBe(200);
    const third = await send('k3');
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBe('1');
    expect(third.json()).toMatchObject({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/from this address/) as unknown,
      },
    });
    // Another address is not held up by the first one's flood.
    const other = await app.inject({
      url: '/things',
      headers: { 'x-api-key': 'k1' },
      remoteAddress: '10.0.0.8',
    });
    expect(other.statusCode).toBe(200);
  });
});
