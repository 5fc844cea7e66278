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
   * bigger batches drain faster. Default 10 × batchSize, at most half a lane's share of
   * `bufferLimit`.
   */
  maxBatchSize?: number;
  /** Longest a row waits for a partial batch to fill. */
  maxLatencyMs: number;
  /**
   * Concurrent write transactions, each for its own share of the devices (by hash of the id):
   * their readings, rollup rows and device rows never overlap, so they run in parallel on the
   * database without waiting for each other's row locks. Default 2 (1 for PGlite, which
   * serves one session at a time).
   */
  lanes?: number;
  /** Most rows held in memory while the database is slow or down. */
  bufferLimit: number;
  /**
   * Rows waiting for a commit past which `hasRoom()` tells a source that can stop (the MQTT
   * collector stops reading its socket) to wait. Default: a batch per lane (at least two), so
   * the next batch fills while one commits. A larger window only holds more messages in memory,
   * each a live promise chain until its commit: with the broker's whole receive window (65,535
   * messages) in flight, a heap snapshot mid-run held about 250 MB live, 110 MB with this one,
   * and the ingest benchmark's rate stayed within its run-to-run spread. The broker keeps the
   * rest of the stream meanwhile.
   */
  flowWindow?: number;
  /** Delay before retrying a failed write; grows up to 10× while the database stays down. */
  retryBaseMs?: number;
  /** `close()` gives up on a database that stays down this long (nothing unacknowledged is lost: see close). */
  closeTimeoutMs?: number;
}

/** One enqueue: settles when every lane holding a part of it has committed that part. */
interface Pending {
  rows: Reading[];
  resolve: (stored: number) => void;
  reject: (err: Error) => void;
  /** Parts not committed yet. */
  remaining: number;
  settled: boolean;
}

/** The rows of one enqueue that fall to one lane. */
interface Part {
  rows: Reading[];
  of: Pending;
}

/** One write pipeline: its own FIFO, one transaction in flight at a time. */
interface Lane {
  /** FIFO of parts; `head` indexes the oldest (no O(n) shift on a deep backlog). */
  queue: (Part | undefined)[];
  head: number;
  rows: number;
  timer: NodeJS.Timeout | undefined;
  flushing: Promise<void> | undefined;
  consecutiveFailures: number;
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

/** What the writer tells its owner; given at construction (the reading path wires them). */
export interface WriterEvents {
  /** Rows of a committed batch that contained new readings (may include redelivered duplicates). */
  stored?(rows: Reading[]): void;
  batch?(info: { size: number; inserted: number; ms: number }): void;
  writeError?(err: Error): void;
}

const COPY_CHUNK_ROWS = 2000;

/**
 * Batches readings and writes them with COPY (PGlite, which cannot stream COPY over its socket,
 * gets an unnest() insert). `enqueue` resolves only once its rows are committed, which is what
 * lets the MQTT collector hold the PUBACK and HTTP answer 2xx only for durable data. While the
 * database is down, rows stay buffered up to `bufferLimit`; past it enqueue fails fast with
 * BackpressureError (or, with `waitForRoom`, waits) so callers push back on their sources
 * instead of growing memory. Rows are spread over `lanes` by device, each lane writing its own
 * transactions; a lane's order is the arrival order of its devices' rows.
 */
export class ReadingWriter {
  private readonly lanes: Lane[];
  private buffered = 0;
  private waiting: Pending[] = [];
  private waitingRows = 0;
  private closed = false;
  private readonly staged = new WeakSet<PoolClient>();
  private readonly flowWindow: number;
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
    private readonly events: WriterEvents = {},
  ) {
    const lanes = options.mode === 'pglite' ? 1 : Math.max(1, Math.floor(options.lanes ?? 2));
    this.flowWindow = Math.min(
      options.bufferLimit,
      options.flowWindow ?? Math.max(2, lanes) * options.batchSize,
    );
    this.lanes = Array.from({ length: lanes }, () => ({
      queue: [],
      head: 0,
      rows: 0,
      timer: undefined,
      flushing: undefined,
      consecutiveFailures: 0,
    }));
  }

  get snapshot(): WriterStats {
    return { ...this.stats, buffered: this.buffered, waiting: this.waitingRows };
  }

  /** True when a further `extra` rows would overflow the buffer. */
  isSaturated(extra = 0): boolean {
    return this.buffered + extra > this.options.bufferLimit;
  }

  /** True while less than the flow window waits and nobody waits for room: sources may send more. */
  hasRoom(): boolean {
    return this.buffered < this.flowWindow && this.waiting.length === 0;
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
      const p: Pending = { rows, resolve, reject, remaining: 0, settled: false };
      if (full) {
        this.waiting.push(p);
        this.waitingRows += rows.length;
      } else {
        this.admit(p);
      }
    });
  }

  private admit(p: Pending): void {
    this.buffered += p.rows.length;
    if (this.buffered > this.stats.maxBuffered) this.stats.maxBuffered = this.buffered;
    const n = this.lanes.length;
    const first = p.rows[0];
    if (n === 1 || !first || p.rows.every((r) => r.deviceId === first.deviceId)) {
      // The common case: one device (one MQTT message) → one lane.
      p.remaining = 1;
      this.push(n === 1 ? 0 : laneOf(first?.deviceId ?? '', n), { rows: p.rows, of: p });
      return;
    }
    const parts = new Map<number, Reading[]>();
    for (const r of p.rows) {
      const lane = laneOf(r.deviceId, n);
      const list = parts.get(lane);
      if (list) list.push(r);
      else parts.set(lane, [r]);
    }
    p.remaining = parts.size;
    for (const [lane, rows] of parts) this.push(lane, { rows, of: p });
  }

  private push(index: number, part: Part): void {
    const lane = this.lanes[index];
    if (!lane) return;
    lane.queue.push(part);
    lane.rows += part.rows.length;
    if (lane.rows >= this.options.batchSize) this.kick(lane);
    else
      lane.timer ??= setTimeout(() => {
        this.kick(lane);
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
    for (;;) {
      this.admitWaiting();
      const busy = this.lanes.some((l) => l.queue.length - l.head > 0 || l.flushing !== undefined);
      if (!busy && this.waiting.length === 0) break;
      if (Date.now() > deadline) {
        this.failAll(new Error('writer closed while the database was unavailable'));
        break;
      }
      for (const lane of this.lanes) this.kick(lane);
      await Promise.all(this.lanes.map((l) => l.flushing ?? Promise.resolve()));
      if (this.lanes.some((l) => l.queue.length - l.head > 0) && !this.stats.healthy) {
        await sleep(this.options.retryBaseMs ?? 500);
      }
    }
  }

  private failAll(err: Error): void {
    const fail = (p: Pending) => {
      if (p.settled) return;
      p.settled = true;
      p.reject(err);
    };
    for (const lane of this.lanes) {
      for (let i = lane.head; i < lane.queue.length; i++) {
        const part = lane.queue[i];
        if (part) fail(part.of);
      }
      lane.queue = [];
      lane.head = 0;
      lane.rows = 0;
    }
    for (const p of this.waiting) fail(p);
    this.buffered = 0;
    this.waiting = [];
    this.waitingRows = 0;
  }

  private kick(lane: Lane): void {
    if (lane.timer) {
      clearTimeout(lane.timer);
      lane.timer = undefined;
    }
    if (lane.flushing) return;
    lane.flushing = this.flushLoop(lane).finally(() => {
      lane.flushing = undefined;
    });
  }

  private async flushLoop(lane: Lane): Promise<void> {
    while (lane.queue.length - lane.head > 0) {
      const { batch, rows } = this.takeBatch(lane);
      const started = performance.now();
      try {
        const inserted = await this.write(rows);
        const ms = performance.now() - started;
        lane.consecutiveFailures = 0;
        this.stats.healthy = true;
        this.stats.batches++;
        this.stats.lastBatchSize = rows.length;
        this.stats.lastWriteMs = ms;
        this.stats.storedTotal += inserted;
        this.stats.duplicateTotal += rows.length - inserted;
        lane.rows -= rows.length;
        this.buffered -= rows.length;
        for (const part of batch) {
          const p = part.of;
          if (--p.remaining === 0 && !p.settled) {
            p.settled = true;
            p.resolve(p.rows.length);
          }
        }
        this.admitWaiting();
        this.events.batch?.({ size: rows.length, inserted, ms });
        if (inserted > 0) this.events.stored?.(rows);
      } catch (err) {
        // Put the batch back at the head of its lane: nothing acknowledged is ever dropped.
        lane.queue = [...batch, ...lane.queue.slice(lane.head)];
        lane.head = 0;
        lane.consecutiveFailures++;
        this.stats.failures++;
        this.stats.healthy = false;
        this.events.writeError?.(err as Error);
        const base = this.options.retryBaseMs ?? 500;
        await sleep(Math.min(base * lane.consecutiveFailures, base * 10));
        if (this.closed) return; // close() drives the retries (and its deadline) from here
      }
    }
  }

  private takeBatch(lane: Lane): { batch: Part[]; rows: Reading[] } {
    const batch: Part[] = [];
    const rows: Reading[] = [];
    const { batchSize } = this.options;
    // No batch of this lane is in flight here, so `lane.rows` is what waits in its queue.
    // Backlog batches stay within half of this lane's share of the buffer, so the lane's queue
    // can refill while a batch is being written.
    const backlogLimit = Math.min(
      this.options.maxBatchSize ?? 10 * batchSize,
      Math.max(batchSize, Math.floor(this.options.bufferLimit / (2 * this.lanes.length))),
    );
    const limit = lane.rows >= 2 * batchSize ? backlogLimit : batchSize;
    while (lane.head < lane.queue.length) {
      const part = lane.queue[lane.head];
      if (!part) break;
      if (rows.length > 0 && rows.length + part.rows.length > limit) break;
      lane.queue[lane.head++] = undefined;
      batch.push(part);
      for (const r of part.rows) rows.push(r);
    }
    if (lane.head === lane.queue.length) {
      lane.queue = [];
      lane.head = 0;
    } else if (lane.head > 4096 && lane.head * 2 > lane.queue.length) {
      lane.queue = lane.queue.slice(lane.head);
      lane.head = 0;
    }
    return { batch, rows };
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

/** Lane of a device: a stable string hash (FNV-1a), so a device always writes through one lane. */
function laneOf(deviceId: string, lanes: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < deviceId.length; i++) {
    h ^= deviceId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % lanes;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
