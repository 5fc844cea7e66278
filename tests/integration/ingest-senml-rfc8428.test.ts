/**
 * Every SenML example of RFC 8428 section 5 (and the two of section 4.5.3), sent as the device
 * they name would send them, over MQTT and over HTTP: each record ends stored as what it
 * measures or refused with the right reason — never as `topic_not_owned … urn:dev:ow` for the
 * device's own URN, never a mains voltage stored as a battery's. The examples' times (2010,
 * 2011) are kept: the platform runs with INGEST_MAX_AGE_DAYS wide enough to take them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { callApi } from '../support/http';
import { connectDevice } from '../support/mqtt';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';

const OW63 = '10e2073a01080063';
// Section 5.1.2's second example names 10e2073a0108006 (15 digits): another device.
const OW6 = '10e2073a0108006';
const WARD = '20314';

interface Example {
  section: string;
  device: string;
  pack: unknown[];
  /** [metric, value] of each stored reading, in time order. */
  stored: [string, number][];
  /** Reasons of the refused records. */
  refused: string[];
}

const EXAMPLES: Example[] = [
  {
    section: '5.1.1 single datapoint',
    device: OW63,
    pack: [{ n: `urn:dev:ow:${OW63}`, u: 'Cel', v: 23.1 }],
    stored: [['temperature', 23.1]],
    refused: [],
  },
  {
    section: '5.1.2 multiple datapoints (voltage and current are not catalogue metrics)',
    device: OW63,
    pack: [
      { bn: `urn:dev:ow:${OW63}:`, n: 'voltage', u: 'V', v: 120.1 },
      { n: 'current', u: 'A', v: 1.2 },
    ],
    stored: [],
    refused: ['unknown_metric', 'unknown_metric'],
  },
  {
    section: '5.1.2 multiple datapoints with base time',
    device: OW6,
    pack: [
      {
        bn: `urn:dev:ow:${OW6}:`,
        bt: 1.276020076001e9,
        bu: 'A',
        bver: 5,
        n: 'voltage',
        u: 'V',
        v: 120.1,
      },
      { n: 'current', t: -5, v: 1.2 },
      { n: 'current', t: -4, v: 1.3 },
      { n: 'current', t: -3, v: 1.4 },
      { n: 'current', t: -2, v: 1.5 },
      { n: 'current', t: -1, v: 1.6 },
      { n: 'current', v: 1.7 },
    ],
    stored: [],
    refused: Array<string>(7).fill('unknown_metric'),
  },
  {
    section: '5.1.2 humidity series',
    device: OW63,
    pack: [
      { bn: `urn:dev:ow:${OW63}`, bt: 1.320067464e9, bu: '%RH', v: 21.2 },
      { t: 10, v: 21.3 },
      { t: 20, v: 21.4 },
      { t: 30, v: 21.4 },
      { t: 40, v: 21.5 },
      { t: 50, v: 21.5 },
      { t: 60, v: 21.5 },
      { t: 70, v: 21.6 },
      { t: 80, v: 21.7 },
      { t: 90, v: 21.5 },
      { t: 91, v: 21.5 },
      { t: 92, v: 21.5 },
    ],
    stored: [21.2, 21.3, 21.4, 21.4, 21.5, 21.5, 21.5, 21.6, 21.7, 21.5, 21.5, 21.5].map(
      (v): [string, number] => ['humidity', v],
    ),
    refused: [],
  },
  {
    section: '5.1.3 multiple measurements (humidity with position, battery)',
    device: OW63,
    pack: [
      { bn: `urn:dev:ow:${OW63}`, bt: 1.320067464e9, bu: '%RH', v: 20 },
      { u: 'lon', v: 24.30621 },
      { u: 'lat', v: 60.07965 },
      { t: 60, v: 20.3 },
      { u: 'lon', t: 60, v: 24.30622 },
      { u: 'lat', t: 60, v: 60.07965 },
      { t: 120, v: 20.7 },
      { u: 'lon', t: 120, v: 24.30623 },
      { u: 'lat', t: 120, v: 60.07966 },
      { u: '%EL', t: 150, v: 98 },
      { t: 180, v: 21.2 },
      { u: 'lon', t: 180, v: 24.30628 },
      { u: 'lat', t: 180, v: 60.07967 },
    ],
    stored: [
      ['humidity', 20],
      ['humidity', 20.3],
      ['humidity', 20.7],
      ['battery', 98],
      ['humidity', 21.2],
    ],
    refused: [],
  },
  {
    section: '5.1.4 resolved data (the same measurements)',
    device: OW63,
    pack: [
      [1.320067464e9, '%RH', 20],
      [1.320067464e9, 'lon', 24.30621],
      [1.320067464e9, 'lat', 60.07965],
      [1.320067524e9, '%RH', 20.3],
      [1.320067524e9, 'lon', 24.30622],
      [1.320067524e9, 'lat', 60.07965],
      [1.320067584e9, '%RH', 20.7],
      [1.320067584e9, 'lon', 24.30623],
      [1.320067584e9, 'lat', 60.07966],
      [1.320067614e9, '%EL', 98],
      [1.320067644e9, '%RH', 21.2],
      [1.320067644e9, 'lon', 24.30628],
      [1.320067644e9, 'lat', 60.07967],
    ].map(([t, u, v]) => ({ n: `urn:dev:ow:${OW63}`, u, t, v })),
    stored: [
      ['humidity', 20],
      ['humidity', 20.3],
      ['humidity', 20.7],
      ['battery', 98],
      ['humidity', 21.2],
    ],
    refused: [],
  },
  {
    section: '5.1.5 multiple data types',
    device: OW63,
    pack: [
      { bn: `urn:dev:ow:${OW63}:`, n: 'temp', u: 'Cel', v: 23.1 },
      { n: 'label', vs: 'Machine Room' },
      { n: 'open', vb: false },
      { n: 'nfv-reader', vd: 'aGkgCg' },
    ],
    stored: [['temperature', 23.1]],
    refused: ['not_numeric', 'unknown_metric', 'not_numeric'],
  },
  {
    section: '5.1.6 collection of resources (two other devices)',
    device: OW63,
    pack: [
      { bn: '2001:db8::2/', bt: 1.320078429e9, n: 'temperature', u: 'Cel', v: 25.2 },
      { n: 'humidity', u: '%RH', v: 30 },
      { bn: '2001:db8::1/', n: 'temperature', u: 'Cel', v: 12.3 },
      { n: 'humidity', u: '%RH', v: 67 },
    ],
    stored: [],
    refused: Array<string>(4).fill('topic_not_owned'),
  },
  {
    section: '5.1.7 setting an actuator',
    device: OW63,
    pack: [
      { bn: `urn:dev:ow:${OW63}:` },
      { n: 'temp', u: 'Cel', v: 23.1 },
      { n: 'heat', u: '/', v: 1 },
      { n: 'fan', u: '/', v: 0 },
    ],
    stored: [['temperature', 23.1]],
    refused: ['unknown_metric', 'unknown_metric'],
  },
  {
    section: '4.5.3 resolved temperatures',
    device: OW63,
    pack: [
      { n: `urn:dev:ow:${OW63}`, u: 'Cel', t: 1.276020076e9, v: 23.5 },
      { n: `urn:dev:ow:${OW63}`, u: 'Cel', t: 1.276020091e9, v: 23.6 },
    ],
    stored: [
      ['temperature', 23.5],
      ['temperature', 23.6],
    ],
    refused: [],
  },
  {
    section: '4.5.3 the same with a base name',
    device: OW63,
    pack: [
      { bn: `urn:dev:ow:${OW63}`, u: 'Cel', t: 1.276020076e9, v: 23.5 },
      { u: 'Cel', t: 1.276020091e9, v: 23.6 },
    ],
    stored: [
      ['temperature', 23.5],
      ['temperature', 23.6],
    ],
    refused: [],
  },
  {
    section: '5.2 (SenML for actuation) commands to two other devices',
    device: OW63,
    pack: [
      { bt: 1.320078429e9, bu: '/', n: '2001:db8::3', v: 0.5 },
      { n: '2001:db8::4', v: 0.5 },
      { n: '2001:db8::3', t: 0.1, v: 0 },
      { n: '2001:db8::4', t: 0.1, v: 0 },
    ],
    stored: [],
    refused: Array<string>(4).fill('topic_not_owned'),
  },
];

describe('RFC 8428 examples over MQTT and HTTP', () => {
  let platform: TestPlatform;
  const tokens = new Map<string, string>();
  const sessions = new Map<string, MqttClient>();

  const readings = async (device: string) =>
    (
      await platform.ctx.pool.query<{ metric: string; value: number }>(
        'SELECT metric, value FROM reading WHERE device_id = $1 ORDER BY time, metric',
        [device],
      )
    ).rows.map((r): [string, number] => [r.metric, r.value]);
  const refusedSince = async (id: number, device: string) =>
    (
      await platform.ctx.pool.query<{ reason: string; detail: string }>(
        'SELECT reason, detail FROM dead_letter WHERE id > $1 AND device_id = $2 ORDER BY id',
        [id, device],
      )
    ).rows;
  const lastDeadLetter = async () =>
    Number(
      (
        await platform.ctx.pool.query<{ id: string | null }>(
          'SELECT max(id) AS id FROM dead_letter',
        )
      ).rows[0]?.id ?? 0,
    );
  const clear = async () => {
    await platform.ctx.pool.query('DELETE FROM reading WHERE device_id = ANY($1)', [[OW63, OW6]]);
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ INGEST_MAX_AGE_DAYS: '10000' });
    for (const id of [OW63, OW6]) {
      // Mobile: the examples' positions (Finland) are outside every ward.
      const r = await callApi(platform.httpUrl, 'POST', '/api/v1/devices', platform.adminToken, {
        id,
        kind: 'weather',
        unitCode: WARD,
        mobile: true,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const token = (r.body as { token: string }).token;
      tokens.set(id, token);
      sessions.set(id, await connectDevice(platform.mqttUrl, id, token));
    }
  }, 120_000);
  afterAll(async () => {
    for (const s of sessions.values()) await s.endAsync(true);
    await platform.dispose();
  });

  const send = {
    mqtt: async (ex: Example) => {
      const session = sessions.get(ex.device);
      if (!session) throw new Error(`no session for ${ex.device}`);
      await session.publishAsync(`ioc/v1/telemetry/${ex.device}`, JSON.stringify(ex.pack), {
        qos: 1,
      });
    },
    http: async (ex: Example) => {
      const res = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.get(ex.device) ?? ''}`,
          'content-type': 'application/senml+json',
        },
        body: JSON.stringify(ex.pack),
      });
      // All refused: 400 with every reason in details; otherwise 202 with the refused listed.
      const body = (await res.json()) as {
        accepted?: number;
        rejected?: { reason: string }[];
        error?: { details?: { rejected?: { reason: string }[] } };
      };
      expect(res.status, JSON.stringify(body)).toBe(ex.stored.length === 0 ? 400 : 202);
      const rejected = body.rejected ?? body.error?.details?.rejected ?? [];
      expect(body.accepted ?? 0).toBe(ex.stored.length);
      expect(rejected.map((r) => r.reason).sort()).toEqual([...ex.refused].sort());
    },
  };

  for (const transport of ['mqtt', 'http'] as const) {
    describe(`over ${transport}`, () => {
      it.each(EXAMPLES.map((ex) => [ex.section, ex] as const))('%s', async (_section, ex) => {
        await clear();
        const mark = await lastDeadLetter();
        await send[transport](ex);
        const outcome = await waitFor(async () => {
          const stored = await readings(ex.device);
          const refused = await refusedSince(mark, ex.device);
          return stored.length >= ex.stored.length && refused.length >= ex.refused.length
            ? { stored, refused }
            : undefined;
        });
        expect(outcome.stored).toEqual(ex.stored);
        // Decoding refuses before validation does, so compare the reasons as a multiset.
        expect(outcome.refused.map((r) => r.reason).sort()).toEqual([...ex.refused].sort());
        // The device's own URN is the device: never refused as another's.
        for (const r of outcome.refused) expect(r.detail).not.toMatch(/for urn:dev:ow$/);
      });
    });
  }

  it('places the vessel at the last position the 5.1.3 pack gave', async () => {
    const device = await platform.ctx.pool.query<{ lon: number; lat: number }>(
      'SELECT lon, lat FROM device WHERE id = $1',
      [OW63],
    );
    expect(device.rows[0]).toEqual({ lon: 24.30628, lat: 60.07967 });
  });
});
