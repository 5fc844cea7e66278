import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmqpBus, type BusItem } from '@ioc/live';
import { backendFactories, type Backend } from '../support/backends';
import { postgresAvailable } from '../support/databases';
import { testEnv } from '../support/env';
import { mosquittoAvailable } from '../support/mqtt';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { deleteExchange, rabbitmqAvailable } from '../support/rabbitmq';
import { waitFor } from '../support/wait';
import { openWs, type TestWsClient } from '../support/ws';

const rabbit = await rabbitmqAvailable();
const logger = { log: () => undefined, warn: () => undefined, error: () => undefined };

const delta = (from: string, i: number): BusItem => ({
  t: 'r',
  d: {
    deviceId: `${from}-${String(i)}`,
    unitCode: '20314',
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)).toISOString(),
    values: { pm25: i },
  },
});

describe.skipIf(!rabbit)('the live bus over RabbitMQ (AmqpBus)', () => {
  const exchange = `ioc.test.live.${Date.now().toString(36)}`;
  const gotA: BusItem[] = [];
  const gotB: BusItem[] = [];
  let a: AmqpBus;
  let b: AmqpBus;

  beforeAll(async () => {
    a = new AmqpBus({ urls: [testEnv.amqpUrl], exchange }, logger, (i) => gotA.push(i));
    // The first node is dead: b starts on the next one.
    b = new AmqpBus(
      { urls: ['amqp://guest:guest@127.0.0.1:1', testEnv.amqpUrl], exchange },
      logger,
      (i) => gotB.push(i),
    );
    await a.start();
    await b.start();
  });

  afterAll(async () => {
    await a.stop();
    await b.stop();
    await deleteExchange(exchange);
  });

  it('two instances exchange every item, none lost and none delivered to its sender', async () => {
    const fromA = Array.from({ length: 3000 }, (_, i) => delta('a', i));
    const fromB = Array.from({ length: 2000 }, (_, i) => delta('b', i));
    // Several event-loop turns, so several batches each.
    for (let k = 0; k < 10; k++) {
      for (const i of fromA.slice(k * 300, (k + 1) * 300)) a.publish(i);
      for (const i of fromB.slice(k * 200, (k + 1) * 200)) b.publish(i);
      await new Promise((r) => setImmediate(r));
    }
    await a.idle();
    await b.idle();
    await waitFor(() => (gotB.length >= 3000 && gotA.length >= 2000) || undefined, 15_000);
    expect(gotB).toEqual(fromA);
    expect(gotA).toEqual(fromB);
    expect(a.stats).toMatchObject({ sent: 3000, received: 2000, dropped: 0 });
    expect(b.stats).toMatchObject({ sent: 2000, received: 3000, dropped: 0 });
  });

  it('an alert larger than a NOTIFY payload arrives whole, not by id', async () => {
    const message = 'Mực nước sông Hàn vượt báo động III tại trạm Cẩm Lệ — '.repeat(300);
    const alert = { t: 'a', a: { id: 'big-1', message } } as unknown as BusItem;
    expect(Buffer.byteLength(JSON.stringify(alert))).toBeGreaterThan(8000);
    a.publish(alert);
    const got = await waitFor(() => gotB.find((i) => i.t === 'a' || i.t === 'A'), 10_000);
    expect(got).toEqual(alert);
  });
});

/** A TCP relay to RabbitMQ standing in for one cluster node; `kill` makes the node die. */
async function relayNode(): Promise<{ url: string; kill(): void; close(): Promise<void> }> {
  const target = new URL(testEnv.amqpUrl);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(target.port || 5672), target.hostname);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => {
        sockets.delete(s);
        inbound.destroy();
        outbound.destroy();
      });
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(testEnv.amqpUrl);
  url.host = `127.0.0.1:${String(port)}`;
  const kill = () => {
    server.close();
    for (const s of sockets) s.destroy();
  };
  return {
    url: url.toString(),
    kill,
    close: () =>
      new Promise((r) =>
        server.close(() => {
          r();
        }),
      ),
  };
}

describe.skipIf(!rabbit)('the AMQP bus fails over when its node dies', () => {
  it('reconnects to the next node and then delivers what was published meanwhile, and what follows', async () => {
    const exchange = `ioc.test.failover.${Date.now().toString(36)}`;
    const n1 = await relayNode();
    const n2 = await relayNode();
    const got: BusItem[] = [];
    const a = new AmqpBus(
      { urls: [n1.url, n2.url], exchange, reconnectMs: 2000 },
      logger,
      () => undefined,
    );
    const b = new AmqpBus({ urls: [testEnv.amqpUrl], exchange }, logger, (i) => got.push(i));
    try {
      await a.start();
      await b.start();
      a.publish(delta('a', 1));
      await waitFor(() => got.length === 1 || undefined, 10_000, 'the first item');
      // The first reconnect waits 1–2 s (jittered backoff): long enough to see a disconnected.
      n1.kill();
      await waitFor(() => !a.connected || undefined, 10_000, 'a to notice its node died');
      // Published with no node: kept, and sent once a is on the second node.
      a.publish(delta('a', 2));
      await waitFor(() => a.connected || undefined, 10_000, 'a on the second node');
      expect(a.stats.reconnects).toBeGreaterThan(0);
      a.publish(delta('a', 3));
      await waitFor(() => got.length === 3 || undefined, 10_000, 'the items after fail-over');
      expect(got).toEqual([delta('a', 1), delta('a', 2), delta('a', 3)]);
      expect(a.stats.dropped).toBe(0);
    } finally {
      await a.stop();
      await b.stop();
      await n1.close().catch(() => undefined);
      n2.kill();
      await deleteExchange(exchange);
    }
  });
});

const services = rabbit && (await postgresAvailable()) && (await mosquittoAvailable());
const postgres = backendFactories().find((f) => f.mode === 'postgres')!;

describe.skipIf(!services)('two API instances with LIVE_BUS=amqp', () => {
  let a: TestPlatform;
  let b: TestPlatform;
  let backend: Backend;
  let client: TestWsClient;
  const tag = Date.now().toString(36);
  const id = `amqp-${tag}`;

  beforeAll(async () => {
    backend = await postgres.create();
    const env = {
      DATABASE_URL: backend.url,
      MQTT_URL: testEnv.mosquittoUrl,
      MQTT_SHARED_GROUP: `ioc-amqp-${tag}`,
      LIVE_BUS: 'amqp',
      LIVE_BUS_AMQP_URLS: testEnv.amqpUrl,
    };
    a = await startTestPlatform(env);
    b = await startTestPlatform(env);
    expect(a.ctx.live.bus.kind).toBe('amqp');
    expect(b.ctx.live.bus.kind).toBe('amqp');
  });

  afterAll(async () => {
    client.close();
    await a.dispose();
    await b.dispose();
    await backend.dispose();
  });

  it('a reading stored on instance A reaches a WebSocket client of instance B', async () => {
    const token = await a.addDevice({ id, unitCode: '20314' });
    client = await openWs(b.httpUrl, '/ws', b.adminToken);
    client.send({ type: 'subscribe', channels: ['unit:20314'] });
    await client.next((m) => m.type === 'subscribed');
    const res = await fetch(`${a.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ values: { pm25: 66.5 } }),
    });
    expect(res.status).toBe(202);
    const m = await client.next(
      (x) =>
        x.type === 'readings' && x.deltas.some((d) => d.deviceId === id && d.values.pm25 === 66.5),
      10_000,
    );
    expect(m.type === 'readings' && m.channel).toBe('unit:20314');
  });
});
