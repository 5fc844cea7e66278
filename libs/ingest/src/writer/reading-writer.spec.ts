import { describe, expect, it } from 'vitest';
import type { Pool } from '@ioc/db';
import type { Reading } from '@ioc/contracts';
import { BackpressureError } from './backpressure.error';
import { fakePool } from '../testing/fakes';
import { until } from '../testing/wait';
import { ReadingWriter, type WriterOptions } from './reading-writer';

/** A PGlite-mode writer over the fake pool: the options each test is about, 5 ms latency. */
const pgliteWriter = (
  pool: Pool,
  o: Partial<WriterOptions> & { batchSize: number; bufferLimit: number },
) => new ReadingWriter(pool, { mode: 'pglite', maxLatencyMs: 5, ...o });

const rows = (n: number, from = 0): Reading[] =>
  Array.from({ length: n }, (_, i) => ({
    time: new Date(1_770_000_000_000 + from + i),
    deviceId: 'd',
    metric: 'pm25',
    value: i,
    unitCode: null,
  }));

describe('ReadingWriter', () => {
  it('resolves an enqueue only after its batch is committed', async () => {
    const { pool, state } = fakePool();
    let open: () => void = () => undefined;
    state.gate = new Promise((r) => (open = r));
    const w = pgliteWriter(pool, { batchSize: 10, bufferLimit: 100 });
    let resolved = false;
    const p = w.enqueue(rows(3)).then(() => (resolved = true));
    // The COMMIT is held at the gate: the batch is written but not yet durable.
    await until(() => state.log.includes('COMMIT'), 'the COMMIT reaching the database');
    expect(resolved).toBe(false);
    expect(state.commits).toBe(0);
    open();
    await p;
    expect(state.commits).toBe(1);
    expect(w.snapshot).toMatchObject({ storedTotal: 3, buffered: 0, healthy: true });
  });

  it('refuses past the buffer limit, or parks a caller that waits for room', async () => {
    const { pool, state } = fakePool();
    state.down = true;
    const w = pgliteWriter(pool, { batchSize: 5, bufferLimit: 10, retryBaseMs: 10 });
    const first = w.enqueue(rows(10));
    await expect(w.enqueue(rows(1, 100))).rejects.toBeInstanceOf(BackpressureError);
    expect(w.hasRoom()).toBe(false);
    const parked = w.enqueue(rows(4, 200), { waitForRoom: true });
    expect(w.snapshot.waiting).toBe(4);
    await expect(w.enqueue(rows(1, 300))).rejects.toBeInstanceOf(BackpressureError);
    state.down = false;
    await Promise.all([first, parked]);
    expect(state.rowsCommitted).toBe(14);
    expect(w.snapshot.maxBuffered).toBeLessThanOrEqual(10);
    expect(w.hasRoom()).toBe(true);
    await w.close();
  });

  it('tells a stoppable source to wait past the flow window, long before the buffer limit', async () => {
    const { pool, state } = fakePool();
    state.down = true;
    const w = pgliteWriter(pool, { batchSize: 5, bufferLimit: 1000, retryBaseMs: 10 });
    // Default window: a batch per lane, at least two batches = 10 rows.
    const first = w.enqueue(rows(9));
    expect(w.hasRoom()).toBe(true);
    const second = w.enqueue(rows(1, 100));
    expect(w.hasRoom()).toBe(false);
    // HTTP does not stop: it is still admitted up to the buffer limit.
    const third = w.enqueue(rows(50, 200));
    expect(w.snapshot.buffered).toBe(60);
    state.down = false;
    await Promise.all([first, second, third]);
    expect(w.hasRoom()).toBe(true);
    await w.close();
  });

  it('keeps failed batches and writes them once the database is back', async () => {
    const { pool, state } = fakePool();
    state.down = true;
    const w = pgliteWriter(pool, { batchSize: 4, bufferLimit: 100, retryBaseMs: 10 });
    const done = Promise.all([w.enqueue(rows(3)), w.enqueue(rows(3, 10)), w.enqueue(rows(3, 20))]);
    await until(() => w.snapshot.failures > 0, 'a failed write');
    expect(w.snapshot).toMatchObject({ healthy: false, buffered: 9 });
    state.down = false;
    expect(await done).toEqual([3, 3, 3]);
    expect(state.rowsCommitted).toBe(9);
    expect(w.snapshot.healthy).toBe(true);
  });

  it('gives up on close when the database stays down, failing (never acknowledging) the rest', async () => {
    const { pool, state } = fakePool();
    state.down = true;
    const w = pgliteWriter(pool, {
      batchSize: 4,
      bufferLimit: 100,
      retryBaseMs: 10,
      closeTimeoutMs: 100,
    });
    const p = w.enqueue(rows(2));
    await w.close();
    await expect(p).rejects.toThrow(/database was unavailable/);
    await expect(w.enqueue(rows(1))).rejects.toThrow(/closed/);
  });

  it('spreads devices over parallel lanes and settles a multi-device enqueue once every part is committed', async () => {
    const { pool, state } = fakePool();
    const batchSizes: number[] = [];
    const w = new ReadingWriter(
      pool,
      {
        mode: 'postgres',
        lanes: 2,
        batchSize: 100,
        maxLatencyMs: 5,
        bufferLimit: 1000,
      },
      { batch: (b) => batchSizes.push(b.size) },
    );
    (w as unknown as { writeCopy: (c: unknown, r: Reading[]) => Promise<number> }).writeCopy = (
      _c,
      r,
    ) => {
      state.rowsCommitted += r.length;
      return Promise.resolve(r.length);
    };
    const mixed: Reading[] = Array.from({ length: 40 }, (_, i) => ({
      time: new Date(1_770_000_000_000 + i),
      deviceId: `gw-child-${i % 10}`,
      metric: 'pm25',
      value: i,
      unitCode: null,
    }));
    expect(await w.enqueue(mixed)).toBe(40);
    expect(state.rowsCommitted).toBe(40);
    // Both lanes wrote a part (ten devices hash to both), and nothing is left buffered.
    expect(batchSizes).toHaveLength(2);
    expect(w.snapshot.buffered).toBe(0);
  });
});
