/**
 * Issue 3, "two collector processes on a shared subscription: stored = published, no
 * duplicates". Two platform processes in services mode share MQTT_SHARED_GROUP with their own
 * MQTT_CLIENT_IDs on a private Mosquitto (infra/mosquitto config); the broker splits the
 * stream between them ($share/<group>/...) and each message is stored once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, migrate, type Pool } from '@ioc/db';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases';
import { testEnv } from '../support/env';
import { count, promValue, registerDevice } from '../support/ingest';
import {
  mosquittoBinariesAvailable,
  startPrivateMosquitto,
  type PrivateMosquitto,
} from '../support/mosquitto-broker';
import { spawnPlatform, type PlatformProcess } from '../support/platform-process';
import { publishStream } from '../support/publisher';
import { expectNotWithin, waitFor } from '../support/wait';

const hasPostgres = await postgresAvailable();
const hasMosquittoBins = await mosquittoBinariesAvailable();

const N = 4000;
const DEVICES = ['shared-1', 'shared-2', 'shared-3', 'shared-4'];
const METRICS_TOKEN = 'shared-test-metrics-token-0123456789abcdef';

describe.skipIf(!(hasPostgres && hasMosquittoBins))(
  'two collectors on one shared subscription',
  () => {
    let db: TestDatabase;
    let pool: Pool;
    let broker: PrivateMosquitto;
    let collectors: PlatformProcess[] = [];

    beforeAll(async () => {
      [db, broker] = await Promise.all([
        createTestDatabase(testEnv.postgresAdminUrl),
        startPrivateMosquitto(),
      ]);
      pool = createPool(db.url, 2);
      await migrate(pool, 'postgres');
      for (const id of DEVICES) await registerDevice(pool, { id });
      const env = (clientId: string) => ({
        DATABASE_URL: db.url,
        MQTT_URL: broker.url,
        MQTT_SHARED_GROUP: 'ioc-ingest-shared-test',
        MQTT_CLIENT_ID: clientId,
        METRICS_TOKEN,
      });
      collectors = await Promise.all([
        spawnPlatform(env('collector-a')),
        spawnPlatform(env('collector-b')),
      ]);
    });
    afterAll(async () => {
      await Promise.all(collectors.map((c) => c.stop()));
      await pool.end();
      await db.drop();
      await broker.stop();
    });

    it('stores every published message once, and both collectors took a share', async () => {
      const publisher = await publishStream({
        url: broker.url,
        devices: DEVICES,
        total: N,
        ratePerSecond: 2000,
      });
      await publisher.done;
      await publisher.stop();
      await waitFor(
        async () =>
          (await count(pool, 'SELECT count(*)::int AS n FROM reading')) >= N ? true : undefined,
        30_000,
        `${N} readings`,
      );
      // A late duplicate (a redelivery the other collector also stored) would land now.
      await expectNotWithin(
        async () => (await count(pool, 'SELECT count(*)::int AS n FROM reading')) > N,
        500,
        'a reading stored twice',
      );

      const { rows } = await pool.query<{ k: string }>(
        "SELECT device_id || '|' || (extract(epoch FROM time) * 1000)::bigint AS k FROM reading",
      );
      expect(rows).toHaveLength(N);
      expect(new Set(rows.map((r) => r.k))).toEqual(new Set(publisher.ackedKeys));

      const received = await Promise.all(
        collectors.map(async (c) => {
          const res = await fetch(`${c.httpUrl}/metrics`, {
            headers: { authorization: `Bearer ${METRICS_TOKEN}` },
          });
          return promValue(await res.text(), 'ioc_ingest_messages_received_total', {
            source: 'mqtt',
          });
        }),
      );
      for (const n of received) expect(n).toBeGreaterThan(N / 10);
      // Each message went to one collector of the group (none was redelivered in this run).
      expect(received.reduce((a, b) => a + b, 0)).toBe(N);
    });
  },
);
