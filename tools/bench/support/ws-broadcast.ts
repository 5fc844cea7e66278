/**
 * What bench:ws broadcasts, and the two loops that drive it — shared by the platform side (in
 * the bench process) and the bare `ws` peer (its own process), so both send the same messages
 * in the same rhythm.
 */
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { CitizenChanged, WsServerMessage } from '@ioc/contracts';

/** The province: a wall's display token for it may subscribe `unit:48`. */
export const BENCH_UNIT = '48';
export const BENCH_CHANNEL = `unit:${BENCH_UNIT}`;

/** The i-th citizen-report change: distinct case ids, so the hub's keyed backlog never merges. */
export function citizenChange(i: number): CitizenChanged {
  return {
    caseId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    code: `PA-2026-${String(i).padStart(6, '0')}`,
    unitCode: BENCH_UNIT,
    status: 'received',
    overdue: false,
    moderation: 'visible',
    updatedAt: '2026-03-01T08:00:00.000Z',
    lat: 16.0544,
    lon: 108.2022,
  };
}

/**
 * The peer's frame for message i: the object `deliverCitizen` builds (same keys, same order),
 * stamped now and encoded once, as the hub does — so the bytes differ only in the timestamp.
 */
export function citizenFrame(i: number): Buffer {
  const msg: WsServerMessage = {
    type: 'citizen',
    channel: BENCH_CHANNEL,
    asOf: new Date().toISOString(),
    citizen: citizenChange(i),
  };
  return Buffer.from(JSON.stringify(msg), 'utf8');
}

/**
 * Saturation: one message per event-loop turn, as fast as the sender can go. Yielding between
 * messages lets socket I/O run as it would in production (a burst sent in one synchronous loop
 * would only measure how fast frames can be queued in user space).
 */
export async function saturate(count: number, publish: (i: number) => void): Promise<void> {
  for (let i = 0; i < count; i++) {
    publish(i);
    await nextTurn();
  }
}

/** A fixed rate: message i is published at start + i / rate. */
export async function paced(
  count: number,
  rate: number,
  publish: (i: number) => void,
): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    publish(i);
  }
}
