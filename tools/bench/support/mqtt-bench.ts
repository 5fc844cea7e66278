import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import mqtt from 'mqtt';
import { loadApiConfig } from '@ioc/config';
import { DeviceRepository, generateToken, hashToken } from '@ioc/ingest';
import { startPlatform } from '../../../apps/api/src/composition/platform';
import { startPrivateMosquitto } from '../../../tests/support/mosquitto-broker';
import { createBenchDatabase } from './bench-db';
import { runPublisher } from './publisher-process';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Drops Nest's log lines from stdout until the returned function is called. */
function quietNest(): () => void {
  const write = process.stdout.write.bind(process.stdout);
  const quiet = (chunk: string | Uint8Array, ...rest: unknown[]): boolean =>
    String(chunk).includes('[Nest]') ? true : write(chunk, ...(rest as [BufferEncoding]));
  process.stdout.write = quiet;
  return () => {
    process.stdout.write = write;
  };
}

export interface MqttBenchResult {
  messages: number;
  /** Platform: first publish → last reading committed. */
  platformMs: number;
  stored: number;
  lost: number;
  duplicates: number;
  cpuMs: number;
  /** Bare `mosquitto_sub -C N` draining the same publisher. */
  subMs: number;
  /** A bare MQTT.js QoS 1 subscriber that only JSON.parses each message: its CPU and time. */
  bareCpuMs: number;
  bareMs: number;
  publisherMsPlatform: number;
  publisherMsSub: number;
}

/** Starts the bare subscriber; resolves once it is subscribed (so nothing is missed). */
async function runBareSubscriber(
  url: string,
  messages: number,
): Promise<{ result: Promise<{ cpuMs: number; ms: number }> }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'tools/bench/support/bare-subscriber.ts'),
      url,
      String(messages),
      `bench-bare-${randomBytes(3).toString('hex')}`,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (onReady = r));
  const result = new Promise<{ cpuMs: number; ms: number }>((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`bare subscriber exited with ${String(code)}`));
    });
    lines.on('line', (line) => {
      const m = JSON.parse(line) as { ready?: boolean; cpuMs?: number; ms?: number };
      if (m.ready) onReady();
      if (m.cpuMs !== undefined) resolve({ cpuMs: m.cpuMs, ms: m.ms ?? 0 });
    });
  });
  await ready;
  return { result };
}

/**
 * MQTT → stored through a private Mosquitto (infra/mosquitto/mosquitto.conf) and the whole
 * platform in this process (services mode, PUBACK after commit), against a bare
 * `mosquitto_sub -q 1 -C N` draining the same publisher.
 */
export async function benchMqtt(opts: {
  adminUrl: string;
  mosquittoSubBin: string;
  messages: number;
  devices: number;
}): Promise<MqttBenchResult> {
  const { messages, devices } = opts;
  const broker = await startPrivateMosquitto();
  const db = await createBenchDatabase(opts.adminUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'ioc-bench-platform-'));
  try {
    // 1. The peer: mosquitto_sub at QoS 1, printing to nowhere.
    const sub = spawn(
      opts.mosquittoSubBin,
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(broker.port),
        '-q',
        '1',
        '-t',
        'ioc/v1/telemetry/+',
        '-C',
        String(messages),
        '-i',
        'bench-sub',
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const subExit = new Promise<number>((r) => {
      sub.once('exit', () => {
        r(Date.now());
      });
    });
    await new Promise((r) => setTimeout(r, 500));
    const subRun = runPublisher(broker.url, messages, devices, 'peer');
    const subStart = await subRun.startedAt;
    const subEnd = await subExit;
    const subPub = await subRun.done;

    // 1b. The CPU peer: a bare MQTT.js subscriber (JSON.parse only), in its own process.
    const bare = await runBareSubscriber(broker.url, messages);
    const bareRun = runPublisher(broker.url, messages, devices, 'bare');
    const bareResult = await bare.result;
    await bareRun.done;

    // 2. The platform.
    const repo = new DeviceRepository(db.pool);
    for (let i = 0; i < devices; i++) {
      await repo.insert({
        id: `bench-${String(i).padStart(4, '0')}`,
        kind: 'air_quality',
        unitCode: null,
        lon: null,
        lat: null,
        tokenHash: hashToken(generateToken()),
      });
    }
    const clientId = `bench-collector-${randomBytes(3).toString('hex')}`;
    const config = loadApiConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB_DIST_DIR: join(dataDir, 'no-web'),
      DATABASE_URL: db.url,
      MQTT_URL: broker.url,
      MQTT_CLIENT_ID: clientId,
      SEED_DEMO: 'false',
      SIMULATOR: 'false',
      LOG_LEVEL: 'error',
    });
    // The platform logs its start at LOG level; keep the benchmark's own output readable.
    const restore = quietNest();
    const platform = await startPlatform(config).finally(restore);
    // Polls the writer's committed-row count (2 ms resolution; the runs last seconds).
    let lastStoredAt = 0;
    const base = platform.ctx.writer.snapshot.storedTotal;
    let seen = base;
    let poll: NodeJS.Timeout | undefined;
    const allStored = new Promise<void>((reached) => {
      poll = setInterval(() => {
        const now = platform.ctx.writer.snapshot.storedTotal;
        if (now !== seen) {
          seen = now;
          lastStoredAt = Date.now();
        }
        if (now - base >= messages) reached();
      }, 2);
    });
    const cpu0 = process.cpuUsage();
    const run = runPublisher(broker.url, messages, devices, 'bench');
    const start = await run.startedAt;
    const pub = await run.done;
    await Promise.race([allStored, new Promise((r) => setTimeout(r, 60_000))]);
    clearInterval(poll);
    const cpu = process.cpuUsage(cpu0);
    const counts = await db.pool.query<{ n: number; distinct: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT (device_id, time))::int AS distinct FROM reading WHERE device_id LIKE 'bench-%'",
    );
    await platform.stop();
    const end = await mqtt.connectAsync(broker.url, {
      clientId,
      clean: true,
      protocolVersion: 5,
      reconnectPeriod: 0,
    });
    await end.endAsync();
    const n = counts.rows[0]?.n ?? 0;
    return {
      messages,
      platformMs: lastStoredAt - start,
      stored: n,
      lost: messages - (counts.rows[0]?.distinct ?? 0),
      duplicates: n - (counts.rows[0]?.distinct ?? 0),
      cpuMs: (cpu.user + cpu.system) / 1000,
      subMs: subEnd - subStart,
      bareCpuMs: bareResult.cpuMs,
      bareMs: bareResult.ms,
      publisherMsPlatform: pub.ms,
      publisherMsSub: subPub.ms,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await db.drop();
    await broker.stop();
  }
}
