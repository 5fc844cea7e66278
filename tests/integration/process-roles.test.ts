/**
 * Issue 19, "scale-out": process roles (PROCESS_ROLE) and background jobs that run once in the
 * cluster. Each platform runs as its own process (`node --import tsx apps/api/src/main.ts`) on
 * one PostgreSQL database, so a leader can be killed as a crash would (SIGKILL).
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createPool, migrate } from '@ioc/db';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases';
import { testEnv } from '../support/env';
import { spawnPlatform, type PlatformProcess } from '../support/platform-process';
import { freePort } from '../support/processes';
import { waitFor } from '../support/wait';

const hasPostgres = await postgresAvailable();
const METRICS_TOKEN = 'roles-test-metrics-token-0123456789abcdef';
const JOB = 'deadletter-prune';

describe.skipIf(!hasPostgres)('process roles', () => {
  let db: TestDatabase;
  const platforms: PlatformProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(testEnv.postgresAdminUrl);
    // Migrated once up front, so the processes below start side by side without racing on it.
    const pool = createPool(db.url, 1);
    await migrate(pool, 'postgres');
    await pool.end();
  });
  afterAll(async () => {
    for (const p of platforms) await p.kill();
    await db.drop();
  });

  async function spawn(env: Record<string, string>): Promise<PlatformProcess> {
    const p = await spawnPlatform({
      DATABASE_URL: db.url,
      METRICS_TOKEN,
      JOB_LEASE_RETRY_S: '1',
      ...env,
    });
    platforms.push(p);
    return p;
  }

  const get = (p: PlatformProcess, path: string, token?: string) =>
    fetch(`${p.httpUrl}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  /** This process's `ioc_job_leader{job}` value, or undefined when it does not answer. */
  async function leader(p: PlatformProcess): Promise<number | undefined> {
    if (!p.alive()) return undefined;
    const text = await (await get(p, '/metrics', METRICS_TOKEN)).text();
    const m = new RegExp(`^ioc_job_leader\\{job="${JOB}"\\} (\\d)$`, 'm').exec(text);
    return m ? Number(m[1]) : undefined;
  }

  it('runs each job in exactly one of two workers, and in the other once the leader is killed', async () => {
    onTestFailed(() => {
      for (const p of platforms) process.stderr.write(`${p.pid}:\n${p.output().slice(-4000)}\n`);
    });
    const a = await spawn({ PROCESS_ROLE: 'worker' });
    const b = await spawn({ PROCESS_ROLE: 'worker' });
    const values = async () => [await leader(a), await leader(b)];
    await waitFor(
      async () => ((await values()).sort().join() === '0,1' ? true : undefined),
      20_000,
      'one leader and one standby',
    );
    const [first, second] = (await leader(a)) === 1 ? [a, b] : [b, a];
    await first.kill();
    await waitFor(
      async () => ((await leader(second)) === 1 ? true : undefined),
      20_000,
      'the standby takes over',
    );
  });

  it('serves health and metrics from a collector, and no API route', async () => {
    const c = await spawn({ PROCESS_ROLE: 'collector', MQTT_PORT: String(await freePort()) });
    const health = await get(c, '/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ role: 'collector', brokerConnection: 'up' });
    expect((await get(c, '/api/v1/health')).status).toBe(200);
    const metrics = await get(c, '/metrics', METRICS_TOKEN);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain('ioc_ingest_consumer_lag_seconds');
    // A collector runs no background job: it does not even compete for the lease.
    expect(text).not.toContain('ioc_job_leader');
    expect((await get(c, '/metrics')).status).toBe(401);
    const units = await get(c, '/api/v1/units');
    expect(units.status).toBe(404);
    expect(await units.json()).toMatchObject({
      error: { code: 'NOT_FOUND', details: { issues: [] } },
    });
  });

  it('does not read MQTT in the api role', async () => {
    // Nothing listens here: a process that subscribed could not start, or would report it down.
    const nowhere = `mqtt://127.0.0.1:${await freePort()}`;
    const api = await spawn({ PROCESS_ROLE: 'api', MQTT_URL: nowhere });
    expect(api.output()).toContain('not read here (role api');
    const health = await get(api, '/api/v1/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ role: 'api', brokerConnection: 'none' });
    const metrics = await (await get(api, '/metrics', METRICS_TOKEN)).text();
    expect(metrics).not.toContain('ioc_job_leader');
  });
});
