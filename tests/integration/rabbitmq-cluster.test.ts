/**
 * Issue 19, RabbitMQ as the clustered broker: a private 3-node RabbitMQ cluster on loopback
 * (tests/support/rabbitmq-cluster.ts) whose MQTT listeners authenticate devices against the
 * platform (rabbitmq_auth_backend_http → /api/v1/broker/rabbitmq/<secret>/…), and an in-process
 * platform whose collector consumes the quorum queue over AMQP (AMQP_URLS).
 *
 * Devices publish QoS 1 to any node and each message is stored once; no device can join the
 * collectors' consumer group — not by subscribing to the telemetry topics or a `$share/…` filter,
 * not by consuming the collectors' queue over AMQP — while good devices' data keeps flowing; a
 * wrong token is refused at CONNECT; a device cannot publish under another's id.
 */
import { connect as amqpConnect, type Channel } from 'amqplib';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import {
  rabbitmqAvailable,
  startRabbitCluster,
  type RabbitCluster,
} from '../support/rabbitmq-cluster';
import { expectNotWithin, waitFor } from '../support/wait';

const hasRabbit = await rabbitmqAvailable();

const QUEUE = 'ioc.telemetry-test';
let seq = 0;
const since = Date.now() - 3_600_000;
/** A reading with its own recent timestamp (readings are keyed by device and time). */
const reading = () =>
  JSON.stringify({
    ts: new Date(since + ++seq * 1000).toISOString(),
    values: { pm25: 10 + (seq % 50) },
  });

async function connect(url: string, username: string, password: string, clientId?: string) {
  const client = await mqtt.connectAsync(url, {
    username,
    password,
    clientId: clientId ?? `t-${username}-${++seq}`,
    protocolVersion: 4,
    reconnectPeriod: 0,
    connectTimeout: 10_000,
  });
  // The broker ends refused clients' connections abruptly; the tests look at `close`.
  client.on('error', () => undefined);
  return client;
}

/**
 * Publishes as a device does: QoS 1, and on a lost connection (a node failing over its queue)
 * connects again and sends the message again, until acknowledged.
 */
async function deliver(url: string, id: string, token: string, payload: string): Promise<void> {
  await waitFor(
    async () => {
      const c = await connect(url, id, token);
      const ok = await publish(c, `ioc/v1/telemetry/${id}`, payload);
      c.end(true);
      return ok ? true : undefined;
    },
    60_000,
    `a PUBACK for ${id}`,
  );
}

const closes = new WeakMap<MqttClient, Promise<void>>();
/** Resolves when the broker closed the client's connection (one listener per client). */
function closed(client: MqttClient): Promise<void> {
  let p = closes.get(client);
  if (!p) {
    p = new Promise<void>((resolve) =>
      client.once('close', () => {
        resolve();
      }),
    );
    closes.set(client, p);
  }
  return p;
}

/** Publishes QoS 1; resolves true on PUBACK, false when the broker closed the connection. */
async function publish(client: MqttClient, topic: string, payload: string): Promise<boolean> {
  return Promise.race([
    client.publishAsync(topic, payload, { qos: 1 }).then(() => true),
    closed(client).then(() => false),
  ]);
}

/** Whether the broker refused a subscription (SUBACK failure, or the connection closed). */
async function subscriptionRefused(client: MqttClient, filter: string): Promise<boolean> {
  const granted = client
    .subscribeAsync(filter, { qos: 1 })
    .then((g) => g.every((s) => s.qos === 128))
    .catch(() => true);
  return Promise.race([granted, closed(client).then(() => true)]);
}

describe.skipIf(!hasRabbit)('RabbitMQ cluster as the broker', () => {
  let cluster: RabbitCluster;
  let platform: TestPlatform;
  const tokens: Record<string, string> = {};
  const devices = ['rmq-a', 'rmq-b', 'rmq-c'];
  const stored = async (id: string) => {
    const { rows } = await platform.ctx.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM reading WHERE device_id = $1',
      [id],
    );
    return rows[0]?.n ?? 0;
  };

  beforeAll(async () => {
    cluster = await startRabbitCluster({ nodes: 3 });
    console.info(`RabbitMQ: 3-node cluster started in ${cluster.startMs} ms`);
    platform = await startTestPlatform({
      SEED_DEMO: 'false',
      AMQP_URLS: cluster.amqpUrls.join(','),
      AMQP_QUEUE: QUEUE,
      BROKER_AUTH_SECRET: cluster.authSecret,
    });
    cluster.setAuthTarget(platform.httpUrl);
    for (const id of devices) tokens[id] = await platform.addDevice({ id, unitCode: null });
  }, 240_000);
  afterAll(async () => {
    await platform.dispose();
    await cluster.stop();
  });

  it('stores once every QoS 1 message published to any node', async () => {
    const clients = await Promise.all(
      devices.map((id, i) => connect(cluster.mqttUrls[i] ?? '', id, tokens[id] ?? '')),
    );
    const per = 20;
    for (let n = 0; n < per; n++)
      await Promise.all(
        clients.map((c, i) => publish(c, `ioc/v1/telemetry/${devices[i] ?? ''}`, reading())),
      );
    await Promise.all(clients.map((c) => c.endAsync()));
    for (const id of devices)
      await waitFor(async () => ((await stored(id)) >= per ? true : undefined), 30_000, id);
    // A redelivered message stored twice would show now.
    await expectNotWithin(
      async () => (await Promise.all(devices.map(stored))).some((n) => n > per),
      500,
      'a reading stored twice',
    );
  });

  it('dead-letters a bad payload and acknowledges it (nothing left in the queue)', async () => {
    const a = await connect(cluster.mqttUrls[1] ?? '', 'rmq-a', tokens['rmq-a'] ?? '');
    expect(await publish(a, 'ioc/v1/telemetry/rmq-a', '{"not": "a reading"')).toBe(true);
    await a.endAsync();
    await waitFor(
      async () => {
        const { rows } = await platform.ctx.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM dead_letter WHERE source = 'mqtt:ioc/v1/telemetry/rmq-a'",
        );
        return (rows[0]?.n ?? 0) >= 1 ? true : undefined;
      },
      30_000,
      'the dead letter',
    );
    await waitFor(
      async () => {
        const r = await cluster.ctl(0, ['list_queues', '-q', 'name', 'messages']);
        return /ioc\.telemetry-test\s+0\b/.test(r.stdout) ? true : undefined;
      },
      30_000,
      'an empty queue',
    );
  });

  it('refuses a wrong token at CONNECT', async () => {
    await expect(connect(cluster.mqttUrls[1] ?? '', 'rmq-a', 'not-the-token')).rejects.toThrow();
    await expect(connect(cluster.mqttUrls[1] ?? '', 'no-such-device', 'x')).rejects.toThrow();
  });

  it('does not let a device publish under another device’s id', async () => {
    const before = await stored('rmq-b');
    const a = await connect(cluster.mqttUrls[0] ?? '', 'rmq-a', tokens['rmq-a'] ?? '');
    expect(await publish(a, 'ioc/v1/telemetry/rmq-b', reading())).toBe(false);
    a.end(true);
    // A good message of b's own goes through the same queue: once it is stored, the forged one
    // (published earlier) would have been too.
    const b = await connect(cluster.mqttUrls[0] ?? '', 'rmq-b', tokens['rmq-b'] ?? '');
    expect(await publish(b, 'ioc/v1/telemetry/rmq-b', reading())).toBe(true);
    await b.endAsync();
    await waitFor(async () => ((await stored('rmq-b')) >= before + 1 ? true : undefined), 30_000);
    expect(await stored('rmq-b')).toBe(before + 1);
  });

  it('keeps devices out of the collectors’ consumer group while good data flows', async () => {
    const url = cluster.mqttUrls[2] ?? '';
    const token = tokens['rmq-a'] ?? '';
    // Subscribing needs the device's own id as client id (its subscription queue is named so).
    const spy = await connect(url, 'rmq-a', token, 'rmq-a');
    let overheard = 0;
    spy.on('message', () => overheard++);
    expect(await subscriptionRefused(spy, 'v1.1/#')).toBe(false);
    for (const filter of [
      'ioc/v1/telemetry/#',
      'ioc/v1/telemetry/rmq-b',
      'ioc/v1/gateway/+/telemetry',
      '#',
      `$share/ioc/ioc/v1/telemetry/#`,
    ]) {
      const c = spy.connected ? spy : await connect(url, 'rmq-a', token, 'rmq-a');
      if (c !== spy) c.on('message', () => overheard++);
      expect(await subscriptionRefused(c, filter), filter).toBe(true);
      if (c !== spy) c.end(true);
    }

    // Over AMQP with the same credentials: logged in, but the collectors' queue is refused.
    const amqpUrl = `amqp://rmq-a:${encodeURIComponent(token)}@127.0.0.1:${cluster.nodes[0]?.amqpPort ?? 0}`;
    const conn = await amqpConnect(amqpUrl);
    conn.on('error', () => undefined);
    for (const attempt of [
      (ch: Channel) => ch.consume(QUEUE, () => undefined),
      (ch: Channel) => ch.assertQueue('rmq-a-own-queue'),
      (ch: Channel) =>
        ch.bindQueue('mqtt-subscription-rmq-aqos1', 'amq.topic', 'ioc.v1.telemetry.#'),
    ]) {
      const ch = await conn.createChannel();
      ch.on('error', () => undefined);
      await expect(attempt(ch)).rejects.toThrow(/ACCESS_REFUSED|403/);
    }
    await conn.close().catch(() => undefined);

    // The good devices' data kept flowing meanwhile, and none of it reached the spy.
    const before = await stored('rmq-c');
    const c = await connect(cluster.mqttUrls[1] ?? '', 'rmq-c', tokens['rmq-c'] ?? '');
    for (let n = 0; n < 5; n++)
      expect(await publish(c, 'ioc/v1/telemetry/rmq-c', reading())).toBe(true);
    await c.endAsync();
    await waitFor(async () => ((await stored('rmq-c')) >= before + 5 ? true : undefined), 30_000);
    expect(overheard).toBe(0);
    spy.end(true);
  });

  it('keeps collecting when the collector’s node dies, and after it returns', async () => {
    // The collector is on the first node it reached (node 0): kill it without a goodbye.
    await cluster.kill(0);
    const before = await stored('rmq-c');
    const token = tokens['rmq-c'] ?? '';
    for (let n = 0; n < 5; n++) await deliver(cluster.mqttUrls[1] ?? '', 'rmq-c', token, reading());
    await waitFor(async () => ((await stored('rmq-c')) >= before + 5 ? true : undefined), 60_000);
    await cluster.restart(0);
    await deliver(cluster.mqttUrls[0] ?? '', 'rmq-c', token, reading());
    await waitFor(async () => ((await stored('rmq-c')) >= before + 6 ? true : undefined), 60_000);
    expect(await stored('rmq-c')).toBe(before + 6);
  }, 120_000);
});
