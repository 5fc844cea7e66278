/**
 * Issue 3, "SIGKILL the collector mid-stream at QoS 1, restart it: every message published is
 * stored exactly once". The platform runs as its own process (`node --import tsx
 * apps/api/src/main.ts`) and is killed with SIGKILL halfway through a 5000-message stream.
 *
 * Services mode: against a private Mosquitto configured from infra/mosquitto, restarted with the
 * same MQTT_CLIENT_ID, whose persistent session kept what arrived meanwhile.
 *
 * Embedded mode (issue 21, `npm start`: PGlite + the in-process broker): the broker dies with the
 * platform, so whatever it acknowledged must already be committed. The publisher keeps its
 * unacknowledged messages and sends them again once the restarted platform listens on the same
 * MQTT port; no acknowledged message may be missing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
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
import { freePort } from '../support/processes';
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
      // The table's key makes a row per (device, metric, time) at most, so "once" is: exactly N
      // rows, and stored == published — the very same (device, timestamp) set, nothing else.
      expect(await count(pool, 'SELECT count(*)::int AS n FROM reading')).toBe(N);
      const storedKeys = await pool.query<{ k: string }>(
        "SELECT device_id || '|' || (extract(epoch FROM time) * 1000)::bigint AS k FROM reading",
      );
      expect(new Set(storedKeys.rows.map((r) => r.k))).toEqual(new Set(publisher.ackedKeys));
      expect(publisher.ackedKeys).toHaveLength(N);
      expect(second.alive()).toBe(true);
    }, 180_000);
  },
);

/**
 * Runs `fn` on the running embedded platform's database (URL from the runtime file it writes),
 * on a connection closed right after: PGlite serves one session at a time, so an idle test
 * connection would hold up the platform's writer.
 */
async function withEmbeddedDb<T>(dataDir: string, fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const runtime = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8')) as {
    databaseUrl: string;
  };
  const client = new pg.Client({ connectionString: runtime.databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('ingest survives SIGKILL of the embedded platform (QoS 1, PGlite + in-process broker)', () => {
  let dataDir: string;
  let mqttPort: number;
  let publisher: StreamPublisher | undefined;
  const platforms: PlatformProcess[] = [];
  const tokens: Record<string, string> = {};
  const env = () => ({
    DATA_DIR: dataDir,
    MQTT_PORT: String(mqttPort),
    // After a reconnect MQTT.js resends its unacknowledged messages one PUBACK at a time, so
    // that backlog drains at one message per commit per device: keep commits frequent.
    WRITER_MAX_LATENCY_MS: '20',
  });
  const storedKeys = () =>
    withEmbeddedDb(
      dataDir,
      async (db) =>
        new Set(
          (
            await db.query<{ k: string }>(
              "SELECT device_id || '|' || (extract(epoch FROM time) * 1000)::bigint AS k FROM reading",
            )
          ).rows.map((r) => r.k),
        ),
    );

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ioc-crash-embedded-'));
    mqttPort = await freePort();
  });
  afterAll(async () => {
    await publisher?.stop();
    for (const p of platforms) await p.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged message across a crash and restart', async () => {
    onTestFailed(() => {
      for (const p of platforms)
        process.stderr.write(`platform ${p.pid}:\n${p.output().slice(-8000)}\n`);
      process.stderr.write(
        `publisher: sent ${publisher?.sent ?? 0}, acked ${publisher?.acked ?? 0}\n`,
      );
    });
    const first = await spawnPlatform(env());
    platforms.push(first);
    await withEmbeddedDb(dataDir, async (db) => {
      for (const id of DEVICES) tokens[id] = await registerDevice(db, { id });
    });

    publisher = await publishStream({
      url: `mqtt://127.0.0.1:${mqttPort}`,
      devices: DEVICES,
      password: (d) => tokens[d] ?? '',
      total: N,
      ratePerSecond: 1500,
    });
    await waitFor(
      () => (publisher && publisher.acked >= N / 2 ? true : undefined),
      60_000,
      'half the stream acknowledged',
    );
    await first.kill();
    // Taken at the kill: the publisher never sends these again, so each must be stored already.
    const ackedAtKill = [...publisher.ackedKeys];
    expect(ackedAtKill.length).toBeLessThan(N);

    const second = await spawnPlatform(env());
    platforms.push(second);
    const afterRestart = await storedKeys();
    const lost = ackedAtKill.filter((k) => !afterRestart.has(k));
    expect(
      lost.length,
      `acknowledged before the kill but not stored: ${lost.length} of ${ackedAtKill.length}, e.g. ${lost.slice(0, 3).join(', ')}`,
    ).toBe(0);

    // The rest of the stream (and what was in flight at the kill) arrives after the restart.
    await waitFor(
      () => (publisher && publisher.acked >= N ? true : undefined),
      90_000,
      `all ${N} messages acknowledged`,
    );
    const stored = await storedKeys();
    expect(publisher.ackedKeys.filter((k) => !stored.has(k)).length).toBe(0);
    expect(stored.size).toBe(N);
    expect(second.alive()).toBe(true);
  }, 240_000);
});
