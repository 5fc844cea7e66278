/**
 * `npm run bench:scale` — does ingest scale out? The same stream of QoS 1 messages is stored
 * by 1, then by 2 collector processes (`PROCESS_ROLE=collector`, real processes) splitting one
 * shared subscription on a private Mosquitto, into one PostgreSQL database. Printed per run:
 * messages/s (first publish → last row committed) and each collector's CPU-seconds; then the
 * scaling ratio (2 ÷ 1) and the same ratio *per collector CPU-second*.
 *
 * Why both: on this 2-core machine the publisher, Mosquitto, PostgreSQL and the collectors
 * share two cores, so a second collector cannot get a core of its own and wall-clock scaling is
 * capped well below 2× by the machine, not by the platform. Messages per collector CPU-second
 * is what a collector delivers given a core: if it stays the same with two collectors, nothing
 * in the platform (locks, duplicate work, a hot row) stops adding collectors from adding
 * throughput, and capacity per collector core is that figure (docs/scaling.md uses it).
 *
 * Needs PostgreSQL (BENCH_POSTGRES_URL) and the Mosquitto binary. Size: BENCH_SCALE_MESSAGES
 * (default 100000), BENCH_PUBLISHERS devices (default 8).
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { DeviceRepository, generateToken, hashToken } from '@ioc/ingest';
import { startPrivateMosquitto } from '../../tests/support/mosquitto-broker';
import { spawnPlatform, type PlatformProcess } from '../../tests/support/platform-process';
import { createBenchDatabase, type BenchDatabase } from './support/bench-db';
import { benchEnv } from './support/env';
import { runPublisher } from './support/publisher-process';

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const out = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** user + system CPU of a process so far, in seconds (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

interface RunResult {
  collectors: number;
  ms: number;
  stored: number;
  cpu: number[];
}

async function run(
  db: BenchDatabase,
  brokerUrl: string,
  collectors: number,
  messages: number,
  devices: number,
): Promise<RunResult> {
  const prefix = `scale${collectors}`;
  const repo = new DeviceRepository(db.pool);
  for (let i = 0; i < devices; i++)
    await repo.insert({
      id: `${prefix}-${String(i).padStart(4, '0')}`,
      kind: 'air_quality',
      unitCode: null,
      lon: null,
      lat: null,
      tokenHash: hashToken(generateToken()),
    });
  const group = `bench-scale-${randomBytes(3).toString('hex')}`;
  const procs: PlatformProcess[] = [];
  try {
    for (let i = 0; i < collectors; i++)
      procs.push(
        await spawnPlatform({
          PROCESS_ROLE: 'collector',
          DATABASE_URL: db.url,
          MQTT_URL: brokerUrl,
          MQTT_CLIENT_ID: `${group}-${i}`,
          MQTT_SHARED_GROUP: group,
          LOG_LEVEL: 'error',
        }),
      );
    // Each collector is subscribed once its health says the broker is up.
    for (const p of procs)
      for (;;) {
        const h = (await (await fetch(`${p.httpUrl}/api/v1/health`)).json()) as {
          brokerConnection?: string;
        };
        if (h.brokerConnection === 'up') break;
        await sleep(100);
      }
    await sleep(500);
    const cpu0 = procs.map((p) => cpuSeconds(p.pid));
    const pub = runPublisher(brokerUrl, messages, devices, prefix);
    const start = await pub.startedAt;
    let stored = 0;
    let lastAt = start;
    for (;;) {
      const n =
        (
          await db.pool.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM reading WHERE device_id LIKE $1',
            [`${prefix}-%`],
          )
        ).rows[0]?.n ?? 0;
      if (n !== stored) {
        stored = n;
        lastAt = Date.now();
      }
      if (stored >= messages || Date.now() - lastAt > 30_000) break;
      await sleep(20);
    }
    await pub.done;
    const cpu = procs.map((p, i) => cpuSeconds(p.pid) - (cpu0[i] ?? 0));
    return { collectors, ms: lastAt - start, stored, cpu };
  } finally {
    for (const p of procs) await p.stop();
  }
}

async function main(): Promise<void> {
  const messages = benchEnv.scaleMessages;
  const devices = benchEnv.publishers;
  out(`IOC scale-out benchmark — ${new Date().toISOString()}`);
  out(
    `node ${process.versions.node}, ${cpus().length} CPU(s), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at start; ${fmt(messages)} QoS 1 messages from ${devices} devices per run`,
  );
  const broker = await startPrivateMosquitto();
  const db = await createBenchDatabase(benchEnv.postgresAdminUrl);
  try {
    const results: RunResult[] = [];
    for (const k of [1, 2]) results.push(await run(db, broker.url, k, messages, devices));
    out();
    out('collectors   stored      time     msg/s    collector CPU-s      msg per collector CPU-s');
    for (const r of results) {
      const cpuTotal = r.cpu.reduce((a, b) => a + b, 0);
      out(
        `${String(r.collectors).padStart(10)}  ${fmt(r.stored).padStart(7)}  ${fmt(r.ms / 1000, 1).padStart(6)} s  ${fmt((r.stored / r.ms) * 1000).padStart(8)}    ${r.cpu
          .map((c) => fmt(c, 1))
          .join(' + ')
          .padStart(15)}    ${fmt(r.stored / cpuTotal).padStart(10)}`,
      );
    }
    const [one, two] = results;
    if (!one || !two) return;
    const rate = (r: RunResult) => (r.stored / r.ms) * 1000;
    const perCpu = (r: RunResult) => r.stored / r.cpu.reduce((a, b) => a + b, 0);
    out();
    out(
      `scaling, wall clock: ${fmt(rate(two) / rate(one), 2)}× with 2 collectors (bounded by ${cpus().length} cores shared with the broker, PostgreSQL and the publisher)`,
    );
    out(
      `scaling, per collector CPU-second: ${fmt(perCpu(two) / perCpu(one), 2)}× (1.00× = a second collector costs nothing extra per message; below 1 here: each collector's batches are half as full, and four busy processes share two cores)`,
    );
    const lost = results.filter((r) => r.stored < messages);
    out(
      `messages lost: ${lost.length === 0 ? 0 : lost.map((r) => messages - r.stored).join(', ')}`,
    );
  } finally {
    await db.drop();
    await broker.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench:scale failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
