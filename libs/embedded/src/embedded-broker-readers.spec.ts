import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isUnder,
  startEmbeddedBroker,
  type BrokerPolicy,
  type EmbeddedBroker,
} from './embedded-broker';

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function policy(anonymousReadPrefix?: string) {
  const seen = { accepted: [] as string[], rejected: [] as string[] };
  const p: BrokerPolicy = {
    authenticate: (_user, password) => Promise.resolve(password === 'token'),
    authorizePublish: (user, topic) => topic === `ioc/v1/telemetry/${user}`,
    onRejectedPublish: (user, topic) => {
      seen.rejected.push(`${user} ${topic}`);
    },
    accept: (publish) => {
      seen.accepted.push(`${publish.username} ${publish.topic}`);
      return Promise.resolve();
    },
    ...(anonymousReadPrefix ? { anonymousReadPrefix } : {}),
  };
  return { p, seen };
}

/** The SUBACK code of one filter (MQTT.js rejects on a failure code; the code is in the packet). */
const suback = (c: MqttClient, filter: string) =>
  c.subscribeAsync(filter, { qos: 0 }).then(
    (granted) => granted[0]?.qos,
    (err: unknown) => (err as { packet?: { granted?: number[] } }).packet?.granted?.[0],
  );

describe('embedded broker: anonymous readers of the public prefix', () => {
  let broker: EmbeddedBroker | undefined;
  const clients: MqttClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.endAsync(true);
    await broker?.close();
    broker = undefined;
  });
  const start = async (p: BrokerPolicy) => {
    broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', maxPacketBytes: 65_536 }, p);
    return broker;
  };
  const connect = (creds: { username: string; password: string } | null) =>
    mqtt
      .connectAsync(`mqtt://127.0.0.1:${String(broker?.port)}`, {
        clientId: `spec-reader-${String(clients.length)}`,
        protocolVersion: 4,
        reconnectPeriod: 0,
        ...(creds ?? {}),
      })
      .then((c) => {
        clients.push(c);
        return c;
      });

  it('refuses a CONNECT without credentials unless a public prefix is configured', async () => {
    await start(policy().p);
    await expect(connect(null)).rejects.toMatchObject({ code: 4 });
  });

  it('lets a reader subscribe under the prefix only, and delivers what the platform publishes there', async () => {
    await start(policy('v1.1/').p);
    const reader = await connect(null);
    const got: string[] = [];
    reader.on('message', (topic, payload) => got.push(`${topic} ${payload.toString()}`));
    const codes = {
      datastream: await suback(reader, "v1.1/Datastreams('aq-1:pm25')/Observations"),
      wildcard: await suback(reader, 'v1.1/#'),
      telemetry: await suback(reader, 'ioc/v1/telemetry/+'),
      everything: await suback(reader, '#'),
      above: await suback(reader, '+/Observations'),
      root: await suback(reader, 'v1.1/'),
    };
    expect(codes).toEqual({
      datastream: 0,
      wildcard: 0,
      telemetry: 0x80,
      everything: 0x80,
      above: 0x80,
      root: 0x80,
    });
    broker?.publish('v1.1/Observations', '{"result":1}');
    await until(() => got.length > 0, 'the platform’s message');
    expect(got).toEqual(['v1.1/Observations {"result":1}']);
  });

  it('never takes a reader’s PUBLISH: not handed to the platform, not dead-lettered, not forwarded', async () => {
    const { p, seen } = policy('v1.1/');
    await start(p);
    const watcher = await connect(null);
    const got: string[] = [];
    watcher.on('message', (topic) => got.push(topic));
    expect(await suback(watcher, 'v1.1/#')).toBe(0);
    const forger = await connect(null);
    const closed = new Promise<void>((resolve) =>
      forger.once('close', () => {
        resolve();
      }),
    );
    forger.publish('v1.1/Observations', '{"result":999}', { qos: 1 });
    forger.publish('ioc/v1/telemetry/aq-1', '{"pm25":1}', { qos: 1 });
    await closed;
    // A device's own message still arrives, so the watcher would have seen a forwarded forgery.
    const device = await connect({ username: 'aq-1', password: 'token' });
    await device.publishAsync('ioc/v1/telemetry/aq-1', '{"pm25":2}', { qos: 1 });
    expect(seen).toEqual({ accepted: ['aq-1 ioc/v1/telemetry/aq-1'], rejected: [] });
    expect(got).toEqual([]);
  });

  it('keeps devices as they were: credentials checked, no subscription, not even under the prefix', async () => {
    await start(policy('v1.1/').p);
    await expect(connect({ username: 'aq-1', password: 'wrong' })).rejects.toMatchObject({
      code: 4,
    });
    const device = await connect({ username: 'aq-1', password: 'token' });
    expect(await suback(device, 'v1.1/#')).toBe(0x80);
  });

  it('judges filters: wildcards below the prefix only', () => {
    expect(isUnder('v1.1/Datastreams/+/Observations', 'v1.1/')).toBe(true);
    expect(isUnder('v1.1/#', 'v1.1/')).toBe(true);
    expect(isUnder('v1.1/', 'v1.1/')).toBe(false);
    expect(isUnder('v1.1', 'v1.1/')).toBe(false);
    expect(isUnder('#', 'v1.1/')).toBe(false);
    expect(isUnder('$share/g/v1.1/#', 'v1.1/')).toBe(false);
    expect(isUnder('v1.10/x', 'v1.1/')).toBe(false);
  });
});
