/**
 * Issue 3, HTTP ingest: POST /api/v1/telemetry with device and gateway bearer tokens (native
 * JSON, batches, SenML by content type) answers 202 only after commit; the TTN v3 and ChirpStack
 * v4 webhooks land the documented uplinks (libs/ingest/fixtures) as readings of the device
 * registered with `ioc devices add --dev-eui --profile`, at the uplink's time. Also the
 * dead-letter bound (periodic prune in the platform) and `ioc deadletter list`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases';
import { testEnv } from '../support/env';
import { count, insertUnit, runIoc, shiftTimestamps, tokenFrom } from '../support/ingest';
import { REPO_ROOT } from '../support/platform-process';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';

const hasPostgres = await postgresAvailable();

const TTN_SECRET = 'ttn-webhook-secret-0123456789';
const CS_SECRET = 'chirpstack-webhook-secret-0123456789';
const DAY = 86_400_000;
const UNIT = '99001';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'libs/ingest/fixtures', name), 'utf8')) as Record<
    string,
    unknown
  >;

/** Moves a documented uplink by whole days so its times are recent (within the accepted age). */
function recent(
  doc: Record<string, unknown>,
  anchor: string,
): { doc: Record<string, unknown>; shift: (iso: string) => string } {
  const delta = Math.floor((Date.now() - 60_000 - new Date(anchor).getTime()) / DAY) * DAY;
  return {
    doc: shiftTimestamps(doc, delta),
    shift: (iso) => new Date(new Date(iso).getTime() + delta).toISOString(),
  };
}

describe.skipIf(!hasPostgres)('HTTP ingest and LoRaWAN webhooks', () => {
  let db: TestDatabase;
  let platform: TestPlatform;
  let deviceToken = '';
  let gatewayToken = '';
  const cliEnv = () => ({ DATABASE_URL: db.url });

  beforeAll(async () => {
    db = await createTestDatabase(testEnv.postgresAdminUrl);
    platform = await startTestPlatform({
      DATABASE_URL: db.url,
      SEED_DEMO: 'false',
      TTN_WEBHOOK_SECRET: TTN_SECRET,
      CHIRPSTACK_WEBHOOK_SECRET: CS_SECRET,
      INGEST_RATE_PER_SECOND: '100000',
      INGEST_RATE_BURST: '100000',
      DEADLETTER_MAX_ROWS: '25',
      DEADLETTER_PRUNE_INTERVAL_S: '1',
    });
    await insertUnit(platform.ctx.pool, UNIT);
    // Registered as an operator would, with the `ioc` CLI against the same database.
    const [dev, gw, ttn, cs] = await Promise.all([
      runIoc(
        ['devices', 'add', '--id', 'http-aq-1', '--kind', 'air_quality', '--unit', UNIT],
        cliEnv(),
      ),
      runIoc(['gateways', 'add', '--id', 'http-gw-1', '--unit', UNIT], cliEnv()),
      runIoc(
        [
          'devices',
          'add',
          '--id',
          'ttn-env-01',
          '--kind',
          'weather',
          '--unit',
          UNIT,
          '--dev-eui',
          '00-04-A3-0B-00-1C-05-30',
          '--profile',
          '{"fieldMap":{"temperature":"temperature"}}',
        ],
        cliEnv(),
      ),
      runIoc(
        [
          'devices',
          'add',
          '--id',
          'cs-env-01',
          '--kind',
          'weather',
          '--unit',
          UNIT,
          '--dev-eui',
          '0101010101010101',
          '--profile',
          '{"fieldMap":{"temperature":"temperature","humidity":"humidity","batteryMv":"battery_v"},"scale":{"batteryMv":0.001}}',
        ],
        cliEnv(),
      ),
    ]);
    for (const r of [dev, gw, ttn, cs]) expect(r.code, r.stderr).toBe(0);
    deviceToken = tokenFrom(dev.stdout);
    gatewayToken = tokenFrom(gw.stdout);
    // Devices behind the gateway: one it fronts, one it does not.
    const fronted = await runIoc(
      [
        'devices',
        'add',
        '--id',
        'http-aq-2',
        '--kind',
        'air_quality',
        '--unit',
        UNIT,
        '--gateway',
        'http-gw-1',
      ],
      cliEnv(),
    );
    expect(fronted.code, fronted.stderr).toBe(0);
    platform.ctx.directory.invalidate();
  }, 120_000);
  afterAll(async () => {
    await platform.dispose();
    await db.drop();
  });

  const post = (path: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${platform.httpUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const rows = async (deviceId: string) =>
    (
      await platform.ctx.pool.query<{
        metric: string;
        value: number;
        time: Date;
        unit_code: string | null;
      }>(
        'SELECT metric, value, time, unit_code FROM reading WHERE device_id = $1 ORDER BY time, metric',
        [deviceId],
      )
    ).rows.map((r) => ({
      metric: r.metric,
      value: r.value,
      time: r.time.toISOString(),
      unit: r.unit_code,
    }));

  it('answers 202 for a native reading only once it is committed', async () => {
    const ts = new Date(Date.now() - 5000).toISOString();
    const res = await post(
      '/api/v1/telemetry',
      { ts, values: { pm25: 41.2, temperature: 30.5 } },
      { authorization: `Bearer ${deviceToken}` },
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2, rejected: [] });
    // No waiting: the 202 itself means the rows are there.
    expect(await rows('http-aq-1')).toEqual([
      { metric: 'pm25', value: 41.2, time: ts, unit: UNIT },
      { metric: 'temperature', value: 30.5, time: ts, unit: UNIT },
    ]);
  });

  it('stores a store-and-forward batch (epoch ms and ISO-8601 with offset) and refuses only the bad element', async () => {
    const t1 = Date.now() - 3_600_000;
    const t2 = new Date(Date.now() - 1_800_000);
    const t2Local = `${new Date(t2.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
    const res = await post(
      '/api/v1/telemetry',
      [
        { ts: t1, values: { pm10: 80 } },
        { ts: t2Local, values: { pm10: 81 } },
        { ts: t1 + 1000, values: { pm10: -5 } },
      ],
      { authorization: `Bearer ${deviceToken}` },
    );
    expect(res.status).toBe(202);
    const body = (await res.json()) as {
      accepted: number;
      rejected: { reason: string; index: number }[];
    };
    expect(body.accepted).toBe(2);
    expect(body.rejected).toEqual([
      expect.objectContaining({
        reason: 'out_of_range',
        deviceId: 'http-aq-1',
        message: expect.stringMatching(/^pm10=-5 outside/) as unknown,
      }),
    ]);
    const pm10 = (await rows('http-aq-1')).filter((r) => r.metric === 'pm10');
    expect(pm10.map((r) => [r.time, r.value])).toEqual([
      [new Date(t1).toISOString(), 80],
      [new Date(Math.floor(t2.getTime() / 1000) * 1000).toISOString(), 81],
    ]);
  });

  it('reads SenML by content type (base name/time, relative time, unit conversion)', async () => {
    const bt = Math.floor(Date.now() / 1000) - 120;
    const res = await post(
      '/api/v1/telemetry',
      [
        { bn: 'urn:dev:ops:http-aq-1:', bt, bu: 'ug/m3', n: 'pm2_5', v: 12 },
        { n: 'temp', u: 'K', v: 303.15, t: -60 },
      ],
      { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/senml+json' },
    );
    expect(res.status).toBe(202);
    const from = new Date((bt - 60) * 1000).toISOString();
    const to = new Date(bt * 1000).toISOString();
    const got = (await rows('http-aq-1')).filter((r) => r.time >= from && r.time <= to);
    expect(got.map((r) => [r.metric, r.time])).toEqual([
      ['temperature', new Date((bt - 60) * 1000).toISOString()],
      ['pm25', new Date(bt * 1000).toISOString()],
    ]);
    expect(got.find((r) => r.metric === 'temperature')?.value).toBeCloseTo(30, 6);
  });

  it('stores a gateway batch for the devices it fronts and dead-letters the others', async () => {
    const ts = Date.now() - 10_000;
    const res = await post(
      '/api/v1/telemetry',
      { 'http-aq-2': [{ ts, values: { pm25: 22 } }], 'http-aq-1': [{ ts, values: { pm25: 99 } }] },
      { authorization: `Bearer ${gatewayToken}` },
    );
    expect(res.status).toBe(202);
    const body = (await res.json()) as {
      accepted: number;
      rejected: { reason: string; deviceId?: string }[];
    };
    expect(body.accepted).toBe(1);
    expect(body.rejected).toEqual([
      expect.objectContaining({ reason: 'not_fronted_by_gateway', deviceId: 'http-aq-1' }),
    ]);
    expect((await rows('http-aq-2')).map((r) => r.value)).toEqual([22]);
    expect((await rows('http-aq-1')).some((r) => r.value === 99)).toBe(false);
    await waitFor(async () =>
      (await count(
        platform.ctx.pool,
        "SELECT count(*)::int AS n FROM dead_letter WHERE reason = 'not_fronted_by_gateway' AND device_id = 'http-aq-1'",
      )) === 1
        ? true
        : undefined,
    );
  });

  it('refuses missing and wrong tokens, malformed JSON and oversize bodies with the right status', async () => {
    expect((await post('/api/v1/telemetry', { values: { pm25: 1 } }, {})).status).toBe(401);
    expect(
      (await post('/api/v1/telemetry', { values: { pm25: 1 } }, { authorization: 'Bearer nope' }))
        .status,
    ).toBe(401);
    const bad = await post('/api/v1/telemetry', '{"values": {pm25: }', {
      authorization: `Bearer ${deviceToken}`,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe(
      'INGEST_MALFORMED_JSON',
    );
    const big = await post(
      '/api/v1/telemetry',
      { values: { pm25: 1 }, pad: 'x'.repeat(300_000) },
      { authorization: `Bearer ${deviceToken}` },
    );
    expect(big.status).toBe(413);
  });

  it('lands a The Things Stack v3 uplink on the device with that DevEUI, at the gateway time', async () => {
    const { doc, shift } = recent(fixture('ttn-v3-uplink.json'), '2020-02-12T15:15:46.014Z');
    expect(
      (await post('/api/v1/lorawan/ttn', doc, { 'x-webhook-secret': 'wrong-secret-0123456789' }))
        .status,
    ).toBe(401);
    const res = await post('/api/v1/lorawan/ttn', doc, { 'x-webhook-secret': TTN_SECRET });
    expect(res.status).toBe(202);
    const time = shift('2020-02-12T15:15:45.787Z');
    expect(await rows('ttn-env-01')).toEqual([
      { metric: 'rssi', value: -35, time, unit: UNIT },
      { metric: 'snr', value: 5, time, unit: UNIT },
      { metric: 'temperature', value: 1, time, unit: UNIT },
    ]);
    // The codec's luminosity is not in the profile: not stored, and visible with its reason.
    expect(
      ((await res.json()) as { rejected: { reason: string; message: string }[] }).rejected,
    ).toEqual([
      expect.objectContaining({
        reason: 'not_mapped',
        message: expect.stringContaining('luminosity') as unknown,
      }),
    ]);
    const dead = await waitFor(async () => {
      const r = await platform.ctx.pool.query<{ reason: string }>(
        `SELECT reason FROM dead_letter WHERE device_id = 'ttn-env-01' AND detail LIKE '%luminosity%'`,
      );
      return r.rows.length > 0 ? r.rows : undefined;
    });
    expect(dead.map((r) => r.reason)).toEqual(['not_mapped']);
  });

  it('lands a ChirpStack v4 up event at the event time and acknowledges other events', async () => {
    const { doc, shift } = recent(fixture('chirpstack-v4-up.json'), '2022-07-18T09:34:15.775Z');
    const join = await post('/api/v1/lorawan/chirpstack?event=join', doc, {
      'x-webhook-secret': CS_SECRET,
    });
    expect(join.status).toBe(202);
    expect(await join.json()).toEqual({ accepted: 0, ignored: 'join' });
    expect(await rows('cs-env-01')).toEqual([]);
    const res = await post('/api/v1/lorawan/chirpstack?event=up', doc, {
      'x-webhook-secret': CS_SECRET,
    });
    expect(res.status).toBe(202);
    const time = shift('2022-07-18T09:34:15.775Z');
    const got = await rows('cs-env-01');
    expect(got.map((r) => [r.metric, r.value, r.time])).toEqual([
      ['battery_v', 3.612, time],
      ['humidity', 81, time],
      ['rssi', -36, time],
      ['snr', 10.5, time],
      ['temperature', 28.4, time],
    ]);
    // An uplink from an unregistered DevEUI is acknowledged (the network server cannot fix it) and dead-lettered.
    const stranger = {
      ...doc,
      deviceInfo: { ...(doc.deviceInfo as object), devEui: '0202020202020202' },
    };
    const r2 = await post('/api/v1/lorawan/chirpstack?event=up', stranger, {
      'x-webhook-secret': CS_SECRET,
    });
    expect(r2.status).toBe(202);
    expect(((await r2.json()) as { rejected: { reason: string }[] }).rejected[0]?.reason).toBe(
      'unknown_dev_eui',
    );
  });

  it('keeps the dead-letter table bounded, and `ioc deadletter list` shows the latest with reasons', async () => {
    const pool = platform.ctx.pool;
    await pool.query(
      "INSERT INTO dead_letter (received_at, reason, source, payload) VALUES (now() - interval '40 days', 'bad_shape', 'http:/old', '{}')",
    );
    for (let i = 0; i < 40; i++) {
      await post(
        '/api/v1/telemetry',
        { values: { [`nope_${i}`]: 1 } },
        { authorization: `Bearer ${deviceToken}` },
      );
    }
    await waitFor(
      async () => {
        const n = await count(pool, 'SELECT count(*)::int AS n FROM dead_letter');
        const old = await count(
          pool,
          "SELECT count(*)::int AS n FROM dead_letter WHERE source = 'http:/old'",
        );
        return n <= 25 && old === 0 ? true : undefined;
      },
      10_000,
      'the prune',
    );
    const cli = await runIoc(['deadletter', 'list', '--limit', '3'], cliEnv());
    expect(cli.code, cli.stderr).toBe(0);
    const lines = cli.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('3 row(s)');
    const entries = lines.filter((l) => /^\d{4}-\d{2}-\d{2}T/.test(l));
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatch(
      /unknown_metric\s+http:\/api\/v1\/telemetry\s+http-aq-1\s+unknown metric nope_39/,
    );
    expect(entries[2]).toMatch(/nope_37/);
    // The bound kept the newest 25: the earlier rejects of this suite were pruned first.
    expect(
      await count(
        pool,
        "SELECT count(*)::int AS n FROM dead_letter WHERE reason = 'not_fronted_by_gateway'",
      ),
    ).toBe(0);
  });
});
