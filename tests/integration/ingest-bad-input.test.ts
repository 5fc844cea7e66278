/**
 * Issue 3, "a stream mixing 10% bad messages (malformed JSON, unknown device, out-of-range,
 * future timestamp, oversize, unknown metric) stores every good one; each bad one is in
 * dead_letter with its reason, and the counters agree" — over MQTT through a private Mosquitto
 * (infra/mosquitto config) into the platform in services mode, counters read from GET /metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases';
import { testEnv } from '../support/env';
import { count, promValue } from '../support/ingest';
import {
  mosquittoBinariesAvailable,
  startPrivateMosquitto,
  type PrivateMosquitto,
} from '../support/mosquitto-broker';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';

const hasPostgres = await postgresAvailable();
const hasMosquittoBins = await mosquittoBinariesAvailable();

const METRICS_TOKEN = 'bad-input-test-metrics-token-0123456789ab';
const MAX_PAYLOAD = 4096;
const DEVICES = ['bad-1', 'bad-2', 'bad-3', 'bad-4'];
const GOOD = 450;
const BAD: Record<string, number> = {
  malformed_json: 9,
  unknown_device: 8,
  out_of_range: 8,
  future_timestamp: 8,
  oversize: 8,
  unknown_metric: 9,
};

interface Message {
  topic: string;
  payload: string;
  expect: string; // 'good' or the reject reason
}

/** 500 messages, 10% bad, interleaved deterministically. */
function stream(): Message[] {
  const base = Date.now() - 600_000;
  const out: Message[] = [];
  for (let i = 0; i < GOOD; i++) {
    const d = DEVICES[i % DEVICES.length] ?? '';
    const ts = base + i * 1000;
    out.push({
      topic: `ioc/v1/telemetry/${d}`,
      payload: JSON.stringify({ ts, values: { pm25: 10 + (i % 50), temperature: 25.5 } }),
      expect: 'good',
    });
  }
  const topic = (i: number) => `ioc/v1/telemetry/${DEVICES[i % DEVICES.length] ?? ''}`;
  const bad: Message[] = [];
  for (let i = 0; i < (BAD.malformed_json ?? 0); i++)
    bad.push({
      topic: topic(i),
      payload: `{"ts": ${Date.now()}, "values": {pm25: }`,
      expect: 'malformed_json',
    });
  for (let i = 0; i < (BAD.unknown_device ?? 0); i++) {
    bad.push({
      topic: `ioc/v1/telemetry/bad-ghost-${i}`,
      payload: JSON.stringify({ values: { pm25: 5 } }),
      expect: 'unknown_device',
    });
  }
  for (let i = 0; i < (BAD.out_of_range ?? 0); i++)
    bad.push({
      topic: topic(i),
      payload: JSON.stringify({ values: { pm25: 5000 + i } }),
      expect: 'out_of_range',
    });
  for (let i = 0; i < (BAD.future_timestamp ?? 0); i++) {
    bad.push({
      topic: topic(i),
      payload: JSON.stringify({ ts: Date.now() + 3_600_000 + i, values: { pm25: 7 } }),
      expect: 'future_timestamp',
    });
  }
  for (let i = 0; i < (BAD.oversize ?? 0); i++) {
    bad.push({
      topic: topic(i),
      payload: JSON.stringify({ values: { pm25: 8 }, note: 'x'.repeat(MAX_PAYLOAD + i) }),
      expect: 'oversize',
    });
  }
  for (let i = 0; i < (BAD.unknown_metric ?? 0); i++)
    bad.push({
      topic: topic(i),
      payload: JSON.stringify({ values: { radon_xyz: 3 } }),
      expect: 'unknown_metric',
    });
  // Spread the 50 bad ones evenly through the 450 good ones.
  const mixed: Message[] = [];
  const every = Math.floor(out.length / bad.length);
  out.forEach((m, i) => {
    mixed.push(m);
    if (i % every === every - 1 && bad.length > 0) mixed.push(bad.shift() as Message);
  });
  mixed.push(...bad);
  return mixed;
}

describe.skipIf(!(hasPostgres && hasMosquittoBins))(
  'bad input never costs a good message (MQTT)',
  () => {
    let db: TestDatabase;
    let broker: PrivateMosquitto;
    let platform: TestPlatform;

    beforeAll(async () => {
      [db, broker] = await Promise.all([
        createTestDatabase(testEnv.postgresAdminUrl),
        startPrivateMosquitto(),
      ]);
      platform = await startTestPlatform({
        DATABASE_URL: db.url,
        MQTT_URL: broker.url,
        SEED_DEMO: 'false',
        METRICS_TOKEN,
        INGEST_MAX_PAYLOAD_BYTES: String(MAX_PAYLOAD),
      });
      for (const id of DEVICES) await platform.addDevice({ id, unitCode: null });
    });
    afterAll(async () => {
      await platform.dispose();
      await broker.stop();
      await db.drop();
    });

    it('stores all 900 good readings, dead-letters the 50 bad messages by reason, counters agree', async () => {
      const messages = stream();
      expect(messages).toHaveLength(500);
      const client = await mqtt.connectAsync(broker.url, {
        clientId: 'bad-input-pub',
        reconnectPeriod: 0,
      });
      await Promise.all(messages.map((m) => client.publishAsync(m.topic, m.payload, { qos: 1 })));
      await client.endAsync();

      const pool = platform.ctx.pool;
      await waitFor(
        async () =>
          (await count(pool, 'SELECT count(*)::int AS n FROM reading')) === GOOD * 2 &&
          (await count(pool, 'SELECT count(*)::int AS n FROM dead_letter')) === 50
            ? true
            : undefined,
        20_000,
        'every good reading and every dead letter',
      );
      const { rows } = await pool.query<{
        reason: string;
        n: number;
        sources: number;
        devices: number;
      }>(
        `SELECT reason, count(*)::int AS n, count(DISTINCT source)::int AS sources, count(device_id)::int AS devices
       FROM dead_letter GROUP BY reason ORDER BY reason`,
      );
      expect(Object.fromEntries(rows.map((r) => [r.reason, r.n]))).toEqual(BAD);
      for (const r of rows) {
        expect(r.sources).toBeGreaterThan(0);
        if (r.reason !== 'malformed_json') expect(r.devices).toBe(r.n); // device named (malformed: the topic's)
      }
      // Bounded raw excerpts, the reason's detail, the topic as source.
      const oversize = await pool.query<{ payload: string; detail: string; source: string }>(
        "SELECT payload, detail, source FROM dead_letter WHERE reason = 'oversize' LIMIT 1",
      );
      expect(oversize.rows[0]?.payload.length).toBeLessThan(2100);
      expect(oversize.rows[0]?.detail).toMatch(/exceeds 4096/);
      expect(oversize.rows[0]?.source).toMatch(/^mqtt:ioc\/v1\/telemetry\/bad-\d$/);

      // Every good message's readings, exactly.
      expect(
        await count(pool, "SELECT count(*)::int AS n FROM reading WHERE metric = 'pm25'"),
      ).toBe(GOOD);
      expect(await count(pool, 'SELECT count(*)::int AS n FROM reading')).toBe(GOOD * 2);

      const res = await fetch(`${platform.httpUrl}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      for (const [reason, n] of Object.entries(BAD)) {
        expect(
          promValue(text, 'ioc_ingest_rejected_total', { reason, source: 'mqtt' }),
          reason,
        ).toBe(n);
      }
      expect(promValue(text, 'ioc_ingest_rejected_total')).toBe(50);
      expect(promValue(text, 'ioc_ingest_messages_received_total', { source: 'mqtt' })).toBe(500);
      expect(promValue(text, 'ioc_ingest_readings_stored_total')).toBe(GOOD * 2);
    });
  },
);
