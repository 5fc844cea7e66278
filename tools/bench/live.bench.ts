/**
 * npm run bench:live — live path latency, measured against a peer in the same run:
 *
 *   1. broker loopback: MQTT QoS 1 publish → subscribe on the same broker (Mosquitto), the floor
 *      no platform can beat;
 *   2. publish → WebSocket: a device publishes over MQTT, the platform stores the reading and
 *      pushes it to a WebSocket client (p50/p95/p99, and p95 above the broker's);
 *   3. fan-out: the same to 1,000 WebSocket clients at once.
 *
 * Services mode (PostgreSQL + Mosquitto) when both are reachable, embedded otherwise (no broker
 * peer then). Production timing settings (writer 100 ms, hub flush 100 ms). WebSocket clients
 * run in a worker thread so their JSON parsing does not share the platform's event loop.
 */
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import mqtt, { type MqttClient } from 'mqtt';
import { createTestDatabase, type TestDatabase } from '../../tests/support/databases';
import { testEnv } from '../../tests/support/env';
import { startTestPlatform, type TestPlatform } from '../../tests/support/platform';

interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

function stats(samples: ArrayLike<number>): Stats {
  const s = Float64Array.from(samples).sort();
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? Number.NaN;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

const fmt = (s: Stats) =>
  `p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  (n=${String(s.n)})`;

async function reachable(url: string): Promise<boolean> {
  try {
    const c = await mqtt.connectAsync(url, { connectTimeout: 2000, reconnectPeriod: 0 });
    await c.endAsync();
    return true;
  } catch {
    return false;
  }
}

async function postgresUp(): Promise<boolean> {
  try {
    const db = await createTestDatabase(testEnv.postgresAdminUrl, 'ioc_bench_live');
    await db.drop();
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Publishes `count` messages at `rate`/s, spread over `clients` (round robin). */
async function paced(
  count: number,
  rate: number,
  send: (i: number) => Promise<unknown>,
): Promise<void> {
  const start = performance.now();
  const inflight: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inflight.push(send(i));
    if (inflight.length > 500) await Promise.all(inflight.splice(0));
  }
  await Promise.all(inflight);
}

async function brokerLoopback(url: string, count: number, rate: number): Promise<Stats> {
  const topic = `ioc/bench/loop/${Date.now().toString(36)}`;
  const sub = await mqtt.connectAsync(url, {
    clientId: `bench-sub-${String(process.pid)}`,
    reconnectPeriod: 0,
  });
  const pub = await mqtt.connectAsync(url, {
    clientId: `bench-pub-${String(process.pid)}`,
    reconnectPeriod: 0,
  });
  const samples: number[] = [];
  sub.on('message', (_t, payload: Buffer) => {
    const sent = Number(payload.toString());
    samples.push(performance.now() - sent);
  });
  await sub.subscribeAsync(topic, { qos: 1 });
  await paced(count, rate, () => pub.publishAsync(topic, String(performance.now()), { qos: 1 }));
  const deadline = Date.now() + 5000;
  while (samples.length < count && Date.now() < deadline) await sleep(20);
  await sub.endAsync();
  await pub.endAsync();
  return stats(samples);
}

/** WebSocket clients in a worker thread; latency = arrival − the reading's device timestamp. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.wsPath);
const clients = [];
let samples = [];
let recording = false;
let delivered = 0;
function openOne(url, channels) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('error', reject);
    ws.on('open', () => {
      ws.on('message', (data) => {
        const now = Date.now();
        const m = JSON.parse(data.toString());
        if (m.type === 'subscribed') { resolve(ws); return; }
        if (!recording || m.type !== 'readings') return;
        for (const d of m.deltas) {
          if (!d.deviceId.startsWith(workerData.prefix)) continue;
          samples.push(now - Date.parse(d.time));
          delivered++;
        }
      });
      ws.send(JSON.stringify({ type: 'subscribe', channels }));
    });
  });
}
parentPort.on('message', async (m) => {
  if (m.cmd === 'open') {
    for (let i = 0; i < m.n; i += 50) {
      const batch = [];
      for (let j = i; j < Math.min(m.n, i + 50); j++) batch.push(openOne(m.url, m.channels));
      clients.push(...(await Promise.all(batch)));
    }
    parentPort.postMessage({ open: clients.length });
  } else if (m.cmd === 'start') {
    samples = []; delivered = 0; recording = true;
    parentPort.postMessage({ started: true });
  } else if (m.cmd === 'stop') {
    recording = false;
    const s = Float64Array.from(samples).sort();
    const at = (q) => s[Math.min(s.length - 1, Math.floor(s.length * q))];
    parentPort.postMessage({ n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), delivered });
  } else if (m.cmd === 'close') {
    for (const c of clients) c.terminate();
    parentPort.postMessage({ closed: true });
  }
});
`;

class Clients {
  private readonly worker: Worker;
  constructor(prefix: string) {
    const wsPath = createRequire(import.meta.url).resolve('ws');
    this.worker = new Worker(WORKER, { eval: true, workerData: { wsPath, prefix } });
  }
  private call<T>(msg: unknown): Promise<T> {
    return new Promise((resolve) => {
      this.worker.once('message', (m: T) => {
        resolve(m);
      });
      this.worker.postMessage(msg);
    });
  }
  open(url: string, n: number, channels: string[]) {
    return this.call<{ open: number }>({ cmd: 'open', url, n, channels });
  }
  start() {
    return this.call<{ started: boolean }>({ cmd: 'start' });
  }
  stop() {
    return this.call<Stats & { delivered: number }>({ cmd: 'stop' });
  }
  async close(): Promise<void> {
    await this.call({ cmd: 'close' });
    await this.worker.terminate();
  }
}

async function main(): Promise<void> {
  const services = (await reachable(testEnv.mosquittoUrl)) && (await postgresUp());
  const mode = services ? 'services (PostgreSQL + Mosquitto)' : 'embedded (PGlite + Aedes)';
  process.stdout.write(
    `bench:live — ${mode}, ${String(cpus().length)} CPUs, node ${process.versions.node}\n`,
  );

  const count = 2000;
  const rate = 400;
  let broker: Stats | undefined;
  if (services) {
    broker = await brokerLoopback(testEnv.mosquittoUrl, count, rate);
    process.stdout.write(
      `  broker loopback   (Mosquitto QoS 1 pub→sub, ${String(count)} msgs @ ${String(rate)}/s): ${fmt(broker)}\n`,
    );
  } else {
    process.stdout.write('  broker loopback   skipped (no external broker reachable)\n');
  }

  let db: TestDatabase | undefined;
  let platform: TestPlatform | undefined;
  const devices: MqttClient[] = [];
  try {
    if (services) db = await createTestDatabase(testEnv.postgresAdminUrl, 'ioc_bench_live');
    platform = await startTestPlatform({
      ...(db ? { DATABASE_URL: db.url, MQTT_URL: testEnv.mosquittoUrl } : {}),
      WRITER_MAX_LATENCY_MS: '100',
    });
    const prefix = `bl-${Date.now().toString(36)}`;
    const ids = Array.from({ length: 50 }, (_, i) => `${prefix}-${String(i)}`);
    for (const id of ids) {
      const token = await platform.addDevice({ id, unitCode: '20314' });
      devices.push(
        await mqtt.connectAsync(platform.mqttUrl, {
          username: id,
          password: token,
          clientId: `bench-${id}`,
          reconnectPeriod: 0,
        }),
      );
    }
    // The clients are province walls: their display token rides in the URL.
    const display = await platform.displayToken('48');
    const wsUrl = `${platform.httpUrl.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(display)}`;
    const publishReading = async (i: number): Promise<unknown> => {
      const d = i % ids.length;
      return devices[d]?.publishAsync(
        `ioc/v1/telemetry/${ids[d] ?? ''}`,
        JSON.stringify({ ts: Date.now(), values: { pm25: i % 500 } }),
        { qos: 1 },
      );
    };

    // Warm-up: JIT, pools, prepared paths.
    const one = new Clients(prefix);
    await one.open(wsUrl, 1, ['unit:48']);
    await paced(200, rate, publishReading);
    await sleep(500);

    await one.start();
    await paced(count, rate, publishReading);
    await sleep(1000);
    const single = await one.stop();
    await one.close();
    process.stdout.write(
      `  publish → WS      (1 client, ${String(count)} readings @ ${String(rate)}/s):            ${fmt(single)}\n`,
    );
    if (broker) {
      process.stdout.write(
        `    p95 above broker: ${(single.p95 - broker.p95).toFixed(1)} ms (target ≤ 250 ms); p95 ratio WS/broker: ${(single.p95 / broker.p95).toFixed(1)}×\n`,
      );
    }

    const fanCount = 1000;
    const fanRate = 200;
    const many = new Clients(prefix);
    const opened = await many.open(wsUrl, 1000, ['unit:48']);
    await sleep(500);
    await many.start();
    await paced(fanCount, fanRate, publishReading);
    await sleep(1500);
    const fan = await many.stop();
    await many.close();
    process.stdout.write(
      `  fan-out           (${String(opened.open)} clients, ${String(fanCount)} readings @ ${String(fanRate)}/s):       ${fmt(fan)}\n`,
    );
    process.stdout.write(
      `    deltas delivered: ${String(fan.delivered)} (${(fan.delivered / opened.open).toFixed(0)} per client); p95 ratio 1000 clients / 1 client: ${(fan.p95 / single.p95).toFixed(2)}×; hub skipped client-ticks: ${String(platform.ctx.hub.dropped)}\n`,
    );
    if (broker) {
      process.stdout.write(`    p95 above broker: ${(fan.p95 - broker.p95).toFixed(1)} ms\n`);
    }
  } finally {
    for (const d of devices) await d.endAsync().catch(() => undefined);
    await platform?.dispose();
    await db?.drop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench:live failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
