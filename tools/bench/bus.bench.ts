/**
 * npm run bench:bus — where PostgreSQL LISTEN/NOTIFY stops carrying the live bus, and RabbitMQ
 * at the same offered rates.
 *
 * One publisher instance (this process, a real PgNotifyBus / AmqpBus) and N subscriber
 * instances (each its own process, tools/bench/support/bus-subscriber.ts). The publisher offers
 * a mix of ReadingDelta (80 %) and RollupUpdate (20 %) items at each rate for a few seconds,
 * paced every 10 ms, items of one tick published in one event-loop turn (as the writer's
 * flushes do). Per step: delivered items/s per subscriber (received over the time from the
 * step's start to its last arrival), items lost (offered − received, after a drain wait), p50 /
 * p99 delivery latency, and the size of the messages on the wire. The knee is the first rate
 * where a subscriber gets < 90 % of the offered rate, loses items, or p99 passes 1 s.
 *
 * Needs PostgreSQL (BENCH_POSTGRES_URL) and RabbitMQ (BENCH_AMQP_URL); a missing one is skipped.
 */
import { loadavg, cpus } from 'node:os';
import { resolve } from 'node:path';
import amqp from 'amqplib';
import pg from 'pg';
import { AmqpBus, PgNotifyBus, type BusItem, type LiveBus } from '@ioc/live';
import { benchEnv } from './support/env';
import { BenchChild } from './support/ws-ipc';

interface SubReport {
  received: number;
  last: number;
  p50: number;
  p99: number;
  messages: number;
  sizeP50: number;
  sizeP99: number;
  sizeMax: number;
}
interface StepResult {
  rate: number;
  offered: number;
  delivered: number[];
  lost: number;
  p50: number;
  p99: number;
  size: string;
  ok: boolean;
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const wards = ['20314', '20305', '20308', '20311', '20317', '20320', '20323', '20326'];
const silent = {
  log: () => undefined,
  warn: (m: string) => {
    console.warn(m);
  },
  error: console.error,
};

function item(i: number, step: number): BusItem {
  const ts = now();
  const unitCode = wards[i % wards.length] ?? '20314';
  if (i % 5 === 4) {
    // The step and the send time ride in n and sum (same widths as real counts and sums).
    return {
      t: 'u',
      u: {
        unitCode,
        metric: 'pm25',
        size: '1m',
        bucket: '2026-12-07T23:59:00.000Z',
        n: step,
        sum: ts,
        min: 12.5,
        max: 88.25,
        mean: 41.37,
      },
    };
  }
  return {
    t: 'r',
    d: {
      deviceId: `aq-${unitCode}-${String(i % 500).padStart(3, '0')}`,
      unitCode,
      time: new Date(ts).toISOString(),
      values: { pm25: 35.2 + (i % 7), pm10: 51.8, temperature: 29.4, humidity: 78, s: step, ts },
    },
  };
}

async function up(kind: 'pg' | 'amqp'): Promise<boolean> {
  try {
    if (kind === 'pg') {
      const c = new pg.Client({
        connectionString: benchEnv.postgresAdminUrl,
        connectionTimeoutMillis: 3000,
      });
      await c.connect();
      await c.end();
    } else {
      const c = await amqp.connect(benchEnv.amqpUrl);
      await c.close();
    }
    return true;
  } catch {
    return false;
  }
}

async function run(kind: 'pg' | 'amqp', subscribers: number): Promise<StepResult[]> {
  const url = kind === 'pg' ? benchEnv.postgresAdminUrl : benchEnv.amqpUrl;
  const channel = kind === 'pg' ? `ioc_bench_${Date.now().toString(36)}` : 'ioc.bench.live';
  const module = resolve(import.meta.dirname, 'support/bus-subscriber.ts');
  const subs = Array.from(
    { length: subscribers },
    (_, i) => new BenchChild(module, [kind, url, channel, i === 0 ? '1' : '0']),
  );
  await Promise.all(subs.map((s) => s.request('ready')));
  const bus: LiveBus & { stats: { dropped: number } } =
    kind === 'pg'
      ? new PgNotifyBus({ url, channel }, silent, () => undefined)
      : new AmqpBus({ urls: [url], exchange: channel }, silent, () => undefined);
  await bus.start();
  const results: StepResult[] = [];
  try {
    for (const [step, rate] of benchEnv.busRates.entries()) {
      await Promise.all(subs.map((s) => s.request('reset')));
      const start = now();
      const end = start + benchEnv.busSeconds * 1000;
      let sent = 0;
      while (now() < end) {
        const due = Math.floor(((now() - start) / 1000) * rate);
        for (; sent < due; sent++) bus.publish(item(sent, step));
        await sleep(10);
      }
      // Drain: until every subscriber has everything, or nothing arrived for 2 s (max 15 s).
      let reports: SubReport[] = [];
      let lastTotal = -1;
      let quietSince = now();
      for (const stop = now() + 15_000; now() < stop;) {
        await sleep(250);
        reports = await Promise.all(subs.map((s) => s.request<SubReport>('step', { step })));
        const total = reports.reduce((a, r) => a + r.received, 0);
        if (total === sent * subscribers) break;
        if (total !== lastTotal) quietSince = now();
        else if (now() - quietSince > 2000) break;
        lastTotal = total;
      }
      const delivered = reports.map((r) => (r.received / Math.max(1, r.last - start)) * 1000);
      const lost = reports.reduce((a, r) => a + (sent - r.received), 0);
      const p50 = Math.max(...reports.map((r) => r.p50));
      const p99 = Math.max(...reports.map((r) => r.p99));
      const first = reports[0];
      const res: StepResult = {
        rate,
        offered: sent,
        delivered,
        lost,
        p50,
        p99,
        size: first
          ? `${String(first.sizeP50)}/${String(first.sizeP99)}/${String(first.sizeMax)} B`
          : '-',
        ok: lost === 0 && p99 < 1000 && delivered.every((d) => d >= rate * 0.9),
      };
      results.push(res);
      console.log(
        `  ${kind.padEnd(4)} subs=${String(subscribers)} offered ${String(rate).padStart(6)}/s` +
          `  delivered/sub ${delivered.map((d) => d.toFixed(0).padStart(6)).join(' ')}/s` +
          `  lost ${String(lost).padStart(7)}  p50 ${p50.toFixed(1).padStart(7)} ms  p99 ${p99.toFixed(1).padStart(8)} ms` +
          `  msg p50/p99/max ${res.size}  ${res.ok ? '' : '← behind'}  load ${loadavg()[0]?.toFixed(2) ?? ''}`,
      );
    }
  } finally {
    await bus.stop();
    await Promise.all(subs.map((s) => s.close()));
  }
  return results;
}

console.log(
  `bench:bus — ${String(cpus().length)} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ` + `${String(benchEnv.busSeconds)} s per rate`,
);
const have = { pg: await up('pg'), amqp: await up('amqp') };
if (!have.pg) console.log('  PostgreSQL unreachable: NOTIFY side skipped');
if (!have.amqp) console.log('  RabbitMQ unreachable: AMQP side skipped');
const knee = (rs: StepResult[]) => rs.find((r) => !r.ok)?.rate;
for (const n of benchEnv.busSubscribers) {
  const pgRes = have.pg ? await run('pg', n) : [];
  const amqpRes = have.amqp ? await run('amqp', n) : [];
  console.log(
    `\n  subscribers=${String(n)}: knee (first rate behind) NOTIFY ${String(knee(pgRes) ?? 'none')}, AMQP ${String(knee(amqpRes) ?? 'none')}`,
  );
  for (const p of pgRes) {
    const a = amqpRes.find((x) => x.rate === p.rate);
    if (!a) continue;
    const pd = Math.min(...p.delivered);
    const ad = Math.min(...a.delivered);
    console.log(
      `    ${String(p.rate).padStart(6)}/s  delivered AMQP/NOTIFY ${(ad / pd).toFixed(2)}×  p99 NOTIFY/AMQP ${(p.p99 / a.p99).toFixed(2)}×`,
    );
  }
  console.log('');
}
console.log(
  `load average at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
