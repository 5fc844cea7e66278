import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient, StorageMode } from '@ioc/db';
import type { Reading } from '@ioc/contracts';
import { from as copyFrom } from 'pg-copy-streams';
import { BackpressureError } from './backpressure.error';
import { encodeCopyChunk } from './copy-encoding';
import {
  COPY_STAGE_SQL,
  CREATE_STAGE_SQL,
  STAGE_TABLE,
  UNNEST_SOURCE,
  insertReadingsSql,
} from './reading-sql';

export interface WriterOptions {
  mode: StorageMode;
  /** Rows per transaction in steady flow; a write starts as soon as this many are waiting. */
  batchSize: number;
  /**
   * Most rows per transaction while catching up on a backlog (at least two batches waiting,
   * e.g. after a database outage): rollup upserts cost per distinct key, not per row, so
   * bigger batches drain faster. Default 4 × batchSize.
   */
  maxBatchSize?: number;
  /** Longest a row waits for a partial batch to fill. */
  maxLatencyMs: number;
  /** Most rows held in memory while the database is slow or down. */
  bufferLimit: number;
  /** Delay before retrying a failed write; grows up to 10× while the database stays down. */
  retryBaseMs?: number;
  /** `close()` gives up on a database that stays down this long (nothing unacknowledged is lost: see close). */
  closeTimeoutMs?: number;
}

interface Pending {
  rows: Reading[];
  resolve: (stored: number) => void;
  reject: (err: Error) => void;
}

export interface WriterStats {
  buffered: number;
  storedTotal: number;
  duplicateTotal: number;
  batches: number;
  failures: number;
  lastBatchSize: number;
  lastWriteMs: number;
  healthy: boolean;
  /** Most rows ever buffered at once: proof that memory stayed bounded. */
  maxBuffered: number;
  /** Enqueues refused with BackpressureError. */
  refused: number;
  /** Rows of callers waiting for room (MQTT: the collector stops reading meanwhile). */
  waiting: number;
}

export interface EnqueueOptions {
  /**
   * Wait for room instead of failing when the buffer is full. For sources whose flow the
   * caller can stop (the MQTT collector stops reading its socket while anyone waits), so
   * the wait is bounded; HTTP does not wait, it answers 503.
   */
  waitForRoom?: boolean;
}

export interface WriterEvents {
  /** Rows of a committed batch that contained new readings (may include redelivered duplicates). */
  stored: [rows: Reading[]];
  batch: [info: { size: number; inserted: number; ms: number }];
  writeError: [err: Error];
}

const COPY_CHUNK_ROWS = 2000;

/**
 * Batches readings and writes them with COPY (PGlite, which cannot stream COPY over its socket,
 * gets an unnest() insert). `enqueue` resolves only once its rows are committed, which is what
 * lets the MQTT collector hold the PUBACK and HTTP answer 2xx only for durable data. While the
 * database is down, rows stay buffered up to `bufferLimit`; past it enqueue fails fast with
 * BackpressureError so callers push back on their sources instead of growing memory.
 */
export class ReadingWriter extends EventEmitter<WriterEvents> {
  /** FIFO of pending enqueues; `head` indexes the oldest (no O(n) shift on a deep backlog). */
  private queue: (Pending | undefined)[] = [];
  private head = 0;
  private buffered = 0;
  private waiting: Pending[] = [];
  private waitingRows = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;
  private consecutiveFailures = 0;
  private readonly staged = new WeakSet<PoolClient>();
  private readonly stats: WriterStats = {
    buffered: 0,
    storedTotal: 0,
    duplicateTotal: 0,
    batches: 0,
    failures: 0,
    lastBatchSize: 0,
    lastWriteMs: 0,
    healthy: true,
    maxBuffered: 0,
    refused: 0,
    waiting: 0,
  };

  constructor(
    private readonly pool: Pool,
    private readonly options: WriterOptions,
  ) {
    super();
  }

  get snapshot(): WriterStats {
    return { ...this.stats, buffered: this.buffered, waiting: this.waitingRows };
  }

  /** True when a further `extra` rows would overflow the buffer. */
  isSaturated(extra = 0): boolean {
    return this.buffered + extra > this.options.bufferLimit;
  }

  /** True while the buffer is below its limit and nobody waits for room: sources may send more. */
  hasRoom(): boolean {
    return this.buffered < this.options.bufferLimit && this.waiting.length === 0;
  }

  enqueue(rows: Reading[], options: EnqueueOptions = {}): Promise<number> {
    if (this.closed) return Promise.reject(new Error('writer is closed'));
    if (rows.length === 0) return Promise.resolve(0);
    const full = this.waiting.length > 0 || (this.buffered > 0 && this.isSaturated(rows.length));
    if (full && !options.waitForRoom) {
      this.stats.refused++;
      return Promise.reject(
        new BackpressureError(Math.ceil((this.options.retryBaseMs ?? 500) / 1000) + 1),
      );
    }
    return new Promise<number>((resolve, reject) => {
      const p: Pending = { rows, resolve, reject };
      if (full) {
        this.waiting.push(p);
        this.waitingRows += rows.length;
      } else {
        this.admit(p);
      }
    });
  }

  private admit(p: Pending): void {
    this.queue.push(p);
    this.buffered += p.rows.length;
    if (this.buffered > this.stats.maxBuffered) this.stats.maxBuffered = this.buffered;
    if (this.buffered >= this.options.batchSize) this.kick();
    else
      this.timer ??= setTimeout(() => {
        this.kick();
      }, this.options.maxLatencyMs);
  }

  /** Moves waiting callers into the buffer as far as it has room (one at least when it is empty). */
  private admitWaiting(): void {
    while (this.waiting.length > 0) {
      const p = this.waiting[0];
      if (!p || (this.buffered > 0 && this.isSaturated(p.rows.length))) break;
      this.waiting.shift();
      this.waitingRows -= p.rows.length;
      this.admit(p);
    }
  }

  /**
   * Flushes everything buffered; used by graceful shutdown. If the database stays down past
   * `closeTimeoutMs`, the remaining enqueues are rejected: none of them was acknowledged (MQTT
   * PUBACK and HTTP 2xx wait for the commit), so QoS 1 messages stay with the broker and HTTP
   * clients see an error and retry.
   */
  async close(): Promise<void> {
    this.closed = true;
    const deadline = Date.now() + (this.options.closeTimeoutMs ?? 30_000);
    while (this.pendingCount() > 0 || this.waiting.length > 0 || this.flushing) {
      this.admitWaiting();
      if (Date.now() > deadline) {
        this.failAll(new Error('writer closed while the database was unavailable'));
        break;
      }
      this.kick();
      await this.flushing;
      if (this.pendingCount() > 0 && !this.stats.healthy) {
        await sleep(this.options.retryBaseMs ?? 500);
      }
    }
  }

  private pendingCount(): number {
    return this.queue.length - this.head;
  }

  private failAll(err: Error): void {
    for (let i = this.head; i < this.queue.length; i++) this.queue[i]?.reject(err);
    for (const p of this.waiting) p.reject(err);
    this.queue = [];
    this.head = 0;
    this.buffered = 0;
    this.waiting = [];
    this.waitingRows = 0;
  }

  private kick(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.flushing) return;
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = undefined;
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.pendingCount() > 0) {
      const { batch, rows } = this.takeBatch();
      const started = performance.now();
      try {
        const inserted = await this.write(rows);
        const ms = performance.now() - started;
        this.consecutiveFailures = 0;
        this.stats.healthy = true;
        this.stats.batches++;
        this.stats.lastBatchSize = rows.length;
        this.stats.lastWriteMs = ms;
        this.stats.storedTotal += inserted;
        this.stats.duplicateTotal += rows.length - inserted;
        this.buffered -= rows.length;
        for (const p of batch) p.resolve(p.rows.length);
        this.admitWaiting();
        this.emit('batch', { size: rows.length, inserted, ms });
        if (inserted > 0) this.emit('stored', rows);
      } catch (err) {
        // Put the batch back at the head of the queue: nothing acknowledged is ever dropped.
        this.putBack(batch);
        this.consecutiveFailures++;
        this.stats.failures++;
        this.stats.healthy = false;
        this.emit('writeError', err as Error);
        const base = this.options.retryBaseMs ?? 500;
        await sleep(Math.min(base * this.consecutiveFailures, base * 10));
        if (this.closed) return; // close() drives the retries (and its deadline) from here
      }
    }
  }

  private takeBatch(): { batch: Pending[]; rows: Reading[] } {
    const batch: Pending[] = [];
    const rows: Reading[] = [];
    const { batchSize } = this.options;
    // No batch is in flight here, so `buffered` is exactly what waits in the queue.
    const limit =
      this.buffered >= 2 * batchSize ? (this.options.maxBatchSize ?? 4 * batchSize) : batchSize;
    while (this.head < this.queue.length) {
      const p = this.queue[this.head];
      if (!p) break;
      if (rows.length > 0 && rows.length + p.rows.length > limit) break;
      this.queue[this.head++] = undefined;
      batch.push(p);
      for (const r of p.rows) rows.push(r);
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return { batch, rows };
  }

  private putBack(batch: Pending[]): void {
    this.queue = [...batch, ...this.queue.slice(this.head)];
    this.head = 0;
  }

  private async write(rows: Reading[]): Promise<number> {
    const client = await this.pool.connect();
    let broken = false;
    // A server shutdown (57P01) can arrive between our statements; without a listener the
    // client's 'error' event would crash the process. The next statement then fails and the
    // batch is retried.
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const inserted =
        this.options.mode === 'pglite'
          ? await this.writeUnnest(client, rows)
          : await this.writeCopy(client, rows);
      await client.query('COMMIT');
      return inserted;
    } catch (err) {
      broken = true;
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  private async writeCopy(client: PoolClient, rows: Reading[]): Promise<number> {
    if (!this.staged.has(client)) {
      await client.query(CREATE_STAGE_SQL);
      this.staged.add(client);
    }
    const chunks = function* () {
      for (let i = 0; i < rows.length; i += COPY_CHUNK_ROWS)
        yield encodeCopyChunk(rows.slice(i, i + COPY_CHUNK_ROWS));
    };
    await pipeline(Readable.from(chunks()), client.query(copyFrom(COPY_STAGE_SQL)));
    const res = await client.query<{ inserted: number }>(
      insertReadingsSql(STAGE_TABLE, this.options.mode !== 'timescaledb'),
    );
    return res.rows[0]?.inserted ?? 0;
  }

  private async writeUnnest(client: PoolClient, rows: Reading[]): Promise<number> {
    const res = await client.query<{ inserted: number }>(insertReadingsSql(UNNEST_SOURCE, true), [
      rows.map((r) => r.time.toISOString()),
      rows.map((r) => r.deviceId),
      rows.map((r) => r.metric),
      rows.map((r) => r.value),
      rows.map((r) => r.unitCode),
    ]);
    return res.rows[0]?.inserted ?? 0;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
