/**
 * A NUL character anywhere a client can put one (a metric name over MQTT and HTTP, a login
 * name, a path, a header) must end stored, dead-lettered or refused with a 400: PostgreSQL text
 * cannot hold U+0000, and one such row once blocked every later dead-letter while good data
 * still flowed. Embedded mode, access control on.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { callApi } from '../support/http';
import { connectDevice } from '../support/mqtt';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';

const WARD = '20314';
const DEVICE = 'sec-nul-1';

describe('a NUL in client input never blocks or breaks anything (embedded)', () => {
  let platform: TestPlatform;
  let token = '';
  let session: MqttClient | undefined;

  const deadLetters = async (like: string) =>
    (
      await platform.ctx.pool.query<{ reason: string; detail: string | null; source: string }>(
        'SELECT reason, detail, source FROM dead_letter WHERE detail LIKE $1 ORDER BY id',
        [like],
      )
    ).rows;
  const stored = async (value: number) =>
    (
      await platform.ctx.pool.query(
        `SELECT 1 FROM reading WHERE device_id = $1 AND metric = 'pm25' AND value = $2`,
        [DEVICE, value],
      )
    ).rows.length;
  // Each message carries its own time: two readings of one metric at the same instant are one
  // reading (the table's key), and messages taken in one socket read can share a millisecond.
  const base = Date.now() - 60_000;
  let second = 0;
  const stamp = () => new Date(base + ++second * 1000).toISOString();
  const publish = (values: Record<string, number>) => {
    if (!session) throw new Error('no MQTT session');
    // Not awaited: before the fix a poisoned dead-letter held its PUBACK forever.
    void session
      .publishAsync(`ioc/v1/telemetry/${DEVICE}`, JSON.stringify({ ts: stamp(), values }), {
        qos: 1,
      })
      .catch(() => undefined);
  };
  const postTelemetry = (values: Record<string, number>) =>
    fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ts: stamp(), values }),
    });

  beforeAll(async () => {
    platform = await startTestPlatform();
    const r = await callApi(platform.httpUrl, 'POST', '/api/v1/devices', platform.adminToken, {
      id: DEVICE,
      kind: 'air_quality',
      unitCode: WARD,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    token = (r.body as { token: string }).token;
    session = await connectDevice(platform.mqttUrl, DEVICE, token);
  }, 120_000);
  afterAll(async () => {
    await session?.endAsync(true);
    await platform.dispose();
  });

  it('over MQTT: dead-letters the NUL metric, stores the good ones, keeps dead-lettering after it', async () => {
    publish({ 'pm\u0000mqtt': 1 });
    publish({ pm25: 11 });
    publish({ pm25: 12 });
    publish({ nope_after_mqtt: 3 });
    await waitFor(
      async () => ((await stored(11)) && (await stored(12)) ? true : undefined),
      15_000,
    );
    await waitFor(
      async () => ((await deadLetters('%nope_after_mqtt%')).length > 0 ? true : undefined),
      15_000,
    );
    const poisoned = await deadLetters('%pm%mqtt%');
    expect(poisoned).toHaveLength(1);
    expect(poisoned[0]?.reason).toBe('unknown_metric');
    expect(poisoned[0]?.detail).toContain('pm\\u0000mqtt');
  });

  it('over HTTP: the same, and the answer is not a 500', async () => {
    const bad = await postTelemetry({ 'pm\u0000http': 1 });
    expect(bad.status).toBeLessThan(500);
    expect((await postTelemetry({ pm25: 21 })).status).toBe(202);
    expect((await postTelemetry({ nope_after_http: 3 })).status).toBeLessThan(500);
    await waitFor(async () => ((await stored(21)) ? true : undefined), 15_000);
    await waitFor(
      async () => ((await deadLetters('%nope_after_http%')).length > 0 ? true : undefined),
      15_000,
    );
    const poisoned = await deadLetters('%pm%http%');
    expect(poisoned).toHaveLength(1);
    expect(poisoned[0]?.reason).toBe('unknown_metric');
  });

  it('answers 400, never 500, to a NUL in a login name or a path', async () => {
    const login = await callApi(platform.httpUrl, 'POST', '/api/v1/auth/login', null, {
      username: 'adm\u0000in',
      password: 'whatever-password-1',
    });
    expect(login.status, JSON.stringify(login.body)).toBe(400);
    for (const path of [
      '/api/v1/devices/a%00b',
      '/api/v1/rollups?device=a%00b',
      '/api/v1/alerts/a%00b',
      '/api/v1/units/a%00b',
      '/api/v1/devices?unit=2%000',
    ]) {
      const r = await callApi(platform.httpUrl, 'GET', path, platform.adminToken);
      expect({ path, status: r.status }).toMatchObject({ path, status: 400 });
    }
  });

  it('answers 400 to a NUL in a header', async () => {
    const status = await new Promise<string>((resolve, reject) => {
      const url = new URL(platform.httpUrl);
      const s = connect(Number(url.port), url.hostname, () => {
        s.write(
          `GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ab\u0000cd\r\nConnection: close\r\n\r\n`,
        );
      });
      let got = '';
      s.on('data', (d: Buffer) => (got += d.toString('latin1')));
      s.on('end', () => {
        resolve(got.split('\r\n')[0] ?? '');
      });
      s.on('error', reject);
    });
    expect(status).toMatch(/^HTTP\/1\.1 400/);
  });
});
