/**
 * Issue 3, "SIGKILL the collector mid-stream at QoS 1, restart it: every message published is
 * stored exactly once". The platform runs as its own process (`node --import tsx
 * apps/api/src/main.ts`, services mode) against a private Mosquitto configured from
 * infra/mosquitto; it is killed with SIGKILL halfway through a 5000-message stream and
 * restarted with the same MQTT_CLIENT_ID, whose persistent session kept what arrived meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createPool, migrate, type Pool } from '@ioc/db';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases';
import { testEnv } from '../support/env';
import { count, registerDevice } from '../support/ingest';
import {
  mosquittoBinariesAvailable,
  startPrivateMosquitto,
  type PrivateMosquitto,
} from '../support/mosquitto-broker';
import { spawnPlatform, type PlatformProcess } from '../support/platform-process';
import { publishStream, type StreamPublisher } from '../support/publisher';
import { waitFor } from '../support/wait';

const hasPostgres = await postgresAvailable();
const hasMosquittoBins = await mosquittoBinariesAvailable();

const N = 5000;
const DEVICES = ['crash-1', 'crash-2', 'crash-3', 'crash-4', 'crash-5'];

describe.skipIf(!(hasPostgres && hasMosquittoBins))(
  'ingest survives SIGKILL of the collector (QoS 1)',
  () => {
    let db: TestDatabase;
    let pool: Pool;
    let broker: PrivateMosquitto;
    let publisher: StreamPublisher | undefined;
    const platforms: PlatformProcess[] = [];
    const env = () => ({
      DATABASE_URL: db.url,
      MQTT_URL: broker.url,
      MQTT_CLIENT_ID: 'crash-collector',
      MQTT_SHARED_GROUP: 'crash-test',
    });

    beforeAll(async () => {
      db = await createTestDatabase(testEnv.postgresAdminUrl);
      pool = createPool(db.url, 2);
      await migrate(pool, 'postgres');
      for (const id of DEVICES) await registerDevice(pool, { id });
      broker = await startPrivateMosquitto();
    });
    afterAll(async () => {
      await publisher?.stop();
      for (const p of platforms) await p.kill();
      await pool.end();
      await db.drop();
      await broker.stop();
    });

    it('stores every published message exactly once across a crash and restart', async () => {
      onTestFailed(() => {
        for (const p of platforms)
          process.stderr.write(`platform ${p.pid}:\n${p.output().slice(-8000)}\n`);
        process.stderr.write(
          `publisher: sent ${publisher?.sent ?? 0}, acked ${publisher?.acked ?? 0}\n`,
        );
      });
      const first = await spawnPlatform(env());
      platforms.push(first);
      publisher = await publishStream({
        url: broker.url,
        devices: DEVICES,
        total: N,
        ratePerSecond: 1500,
      });

      // Mid-stream: some messages stored (so PUBACKs were flowing), most not yet published.
      await waitFor(
        async () =>
          (await count(pool, 'SELECT count(*)::int AS n FROM reading')) >= 500 ? true : undefined,
        30_000,
        'first rows',
      );
      await waitFor(
        () => (publisher && publisher.acked >= N / 2 ? true : undefined),
        30_000,
        'half the stream',
      );
      await first.kill();
      const storedAtKill = await count(pool, 'SELECT count(*)::int AS n FROM reading');
      expect(storedAtKill).toBeLessThan(N);

      // The broker keeps taking the stream into the collector's persistent session meanwhile.
      await publisher.done;
      const second = await spawnPlatform(env());
      platforms.push(second);
      await waitFor(
        async () =>
          (await count(pool, 'SELECT count(*)::int AS n FROM reading')) >= N ? true : undefined,
        60_000,
        `all ${N} readings (stored at kill: ${storedAtKill})`,
      );
      await new Promise((r) => setTimeout(r, 500)); // a late duplicate would show up here

      const { rows } = await pool.query<{ n: number; distinct: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT (device_id, time))::int AS distinct FROM reading',
      );
      expect(rows[0]).toEqual({ n: N, distinct: N });
      // Stored == published: the very same (device, timestamp) set, nothing else.
      const storedKeys = await pool.query<{ k: string }>(
        "SELECT device_id || '|' || (extract(epoch FROM time) * 1000)::bigint AS k FROM reading",
      );
      expect(new Set(storedKeys.rows.map((r) => r.k))).toEqual(new Set(publisher.ackedKeys));
      expect(publisher.ackedKeys).toHaveLength(N);
      expect(second.alive()).toBe(true);
    }, 180_000);
  },
);
