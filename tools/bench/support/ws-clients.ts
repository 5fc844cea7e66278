/**
 * bench:ws's WebSocket clients, in their own process so their receive path does not share the
 * servers' CPU accounting:
 *
 *   node --import tsx tools/bench/support/ws-clients.ts <platformUrl> <peerUrl> <n>
 *
 * Opens n connections to each server, each subscribed to the bench channel, and counts the
 * frames of the armed server only. A frame's latency is its arrival (Date.now(), the clock the
 * sender stamps `asOf` with) minus its `asOf`, in whole milliseconds, kept as a histogram.
 * Requests (see ws-ipc.ts): open, arm, collect, close.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { BENCH_CHANNEL } from './ws-broadcast';
import { serveRequests } from './ws-ipc';

export type Target = 'platform' | 'peer';

export interface RunReport {
  received: number;
  expected: number;
  /** Bytes of the counted frames' payloads. */
  bytes: number;
  /** Epoch ms of the first and the last counted frame. */
  firstAt: number;
  lastAt: number;
  /** [latency ms, frames], for latency runs. */
  latency: [number, number][];
}

const [platformUrl = '', peerUrl = '', count = '0'] = process.argv.slice(2);
const n = Number(count);
const AS_OF = Buffer.from('"asOf":"');
const ISO_LENGTH = '2026-01-01T00:00:00.000Z'.length;

const sockets: WebSocket[] = [];
let run = {
  target: 'platform' as Target,
  armed: false,
  latency: false,
  expected: 0,
  received: 0,
  bytes: 0,
  firstAt: 0,
  lastAt: 0,
  histogram: new Map<number, number>(),
  done: (): void => undefined,
};

function onFrame(target: Target, data: Buffer): void {
  if (!run.armed || run.target !== target) return;
  const now = Date.now();
  if (run.received === 0) run.firstAt = now;
  run.received++;
  run.bytes += data.length;
  run.lastAt = now;
  if (run.latency) {
    const at = data.indexOf(AS_OF);
    if (at >= 0) {
      const start = at + AS_OF.length;
      const ms = now - Date.parse(data.toString('latin1', start, start + ISO_LENGTH));
      run.histogram.set(ms, (run.histogram.get(ms) ?? 0) + 1);
    }
  }
  if (run.received === run.expected) run.done();
}

/** One connection, resolved once the server confirmed the subscription. */
function connect(url: string, target: Target): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
    let subscribed = false;
    ws.on('error', reject);
    ws.on('open', () => {
      ws.send(JSON.stringify({ type: 'subscribe', channels: [BENCH_CHANNEL] }));
    });
    ws.on('message', (data: Buffer) => {
      if (subscribed) {
        onFrame(target, data);
        return;
      }
      const m = JSON.parse(data.toString('utf8')) as { type: string; channels?: string[] };
      if (m.type === 'subscribed') {
        if (!m.channels?.includes(BENCH_CHANNEL)) {
          reject(new Error(`${target}: ${BENCH_CHANNEL} refused`));
          return;
        }
        subscribed = true;
        resolve(ws);
      } else if (m.type === 'error') {
        reject(new Error(`${target}: ${data.toString('utf8')}`));
      }
    });
  });
}

async function open(url: string, target: Target): Promise<void> {
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, () => connect(url, target));
    sockets.push(...(await Promise.all(batch)));
  }
}

function report(): RunReport {
  return {
    received: run.received,
    expected: run.expected,
    bytes: run.bytes,
    firstAt: run.firstAt,
    lastAt: run.lastAt,
    latency: [...run.histogram],
  };
}

serveRequests(async (m) => {
  switch (m.cmd) {
    case 'open':
      await open(platformUrl, 'platform');
      await open(peerUrl, 'peer');
      return sockets.length;
    case 'arm':
      run = {
        target: m.target as Target,
        armed: true,
        latency: m.latency === true,
        expected: (m.perClient as number) * n,
        received: 0,
        bytes: 0,
        firstAt: 0,
        lastAt: 0,
        histogram: new Map(),
        done: () => undefined,
      };
      return null;
    case 'collect': {
      if (run.received < run.expected) {
        const complete = new Promise<void>((resolve) => {
          run.done = resolve;
        });
        await Promise.race([complete, sleep(m.timeoutMs as number, undefined, { ref: false })]);
      }
      run.armed = false;
      return report();
    }
    case 'close':
      for (const ws of sockets) ws.terminate();
      return null;
    default:
      throw new Error(`unknown request ${m.cmd}`);
  }
});
