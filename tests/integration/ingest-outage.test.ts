/**
 * Issue 3, "stop PostgreSQL under steady load, start it: every acknowledged message is stored,
 * the collector never exited, memory stayed bounded". The shared PostgreSQL is never stopped:
 * the platform (its own process, services mode) runs on a throwaway cluster (initdb + pg_ctl)
 * that the test stops with `pg_ctl stop -m fast` for 10 s (30 s by hand: OUTAGE_MS below)
 * while a QoS 1 stream and HTTP requests keep coming. A small WRITER_BUFFER_LIMIT makes the
 * bound bite: HTTP answers 503 + Retry-After once the buffer is full, the collector pauses and
 * the broker holds the stream.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import pg from 'pg';
import { migrate } from '@ioc/db';
import { count, promValue, registerDevice } from '../support/ingest';
import {
  mosquittoBinariesAvailable,
  startPrivateMosquitto,
  type PrivateMosquitto,
} from '../support/mosquitto-broker';
import {
  postgresServerAvailable,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/pg-cluster';
import { spawnPlatform, type PlatformProcess } from '../support/platform-process';
import { sleep } from '../support/processes';
import { publishStream, type StreamPublisher } from '../support/publisher';
import { waitFor } from '../support/wait';

const hasPgServer = await postgresServerAvailable();
const hasMosquittoBins = await mosquittoBinariesAvailable();

const OUTAGE_MS = 10_000;
const BUFFER_LIMIT = 1500;
const METRICS_TOKEN = 'outage-test-metrics-token-0123456789abcdef';
const DEVICES = ['out-1', 'out-2', 'out-3'];
const HTTP_DEVICE = 'out-http';

interface HttpResult {
  status: number;
  retryAfter: string | null;
  value: number;
}

describe.skipIf(!(hasPgServer && hasMosquittoBins))('ingest rides out a PostgreSQL outage', () => {
  let cluster: ThrowawayPostgres;
  let broker: PrivateMosquitto;
  let platform: PlatformProcess;
  let publisher: StreamPublisher | undefined;
  let httpToken = '';
  let client: pg.Client | undefined;

  beforeAll(async () => {
    [cluster, broker] = await Promise.all([startThrowawayPostgres(), startPrivateMosquitto()]);
    client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    const pool = new pg.Pool({ connectionString: cluster.url, max: 1 });
    await migrate(pool, 'postgres');
    for (const id of DEVICES) await registerDevice(pool, { id });
    httpToken = await registerDevice(pool, { id: HTTP_DEVICE });
    await pool.end();
    platform = await spawnPlatform({
      DATABASE_URL: cluster.url,
      MQTT_URL: broker.url,
      MQTT_CLIENT_ID: 'outage-collector',
      MQTT_SHARED_GROUP: 'outage-test',
      WRITER_BUFFER_LIMIT: String(BUFFER_LIMIT),
      // The collector stops reading past its flow window of two batches: here that is the whole
      // buffer, so the stream fills it and HTTP meets the bound.
      WRITER_BATCH_SIZE: String(BUFFER_LIMIT / 2),
      METRICS_TOKEN,
    });
  });
  afterAll(async () => {
    await publisher?.stop();
    await client?.end().catch(() => undefined);
    await platform.kill();
    await broker.stop();
    await cluster.dispose();
  });

  const post = async (value: number): Promise<HttpResult> => {
    const res = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${httpToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ts: Date.now() - 1000, values: { pm25: value } }),
    });
    await res.arrayBuffer();
    return { status: res.status, retryAfter: res.headers.get('retry-after'), value };
  };
  /** Writer rows buffered, and whether the collector has stopped reading, from /metrics. */
  const pipelineState = async (): Promise<{ buffered: number; stopped: number }> => {
    const res = await fetch(`${platform.httpUrl}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    const text = await res.text();
    return {
      buffered: promValue(text, 'ioc_ingest_buffer_rows'),
      stopped: promValue(text, 'ioc_ingest_mqtt_reading_stopped'),
    };
  };

  it('stores every acknowledged message and HTTP 202, bounded meanwhile, without exiting', async () => {
    onTestFailed(() => {
      process.stderr.write(
        `platform (alive: ${String(platform.alive())}) output:\n${platform.output().slice(-20_000)}\n`,
      );
    });
    publisher = await publishStream({ url: broker.url, devices: DEVICES, ratePerSecond: 300 });
    // Before: flowing, and the HTTP token is known to the platform.
    expect((await post(1)).status).toBe(202);
    await waitFor(
      async () =>
        (await count(client!, 'SELECT count(*)::int AS n FROM reading')) > 200 ? true : undefined,
      20_000,
      'flow',
    );
    const rssBefore = platform.rss();

    await client?.end();
    client = undefined;
    await cluster.stop('fast');
    const outageStarted = Date.now();
    const accepted: Promise<HttpResult>[] = [];
    const refused: HttpResult[] = [];
    const buffered: number[] = [];
    const stopped: number[] = [];
    const rss: number[] = [];
    let value = 100;
    while (Date.now() - outageStarted < OUTAGE_MS) {
      // Each request either waits for the database (202 once it is back) or is refused at once.
      const tick = sleep(250);
      const r = post(value++);
      const quick = await Promise.race([r, sleep(300).then(() => undefined)]);
      if (quick?.status === 503) refused.push(quick);
      else if (quick) accepted.push(Promise.resolve(quick));
      else accepted.push(r);
      const state = await pipelineState();
      buffered.push(state.buffered);
      stopped.push(state.stopped);
      rss.push(platform.rss());
      expect(platform.alive(), platform.output()).toBe(true);
      await tick;
    }
    await cluster.start();
    const results = await Promise.all(accepted);

    // Bounded: the writer never held more than its limit; the process did not balloon.
    expect(Math.max(...buffered)).toBeLessThanOrEqual(BUFFER_LIMIT);
    expect(Math.max(...buffered)).toBeGreaterThan(0);
    // …because the collector stopped reading once it was full: the broker held the stream.
    expect(Math.max(...stopped)).toBe(1);
    expect(Math.max(...rss) - rssBefore).toBeLessThan(150 * 1024 * 1024);
    // Full buffer → 503 with Retry-After; everything else was accepted only once durable.
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(Number(r.retryAfter)).toBeGreaterThan(0);
    for (const r of results) expect([202, 503]).toContain(r.status);
    // Requests taken while the database was down waited for it and were then acknowledged.
    const acceptedDuringOutage = results.filter((r) => r.status === 202);
    expect(acceptedDuringOutage.length).toBeGreaterThan(0);

    await publisher.stop();
    client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    const keys = new Set(publisher.ackedKeys);
    await waitFor(
      async () => {
        const { rows } = await client!.query<{ k: string }>(
          "SELECT device_id || '|' || (extract(epoch FROM time) * 1000)::bigint AS k FROM reading WHERE device_id = ANY($1)",
          [DEVICES],
        );
        const stored = new Set(rows.map((r) => r.k));
        return [...keys].every((k) => stored.has(k)) ? true : undefined;
      },
      60_000,
      `all ${keys.size} acknowledged messages stored`,
    );
    const httpValues = new Set(
      (
        await client.query<{ value: number }>('SELECT value FROM reading WHERE device_id = $1', [
          HTTP_DEVICE,
        ])
      ).rows.map((r) => r.value),
    );
    for (const r of acceptedDuringOutage) expect(httpValues.has(r.value)).toBe(true);
    for (const r of refused) expect(httpValues.has(r.value)).toBe(false);
    // Nothing else was stored for the HTTP device: the reading before the outage and the
    // acknowledged ones, each once (a retried write must not add a second row at another time).
    expect(
      await count(client, 'SELECT count(*)::int AS n FROM reading WHERE device_id = $1', [
        HTTP_DEVICE,
      ]),
    ).toBe(1 + acceptedDuringOutage.length);
    // The very same process: it never exited, and it logged the outage it rode out.
    expect(platform.alive()).toBe(true);
    expect(platform.output()).toMatch(/database write failed, buffering/);
  }, 150_000);
});
