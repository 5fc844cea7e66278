/**
 * One subscribing API instance of bench:bus, in its own process: a real PgNotifyBus or AmqpBus
 * whose handler counts the bench's items per step and their delivery latency (the publisher's
 * send time rides in the item). Subscriber 0 also records the size of every message on the wire.
 */
import { AmqpBus, PgNotifyBus, type BusItem, type LiveBus } from '@ioc/live';
import type pg from 'pg';
import { serveRequests } from './ws-ipc';

const [kind, url, channel] = process.argv.slice(2) as ['pg' | 'amqp', string, string];
const recordSizes = process.argv[5] === '1';
const now = () => performance.timeOrigin + performance.now();

interface Step {
  received: number;
  latencies: number[];
  last: number;
}
const steps = new Map<number, Step>();
const sizes: number[] = [];

const onItem = (item: BusItem) => {
  const v =
    item.t === 'r' ? item.d.values : item.t === 'u' ? { s: item.u.n, ts: item.u.sum } : null;
  if (!v || v.s === undefined || v.ts === undefined) return;
  const t = now();
  let s = steps.get(v.s);
  if (!s) steps.set(v.s, (s = { received: 0, latencies: [], last: 0 }));
  s.received++;
  s.last = t;
  s.latencies.push(t - v.ts);
};

const log = {
  log: () => undefined,
  warn: (m: string) => {
    console.warn(m);
  },
  error: (m: string) => {
    console.error(m);
  },
};
let bus: LiveBus;
if (kind === 'pg') {
  const b = new PgNotifyBus({ url, channel }, log, onItem);
  bus = b;
} else {
  const b = new AmqpBus({ urls: [url], exchange: channel }, log, onItem);
  if (recordSizes) {
    const receive = b.receive.bind(b);
    b.receive = (msg) => {
      sizes.push(msg.content.length);
      receive(msg);
    };
  }
  bus = b;
}
await bus.start();
if (kind === 'pg' && recordSizes) {
  // The bus's own LISTEN connection: count payload sizes as they arrive.
  const client = (bus as unknown as { client: pg.Client }).client;
  client.on('notification', (m) => {
    if (m.payload) sizes.push(Buffer.byteLength(m.payload));
  });
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
}

serveRequests(async (m) => {
  if (m.cmd === 'ready') return true;
  // A new step: message sizes are counted from here.
  if (m.cmd === 'reset') {
    sizes.length = 0;
    return true;
  }
  if (m.cmd === 'step') {
    const s = steps.get(m.step as number) ?? { received: 0, latencies: [], last: 0 };
    const lat = Float64Array.from(s.latencies).sort();
    const sz = Float64Array.from(sizes).sort();
    return {
      received: s.received,
      last: s.last,
      p50: quantile(lat, 0.5),
      p99: quantile(lat, 0.99),
      messages: sz.length,
      sizeP50: quantile(sz, 0.5),
      sizeP99: quantile(sz, 0.99),
      sizeMax: sz.length ? sz[sz.length - 1] : Number.NaN,
    };
  }
  if (m.cmd === 'close') {
    await bus.stop();
    return true;
  }
  throw new Error(`unknown ${m.cmd}`);
});
