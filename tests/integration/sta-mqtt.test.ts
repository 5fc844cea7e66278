/**
 * Issue 17, SensorThings API 1.1 (OGC 18-088) §14.2, conformance class "Receiving updates via
 * MQTT": an anonymous MQTT client subscribes to a public Datastream's Observations (or to all
 * Observations) and receives each new reading the platform committed, as the Observation entity
 * the HTTP API returns; a datastream that is not published delivers nothing; a reader cannot
 * publish (a forged observation) nor read device topics, and no device can publish there.
 *
 * Runs on the embedded broker (Aedes, PGlite) and on a private Mosquitto started from
 * infra/mosquitto/mosquitto.conf with the security `ioc broker mosquitto-files` writes (real
 * PostgreSQL): the platform collects as the collector user and publishes with it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOSQUITTO_ADMIN, mosquittoSecurity } from '../../apps/api/src/cli/mosquitto-security';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases';
import { testEnv } from '../support/env';
import {
  mosquittoBinariesAvailable,
  mosquittoCtrl,
  startPrivateMosquitto,
  type PrivateMosquitto,
} from '../support/mosquitto-broker';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { expectNotWithin, waitFor } from '../support/wait';

const hasMosquittoBins = await mosquittoBinariesAvailable();
const hasPostgres = await postgresAvailable();

const REQ = 'http://www.opengis.net/spec/iot_sensing/1.1/req/receive-updates-via-mqtt';
/** Published: its kind is public, and pm25 is. */
const PUBLIC_DEVICE = 'sta-mq-aq-1';
/** Not published: its own row says so, though its kind is public. */
const HIDDEN_DEVICE = 'sta-mq-aq-2';
const DEVICES = [PUBLIC_DEVICE, HIDDEN_DEVICE];
const topicOf = (device: string, metric: string) =>
  `v1.1/Datastreams('${device}:${metric}')/Observations`;
/** How long a check that something does NOT arrive watches (the happy path arrives in ms). */
const QUIET_MS = 1500;

interface Setup {
  platform: TestPlatform;
  mqttUrl: string;
  protocolVersion: 4 | 5;
  /** The base of the entities' links: PUBLIC_URL when set, else the HTTP server. */
  base: string;
  tokens: Map<string, string>;
  dispose(): Promise<void>;
}

async function embedded(): Promise<Setup> {
  const platform = await startTestPlatform();
  const tokens = new Map<string, string>();
  for (const id of DEVICES) tokens.set(id, await platform.addDevice({ id }));
  return {
    platform,
    mqttUrl: platform.mqttUrl,
    // Aedes speaks MQTT 3.1.1.
    protocolVersion: 4,
    base: platform.httpUrl,
    tokens,
    dispose: () => platform.dispose(),
  };
}

async function withMosquitto(): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-sta-mqtt-'));
  const admin = { username: MOSQUITTO_ADMIN, password: 'admin-secret-0123456789' };
  const collector = { username: 'ioc-ingest', password: 'collector-secret-0123456789' };
  const file = join(dir, 'dynamic-security.json');
  writeFileSync(
    file,
    JSON.stringify(
      mosquittoSecurity({
        collectorUser: collector.username,
        group: 'ioc-ingest',
        adminPassword: admin.password,
        identities: DEVICES.map((id) => ({ id, kind: 'air_quality' })),
      }),
    ),
  );
  let db: TestDatabase | undefined;
  let broker: PrivateMosquitto | undefined;
  try {
    [db, broker] = await Promise.all([
      createTestDatabase(testEnv.postgresAdminUrl),
      startPrivateMosquitto({ dynsecFile: file }),
    ]);
    const b = broker;
    await mosquittoCtrl(b, admin, ['setClientPassword', collector.username, collector.password]);
    const platform = await startTestPlatform({
      DATABASE_URL: db.url,
      MQTT_URL: b.url,
      MQTT_USERNAME: collector.username,
      MQTT_PASSWORD: collector.password,
      MQTT_SHARED_GROUP: 'ioc-ingest',
      PUBLIC_URL: 'https://open.example.vn',
    });
    const tokens = new Map<string, string>();
    for (const id of DEVICES) {
      const token = await platform.addDevice({ id });
      tokens.set(id, token);
      await mosquittoCtrl(b, admin, ['setClientPassword', id, token]);
    }
    const d = db;
    return {
      platform,
      mqttUrl: b.url,
      protocolVersion: 5,
      base: 'https://open.example.vn',
      tokens,
      async dispose() {
        await platform.dispose();
        await b.stop();
        await d.drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await broker?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

function receiveUpdates(title: string, start: () => Promise<Setup>) {
  describe(title, () => {
    let s: Setup;
    const clients: MqttClient[] = [];
    let seq = 0;
    const connect = async (creds?: { username: string; password: string }) => {
      const c = await mqtt.connectAsync(s.mqttUrl, {
        clientId: `sta-mqtt-${++seq}-${Date.now()}`,
        protocolVersion: s.protocolVersion,
        reconnectPeriod: 0,
        connectTimeout: 5000,
        ...(creds ?? {}),
      });
      clients.push(c);
      return c;
    };
    /** A reader that records what arrives on each topic. */
    const reader = async (filters: string[]) => {
      const c = await connect();
      const got: { topic: string; payload: string }[] = [];
      c.on('message', (topic, payload) => got.push({ topic, payload: payload.toString() }));
      const granted = await c.subscribeAsync(filters, { qos: 0 });
      expect(granted.map((g) => g.qos)).toEqual(filters.map(() => 0));
      return got;
    };
    /** The SUBACK code of one filter (MQTT.js rejects on a failure code; the code is in the packet). */
    const suback = (c: MqttClient, filter: string) =>
      c.subscribeAsync(filter, { qos: 0 }).then(
        (granted) => granted[0]?.qos,
        (err: unknown) => (err as { packet?: { granted?: number[] } }).packet?.granted?.[0],
      );
    /** Stores readings through the HTTP telemetry route (202 = committed). */
    const postReading = async (device: string, ts: Date, values: Record<string, number>) => {
      const res = await fetch(`${s.platform.httpUrl}/api/v1/telemetry`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${s.tokens.get(device) ?? ''}`,
        },
        body: JSON.stringify({ ts: ts.toISOString(), values }),
      });
      expect(res.status).toBe(202);
    };
    /** The Observation entity as OGC 18-088 and GET /sta/v1.1/Observations('<id>') give it. */
    const entity = (device: string, metric: string, ts: Date, result: number) => {
      const id = `${device}:${metric}:${ts.getTime()}`;
      const self = `${s.base}/sta/v1.1/Observations('${id}')`;
      return {
        '@iot.id': id,
        '@iot.selfLink': self,
        phenomenonTime: ts.toISOString(),
        resultTime: ts.toISOString(),
        result,
        'Datastream@iot.navigationLink': `${self}/Datastream`,
        'FeatureOfInterest@iot.navigationLink': `${self}/FeatureOfInterest`,
      };
    };
    let clock = Date.now() - 600_000;
    const nextTime = () => new Date((clock += 1000));

    beforeAll(async () => {
      s = await start();
      const pool = s.platform.ctx.pool;
      for (const [subject, key, pub] of [
        ['device_kind', 'air_quality', true],
        ['device', HIDDEN_DEVICE, false],
        ['metric', 'pm25', true],
        ['metric', 'temperature', false],
      ] as const)
        await pool.query(
          'INSERT INTO open_publication (subject, key, public) VALUES ($1, $2, $3)',
          [subject, key, pub],
        );
      await s.platform.ctx.openData.publication.refresh();
    });
    afterAll(async () => {
      for (const c of clients) await c.endAsync(true).catch(() => undefined);
      await s.dispose();
    });

    it(`${REQ}/receive-updates — an anonymous subscriber to a Datastream's Observations receives each new Observation, as the HTTP entity`, async () => {
      const got = await reader([topicOf(PUBLIC_DEVICE, 'pm25')]);
      const sent: ReturnType<typeof entity>[] = [];
      for (const value of [11.5, 12.25, 13]) {
        const ts = nextTime();
        await postReading(PUBLIC_DEVICE, ts, { pm25: value, temperature: 30 });
        sent.push(entity(PUBLIC_DEVICE, 'pm25', ts, value));
      }
      // And one a device publishes over MQTT itself.
      const device = await connect({
        username: PUBLIC_DEVICE,
        password: s.tokens.get(PUBLIC_DEVICE) ?? '',
      });
      const ts = nextTime();
      await device.publishAsync(
        `ioc/v1/telemetry/${PUBLIC_DEVICE}`,
        JSON.stringify({ ts: ts.toISOString(), values: { pm25: 14.75 } }),
        { qos: 1 },
      );
      sent.push(entity(PUBLIC_DEVICE, 'pm25', ts, 14.75));
      await waitFor(
        () => (got.length >= sent.length ? true : undefined),
        10_000,
        `${sent.length} observations`,
      );
      expect(got.map((g) => g.topic)).toEqual(sent.map(() => topicOf(PUBLIC_DEVICE, 'pm25')));
      // Exactly the entity: same members, same order, nothing else.
      expect(got.map((g) => Object.entries(JSON.parse(g.payload) as object))).toEqual(
        sent.map((e) => Object.entries(e)),
      );
      // And what GET answers for the same Observation (links under PUBLIC_URL where it is set).
      for (const e of sent) {
        const res = await fetch(`${s.platform.httpUrl}/sta/v1.1/Observations('${e['@iot.id']}')`);
        expect(res.status).toBe(200);
        expect(Object.entries((await res.json()) as object)).toEqual(Object.entries(e));
      }
    });

    it(`${REQ}/receive-updates — the service root announces the class and its broker; a client that reads them there receives updates`, async () => {
      const res = await fetch(`${s.platform.httpUrl}/sta/v1.1`);
      const root = (await res.json()) as {
        serverSettings: { conformance: string[] } & Record<string, unknown>;
      };
      const cls = `${REQ}/receive-updates`;
      expect(root.serverSettings.conformance).toContain(cls);
      const { endpoints } = root.serverSettings[cls] as { endpoints: string[] };
      expect(endpoints).toHaveLength(1);
      const endpoint = new URL(endpoints[0] ?? '');
      expect(endpoint.protocol).toBe('mqtt:');
      expect(endpoint.username + endpoint.password).toBe(''); // no credentials in a public answer
      // The topic is the Datastream's path below the service root, after the version.
      const ds = (await (
        await fetch(`${s.platform.httpUrl}/sta/v1.1/Things('${PUBLIC_DEVICE}')/Datastreams`)
      ).json()) as { value: { '@iot.selfLink': string; '@iot.id': string }[] };
      const pm25 = ds.value.find((d) => d['@iot.id'] === `${PUBLIC_DEVICE}:pm25`);
      const self = pm25?.['@iot.selfLink'] ?? '';
      const topic = `v1.1${self.slice(self.indexOf('/sta/v1.1') + '/sta/v1.1'.length)}/Observations`;
      expect(topic).toBe(topicOf(PUBLIC_DEVICE, 'pm25'));
      const c = await mqtt.connectAsync(endpoint.toString(), {
        protocolVersion: s.protocolVersion,
        reconnectPeriod: 0,
        connectTimeout: 5000,
      });
      clients.push(c);
      const got: string[] = [];
      c.on('message', (_t, payload) => got.push(payload.toString()));
      await c.subscribeAsync(topic, { qos: 0 });
      const ts = nextTime();
      await postReading(PUBLIC_DEVICE, ts, { pm25: 17.5 });
      await waitFor(() => (got.length > 0 ? true : undefined), 10_000, 'the observation');
      expect(JSON.parse(got[0] ?? '{}')).toEqual(entity(PUBLIC_DEVICE, 'pm25', ts, 17.5));
    });

    it(`${REQ}/receive-updates — v1.1/Observations carries every public Observation; an unpublished datastream's topic delivers nothing`, async () => {
      const all = await reader(['v1.1/Observations']);
      const hidden = await reader([
        topicOf(HIDDEN_DEVICE, 'pm25'),
        topicOf(PUBLIC_DEVICE, 'temperature'),
        'v1.1/Datastreams/#',
      ]);
      // Unpublished first: a hidden device (its kind is public) and a public device's
      // unpublished metric; then a public reading, which arrives after them if they went out.
      await postReading(HIDDEN_DEVICE, nextTime(), { pm25: 99, temperature: 31 });
      await postReading(PUBLIC_DEVICE, nextTime(), { temperature: 32 });
      const ts = nextTime();
      await postReading(PUBLIC_DEVICE, ts, { pm25: 21.5 });
      await waitFor(() => (all.length > 0 ? true : undefined), 10_000, 'the public observation');
      expect(all.map((g) => JSON.parse(g.payload) as unknown)).toEqual([
        entity(PUBLIC_DEVICE, 'pm25', ts, 21.5),
      ]);
      await expectNotWithin(
        () => hidden.length > 0 || all.some((g) => !g.payload.includes(`"${PUBLIC_DEVICE}:pm25:`)),
        QUIET_MS,
        `an unpublished datastream's observation (${JSON.stringify(hidden)})`,
      );
    });

    it(`${REQ}/receive-updates — readers only read: an anonymous client cannot publish a forged observation`, async () => {
      const watcher = await reader(['v1.1/#']);
      const forger = await connect();
      forger.on('error', () => undefined);
      const forged = JSON.stringify(entity(PUBLIC_DEVICE, 'pm25', nextTime(), 999));
      forger.publish(topicOf(PUBLIC_DEVICE, 'pm25'), forged, { qos: 0 });
      forger.publish('v1.1/Observations', forged, { qos: 0 });
      await expectNotWithin(() => watcher.length > 0, QUIET_MS, 'a forged observation delivered');
    });

    it(`${REQ}/receive-updates — no device can publish under v1.1/ either (its credentials do not extend there)`, async () => {
      const watcher = await reader(['v1.1/#']);
      const device = await connect({
        username: PUBLIC_DEVICE,
        password: s.tokens.get(PUBLIC_DEVICE) ?? '',
      });
      device.on('error', () => undefined);
      const forged = JSON.stringify(entity(PUBLIC_DEVICE, 'pm25', nextTime(), 999));
      device.publish(topicOf(PUBLIC_DEVICE, 'pm25'), forged, { qos: 0 });
      await expectNotWithin(() => watcher.length > 0, QUIET_MS, 'a device’s forgery delivered');
    });

    it(`${REQ}/receive-updates — anonymous access is limited to public topics: device telemetry, '#', shared groups refused`, async () => {
      const c = await connect();
      const codes = await Promise.all(
        [
          'ioc/v1/telemetry/+',
          `ioc/v1/telemetry/${PUBLIC_DEVICE}`,
          '#',
          '$share/ioc-ingest/ioc/v1/telemetry/+',
        ].map((f) => suback(c, f)),
      );
      // 0x80 (MQTT 3.1.1 failure) or 0x87 (MQTT 5 not authorised).
      for (const code of codes) expect(code).toBeGreaterThanOrEqual(0x80);
      // The connection stays, and what is public still arrives on it.
      expect(await suback(c, 'v1.1/Observations')).toBe(0);
    });

    it(`${REQ}/receive-updates — a client naming a username still needs its password`, async () => {
      await expect(
        connect({ username: PUBLIC_DEVICE, password: 'not-the-token' }),
      ).rejects.toThrow();
      await expect(connect({ username: 'nobody-here', password: 'x' })).rejects.toThrow();
    });
  });
}

receiveUpdates('SensorThings MQTT updates on the embedded broker (Aedes, PGlite)', embedded);
describe.skipIf(!(hasMosquittoBins && hasPostgres))('with Mosquitto', () => {
  receiveUpdates(
    'SensorThings MQTT updates on Mosquitto with the shipped security (PostgreSQL)',
    withMosquitto,
  );
});
