/**
 * Issue 19, "TimescaleDB with a read replica": with DATABASE_READ_URL the lag-tolerant reads go
 * to a streaming replica and everything else stays on the primary. A real hot standby runs on
 * this machine (a throwaway primary, `pg_basebackup -R` into a second cluster); the platform
 * starts with DATABASE_URL = primary and DATABASE_READ_URL = standby, readings arrive over HTTP,
 * and once the standby has replayed them the rollup and latest-value routes answer with them.
 * Each pool names its sessions (application_name), so pg_stat_activity on each server shows which
 * pool ran what: the read routes' SQL on the standby, no read-pool session on the primary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  postgresServerAvailable,
  startStandby,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/pg-cluster';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';

const hasPgServer = await postgresServerAvailable();

const UNIT = '20314';
const DEVICE = 'rr-aq-1';
const READ_APP = 'ioc-api-read';

async function sessions(url: string): Promise<{ app: string; query: string }[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ app: string; query: string }>(
      `SELECT application_name AS app, query FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows;
  } finally {
    await c.end();
  }
}

async function scalar<T>(url: string, sql: string, params: unknown[] = []): Promise<T | undefined> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ v: T }>(sql, params);
    return rows[0]?.v;
  } finally {
    await c.end();
  }
}

describe.skipIf(!hasPgServer)('read replica (DATABASE_READ_URL)', () => {
  let primary: ThrowawayPostgres;
  let standby: ThrowawayPostgres;
  let platform: TestPlatform;
  let token = '';
  const times = [3, 2, 1].map((m) => new Date(Date.now() - m * 60_000));

  beforeAll(async () => {
    primary = await startThrowawayPostgres();
    standby = await startStandby(primary);
    platform = await startTestPlatform({
      DATABASE_URL: primary.url,
      DATABASE_READ_URL: standby.url,
    });
    token = await platform.addDevice({ id: DEVICE, unitCode: UNIT });
  });

  afterAll(async () => {
    await platform.dispose();
    await standby.dispose();
    await primary.dispose();
  });

  it('reads through a server in recovery, and health says so', async () => {
    expect(await scalar<boolean>(standby.url, 'SELECT pg_is_in_recovery() AS v')).toBe(true);
    const { rows } = await platform.ctx.reads.query<{ standby: boolean }>(
      'SELECT pg_is_in_recovery() AS standby',
    );
    expect(rows[0]?.standby).toBe(true);
    const res = await platform.api('/api/v1/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { reads: { source: string; state: string } };
    expect(body.reads).toMatchObject({ source: 'replica', state: 'up' });
  });

  it('serves rollups and latest values from the replica once it has replayed the readings', async () => {
    const res = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(
        times.map((t, i) => ({ ts: t.toISOString(), values: { pm25: 40 + i } })),
      ),
    });
    expect(res.status).toBe(202);
    // Acknowledged means committed on the primary; the standby catches up by streaming.
    await waitFor(
      async () =>
        (await scalar<number>(
          standby.url,
          'SELECT count(*)::int AS v FROM rollup_1m WHERE device_id = $1',
          [DEVICE],
        )) === times.length || undefined,
      20_000,
      'the standby to replay the readings',
    );

    const from = new Date(Date.now() - 5 * 60_000).toISOString();
    const rollups = await platform.api(
      `/api/v1/rollups?unit=${UNIT}&metric=pm25&bucket=1m&from=${from}`,
    );
    expect(rollups.status).toBe(200);
    const series = (await rollups.json()) as { items: { n: number; sum: number }[] };
    expect(series.items.reduce((s, c) => s + c.n, 0)).toBeGreaterThanOrEqual(times.length);
    const onStandby = await sessions(standby.url);
    expect(
      onStandby.some((s) => s.app === READ_APP && /FROM rollup_1m/.test(s.query)),
      JSON.stringify(onStandby),
    ).toBe(true);

    await waitFor(
      async () =>
        (await scalar<number>(
          standby.url,
          "SELECT count(*)::int AS v FROM device_latest WHERE device_id = $1 AND metric = 'pm25'",
          [DEVICE],
        )) === 1 || undefined,
      20_000,
      'the standby to replay the latest values',
    );
    const latest = await platform.api(`/api/v1/latest?unit=${UNIT}&metric=pm25`);
    expect(latest.status).toBe(200);
    const view = (await latest.json()) as {
      devices: { deviceId: string; values: Record<string, { value: number }> }[];
    };
    expect(view.devices.find((d) => d.deviceId === DEVICE)?.values.pm25?.value).toBe(42);
    expect(
      (await sessions(standby.url)).some(
        (s) => s.app === READ_APP && /device_latest/.test(s.query),
      ),
    ).toBe(true);

    // The primary took the writes through its own pool and never saw the read pool.
    const onPrimary = await sessions(primary.url);
    expect(onPrimary.some((s) => s.app === 'ioc-api')).toBe(true);
    expect(onPrimary.some((s) => s.app === READ_APP)).toBe(false);
  });
});
