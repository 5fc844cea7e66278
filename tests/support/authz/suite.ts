import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROUTES, type RouteContract } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import type { UnitSource } from '../../../apps/api/src/auth/access.decorators';
import { startTestPlatform, type TestPlatform } from '../platform';
import { CALLER_NAMES, issueToken, prepareCallers, type Caller, type CallerName } from './callers';
import { invalidProbes, openApiPath, runCell, type MatrixRoute, type MatrixTarget } from './matrix';
import { probeInputs, unclassifiedInputs } from './probe-inputs';
import { seedWorld, type World } from './world';

export interface AuthMatrix {
  platform: TestPlatform;
  dispose(): Promise<void>;
  world: World;
  callers: Map<CallerName, Caller>;
  routes: MatrixRoute[];
  target: MatrixTarget;
  /** Per route (`METHOD /pattern`): why some of its probes cannot be valid requests. */
  invalid: Map<string, string[]>;
}

/** The platform the matrix runs on, with access control on, its world seeded, its callers signed in. */
export async function startMatrix(env: Record<string, string> = {}): Promise<AuthMatrix> {
  // A built web app's shell, so its pages answer as in production (not 503 "not built").
  const web = mkdtempSync(join(tmpdir(), 'ioc-matrix-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>IOC</title>');
  const platform = await startTestPlatform({
    WEB_DIST_DIR: web,
    // The webhooks answer 401 without their secret instead of 503 "not configured".
    TTN_WEBHOOK_SECRET: 'matrix-ttn-secret-0123456789',
    CHIRPSTACK_WEBHOOK_SECRET: 'matrix-chirpstack-secret-0123456789',
    // Likewise the RabbitMQ auth routes without the broker's secret in their path.
    BROKER_AUTH_SECRET: 'matrix-broker-secret-0123456789abcdef',
    // Viewing a camera answers its URLs instead of 503 "no media server".
    MEDIA_WHEP_URL: 'https://media.invalid:8889',
    MEDIA_HLS_URL: 'https://media.invalid:8888',
    // Every probe comes from 127.0.0.1; the per-address citizen limits have their own suite.
    CITIZEN_RATE_PER_MIN: '100000',
    CITIZEN_RATE_PER_DAY: '1000000',
    ...env,
  });
  try {
    const world = await seedWorld(platform);
    const homes = { ward: world.units.home, province: world.homeProvince };
    const callers = await prepareCallers(platform, homes);
    const contracts = new Map<string, RouteContract>(
      ROUTES.map((r) => [`${r.method} ${r.path}`, r]),
    );
    const routes: MatrixRoute[] = platform.ctx.auth.routes.list().map((entry) => ({
      entry,
      contract: contracts.get(`${entry.method} ${openApiPath(entry.path)}`) ?? null,
    }));
    const target = matrixTarget(platform, world, callers);
    const invalid = new Map<string, string[]>();
    for (const r of routes)
      invalid.set(`${r.entry.method} ${r.entry.path}`, await invalidProbes(r, world));
    const dispose = async () => {
      await platform.dispose();
      rmSync(web, { recursive: true, force: true });
    };
    return { platform, dispose, world, callers, routes, target, invalid };
  } catch (err) {
    await platform.dispose();
    rmSync(web, { recursive: true, force: true });
    throw err;
  }
}

/**
 * The matrix's view of a running platform: its callers, its audit trail. `baseUrl` may name
 * another server that authorizes through the same platform's gate (the self-test's).
 */
export function matrixTarget(
  platform: TestPlatform,
  world: World,
  callers: Map<CallerName, Caller>,
  baseUrl: string = platform.httpUrl,
): MatrixTarget {
  const homes = { ward: world.units.home, province: world.homeProvince };
  const target: MatrixTarget = {
    baseUrl,
    world,
    caller(name) {
      const c = callers.get(name);
      if (!c) throw new Error(`caller ${name} not prepared`);
      return c;
    },
    async throwaway(name) {
      return { ...target.caller(name), token: await issueToken(platform, name, homes) };
    },
    async deniedRows(actor, route, unit) {
      const { rows } = await platform.ctx.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'access.denied' AND actor = $1
           AND target_id = $2 AND unit_code IS NOT DISTINCT FROM $3`,
        [actor, route, unit],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
  return target;
}

function declaredSources(route: MatrixRoute): UnitSource[] {
  const p = route.entry.policy;
  if (p?.kind !== 'access' || p.unit === undefined) return [];
  return Array.isArray(p.unit) ? [...(p.unit as readonly UnitSource[])] : [p.unit as UnitSource];
}

/**
 * The HTTP matrix: every route of the live table × every kind of caller, each cell running
 * every probe of the route (see matrix.ts). A cell whose route needs a request the probes
 * could not build valid says so in its name; only there is a 400 accepted.
 */
export function describeHttpMatrix(title: string, matrix: AuthMatrix): void {
  describe(title, () => {
    it('covers a non-trivial route table, every API route with a contract', () => {
      expect(matrix.routes.length).toBeGreaterThan(100);
      const uncontracted = matrix.routes
        .filter((r) => r.entry.source === 'nest' && r.contract === null)
        .map((r) => `${r.entry.method} ${r.entry.path}`);
      expect(uncontracted).toEqual([]);
    });

    it('classifies every input that names a unit or a resource of a unit', () => {
      expect(ROUTES.flatMap((r) => unclassifiedInputs(r))).toEqual([]);
    });

    it('declares unit sources only on inputs the contracts accept', () => {
      const wrong: string[] = [];
      for (const r of matrix.routes) {
        if (!r.contract) continue;
        const accepted = new Set(probeInputs(r.contract).map((i) => `${i.site}.${i.name}`));
        for (const s of declaredSources(r)) {
          if (s.from !== 'lookup' && !accepted.has(`${s.from}.${s.name}`))
            wrong.push(`${r.entry.method} ${r.entry.path} ${s.from}.${s.name}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    for (const route of matrix.routes) {
      const key = `${route.entry.method} ${route.entry.path}`;
      const invalid = matrix.invalid.get(key) ?? [];
      const note = invalid.length > 0 ? ` (no valid request built: ${invalid.join('; ')})` : '';
      describe(key, () => {
        for (const name of route.entry.source === 'fastify'
          ? (['anonymous'] as const)
          : CALLER_NAMES) {
          it(`${name}${note}`, async () => {
            expect(await runCell(matrix.target, route, name)).toEqual([]);
          });
        }
      });
    }
  });
}
