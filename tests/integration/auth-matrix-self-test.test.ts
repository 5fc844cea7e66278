import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { DomainError, type RouteContract } from '@ioc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  unitOfDevice,
  type RoutePolicy,
  type UnitSource,
} from '../../apps/api/src/auth/access.decorators';
import { toResponse } from '../../apps/api/src/common/error.filter';
import { CALLER_NAMES, type CallerName } from '../support/authz/callers';
import { runCell, type MatrixRoute, type MatrixTarget } from '../support/authz/matrix';
import { matrixTarget, startMatrix } from '../support/authz/suite';

/**
 * The matrix must find leaks by itself. A server of its own mounts deliberately broken routes
 * behind the platform's real access gate (same principals, same audit trail), next to their
 * correct twins, and the matrix's own cell runner is pointed at them:
 *
 * - a list filtered by `?unit=` whose policy declares no unit source (GET /api/v1/targets before
 *   its fix): a ward caller reads a foreign ward's data;
 * - a route whose device lookup lets a missing device through (the gate before the
 *   decommissioned-device fix) and whose handler answers for it anyway;
 * - a route that crashes (500) and one that answers 400 to a valid request: neither is "allowed".
 */

const matrix = await startMatrix();
const { platform, world } = matrix;
let server: FastifyInstance;
let target: MatrixTarget;

const READ = { kind: 'access', action: 'read' } as const;
const unitQuery: UnitSource = { from: 'query', name: 'unit' };
/** The lookup as the gate once had it: a device it cannot find counts as one without a unit. */
const deviceOrNothing: UnitSource = {
  from: 'lookup',
  resolve: async (req, lookups) =>
    (await lookups.deviceUnit((req.params as { id?: string }).id ?? '')) ?? null,
};

const contract = (
  method: 'GET',
  path: string,
  request: RouteContract['request'],
): RouteContract => ({
  method,
  path,
  operationId: path,
  tag: 'Self-test',
  summary: { vi: 'Kiểm tra ma trận', en: 'Matrix self-test' },
  security: ['session', 'display'],
  request,
  responses: { 200: { description: 'OK' } },
});
const unitList = { query: z.object({ unit: z.string().optional() }) };
const deviceReadings = {
  params: z.object({ id: z.string().min(1) }),
  query: z.object({ unit: z.string() }),
};

interface Mounted {
  route: MatrixRoute;
  handler: (req: FastifyRequest) => unknown;
}

/** Targets of the unit asked for, named with its place's marker (as the real list would). */
const targetsOf = (req: FastifyRequest) => {
  const unit = (req.query as { unit?: string }).unit;
  const place = Object.entries(world.units).find(([, code]) => code === unit)?.[0];
  const units = unit === undefined ? Object.keys(world.marker) : place ? [place] : [];
  return { items: units.map((p) => ({ unit, name: `${world.marker[p as 'home']} target` })) };
};
const knownDevice = (req: FastifyRequest) => {
  const id = (req.params as { id: string }).id;
  if (!Object.values(world.resources.device).includes(id) || id === world.resources.device.missing)
    throw new DomainError('not_found', 'DEVICE_NOT_FOUND', `no device ${id}`);
  return { device: id, readings: [] };
};

function mount(
  method: 'GET',
  fastifyPath: string,
  openApiPath: string,
  policy: RoutePolicy,
  request: RouteContract['request'],
  handler: (req: FastifyRequest) => unknown,
): Mounted {
  return {
    route: {
      entry: { method, path: fastifyPath, policy, source: 'nest' },
      contract: contract(method, openApiPath, request),
    },
    handler,
  };
}

const ROUTES = {
  undeclaredFilter: mount(
    'GET',
    '/api/v1/selftest/targets',
    '/api/v1/selftest/targets',
    READ,
    unitList,
    targetsOf,
  ),
  declaredFilter: mount(
    'GET',
    '/api/v1/selftest/scoped-targets',
    '/api/v1/selftest/scoped-targets',
    { ...READ, unit: unitQuery },
    unitList,
    targetsOf,
  ),
  missingLetThrough: mount(
    'GET',
    '/api/v1/devices/:id/selftest-readings',
    '/api/v1/devices/{id}/selftest-readings',
    { ...READ, unit: [unitQuery, deviceOrNothing] },
    deviceReadings,
    (req) => ({ device: (req.params as { id: string }).id, readings: [] }),
  ),
  missingRefused: mount(
    'GET',
    '/api/v1/devices/:id/selftest-checked',
    '/api/v1/devices/{id}/selftest-checked',
    { ...READ, unit: [unitQuery, unitOfDevice('param', 'id')] },
    deviceReadings,
    knownDevice,
  ),
  crashes: mount('GET', '/api/v1/selftest/crash', '/api/v1/selftest/crash', READ, {}, () => {
    throw new Error('the handler crashed');
  }),
  refusesValid: mount(
    'GET',
    '/api/v1/selftest/picky',
    '/api/v1/selftest/picky',
    { ...READ, unit: unitQuery },
    unitList,
    () => {
      throw new DomainError('invalid', 'PICKY', 'refuses every request');
    },
  ),
};

beforeAll(async () => {
  server = Fastify();
  server.setErrorHandler((err, _req, reply) => {
    const { status, body } = toResponse(err);
    void reply.status(status).send(body);
  });
  for (const { route, handler } of Object.values(ROUTES)) {
    const policy = route.entry.policy ?? undefined;
    server.get(route.entry.path, {
      preHandler: async (req, reply) => platform.ctx.auth.gate.check(req, reply, policy),
      // A promise either way, so a throwing handler reaches the error handler as a rejection.
      handler: (req) => Promise.resolve().then(() => handler(req)),
    });
  }
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  target = matrixTarget(platform, world, matrix.callers, `http://127.0.0.1:${port}`);
});

afterAll(async () => {
  await server.close();
  await matrix.dispose();
});

async function failuresOf(mounted: Mounted): Promise<string[]> {
  const out: string[] = [];
  for (const name of CALLER_NAMES) out.push(...(await runCell(target, mounted.route, name)));
  return out;
}

const ward = (name: CallerName) => name === 'display' || name.startsWith('ward');

describe('the authorization matrix finds leaks by itself', () => {
  it('fails a route that filters by ?unit= without declaring it as its unit source', async () => {
    const failures = await failuresOf(ROUTES.undeclaredFilter);
    const path = 'GET /api/v1/selftest/targets';
    const expected: string[] = [];
    for (const name of CALLER_NAMES.filter(ward)) {
      expected.push(
        `${name} ${path} with query.unit = foreign unit ${world.units.foreign}: expected 403 FORBIDDEN_SCOPE, got 200`,
        `${name} ${path} with query.unit = other unit ${world.units.other}: expected 403 FORBIDDEN_SCOPE, got 200`,
        `${name} ${path} with no unit named: expected 403 FORBIDDEN_SCOPE, got 200`,
      );
    }
    for (const name of ['province_operator', 'province_leader'])
      expected.push(
        `${name} ${path} with query.unit = other unit ${world.units.other}: expected 403 FORBIDDEN_SCOPE, got 200`,
      );
    expect(failures.sort()).toEqual(expected.sort());
  });

  it('passes the same route once it declares ?unit=', async () => {
    expect(await failuresOf(ROUTES.declaredFilter)).toEqual([]);
  });

  it('fails a lookup that lets a missing device through to a handler that answers anyway', async () => {
    const failures = await failuresOf(ROUTES.missingLetThrough);
    const path = 'GET /api/v1/devices/:id/selftest-readings';
    const missing = 'param.id = a device that does not exist';
    const expected = [
      ...CALLER_NAMES.filter(ward).map(
        (name) => `${name} ${path} with ${missing}: expected 403 FORBIDDEN_SCOPE, got 200`,
      ),
      ...['province_operator', 'province_leader', 'admin'].map(
        (name) =>
          `${name} ${path} with ${missing}: answered 200 for a resource that does not exist`,
      ),
    ];
    expect(failures.sort()).toEqual(expected.sort());
  });

  it('passes the same route with the gate refusing missing devices and a handler that 404s', async () => {
    expect(await failuresOf(ROUTES.missingRefused)).toEqual([]);
  });

  it('counts neither a 5xx nor a 400 to a valid request as allowed', async () => {
    const crashes = await failuresOf(ROUTES.crashes);
    expect(crashes).toHaveLength(CALLER_NAMES.length - 1);
    expect(crashes.every((f) => f.includes(': server error 500'))).toBe(true);
    const picky = await failuresOf(ROUTES.refusesValid);
    expect(picky.length).toBeGreaterThan(0);
    expect(picky.every((f) => f.includes('400 for a valid request'))).toBe(true);
    expect(picky).toContain(
      `admin GET /api/v1/selftest/picky with query.unit = home unit ${world.units.home}: 400 for a valid request: {"error":{"code":"PICKY","message":"refuses every request"}}`,
    );
  });
});
