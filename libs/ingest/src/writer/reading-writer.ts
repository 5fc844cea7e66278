import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient, StorageMode } from '@ioc/db';
import type { Reading } from '@ioc/contracts';
import { from as copyFrom } from 'pg-copy-streams';
import { BackpressureError } from './backpressure.error';
import { encodeCopyChunk } from './copy-encoding';
import { COPY_STAGE_SQL, CREATE_STAGE_SQL, STAGE_TABLE, UNNEST_SOURCE, insertReadingsSql } from './reading-sql';

export interface WriterOptions {
  mode: StorageMode;
  batchSize: number;
  maxLatencyMs: number;
  bufferLimit: number;
  /** Delay before retrying a failed write; grows up to 10× while the database stays down. */
  retryBaseMs?: number;
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
}

export interface WriterEvents {
  stored: [rows: Reading[]];
  batch: [info: { size: number; inserted: number; ms: number }];
  writeError: [err: Error];
}

/**
 * Batches readings and writes them with COPY (PGlite, which cannot stream COPY over its socket,
 * gets an unnest() insert). `enqueue` resolves only once its rows are committed, which is what
 * lets the MQTT collector hold the PUBACK and HTTP answer 2xx only for durable data. While the
 * database is down, rows stay buffered up to `bufferLimit`; past it enqueue fails fast with
 * BackpressureError so callers push back on their sources instead of growing memory.
 */
export class ReadingWriter extends EventEmitter<WriterEvents> {
  private queue: Pending[] = [];
  private buffered = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;
  private consecutiveFailures = 0;
  private readonly stats: WriterStats = {
    buffered: 0,
    storedTotal: 0,
    duplicateTotal: 0,
    batches: 0,
    failures: 0,
    lastBatchSize: 0,
    lastWriteMs: 0,
    healthy: true,
  };

  constructor(
    private readonly pool: Pool,
    private readonly options: WriterOptions,
  ) {
    super();
  }

  get snapshot(): WriterStats {
    return { ...this.stats, buffered: this.buffered };
  }

  /** True when a further `rows` would overflow the buffer: the collector pauses on this. */
  isSaturated(extra = 0): boolean {
    return this.buffered + extra > this.options.bufferLimit;
  }

  enqueue(rows: Reading[]): Promise<number> {
    if (this.closed) return Promise.reject(new Error('writer is closed'));
    if (rows.length === 0) return Promise.resolve(0);
    if (this.isSaturated(rows.length)) {
      return Promise.reject(new BackpressureError(Math.ceil((this.options.retryBaseMs ?? 500) / 1000) + 1));
    }
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.buffered += rows.length;
      if (this.buffered >= this.options.batchSize) this.kick();
      else this.timer ??= setTimeout(() => { this.kick(); }, this.options.maxLatencyMs);
    });
  }

  /** Flushes everything buffered; used by graceful shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.queue.length > 0 || this.flushing) {
      this.kick();
      await this.flushing;
      if (this.queue.length > 0 && !this.stats.healthy) {
        await sleep(this.options.retryBaseMs ?? 500);
      }
    }
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
    while (this.queue.length > 0) {
      const batch = this.takeBatch();
      const rows = batch.flatMap((p) => p.rows);
      const started = performance.now();
      try {
        const inserted = await this.write(rows);
        const ms = performance.now() - started;
        this.consecutiveFailures = 0;
        this.stats.healthy = true;
        this.stats.batches++;
        this.stats.lastBatchSize = rows.length;
        this.stats.lastWriteMs = ms;
        this.stats.storedTotal += inserted.length;
        this.stats.duplicateTotal += rows.length - inserted.length;
        this.buffered -= rows.length;
        for (const p of batch) p.resolve(p.rows.length);
        this.emit('batch', { size: rows.length, inserted: inserted.length, ms });
        if (inserted.length > 0) this.emit('stored', inserted);
      } catch (err) {
        // Keep the batch at the head of the queue: nothing acknowledged is ever dropped.
        this.queue.unshift(...batch);
        this.consecutiveFailures++;
        this.stats.failures++;
        this.stats.healthy = false;
        this.emit('writeError', err as Error);
        const base = this.options.retryBaseMs ?? 500;
        await sleep(Math.min(base * this.consecutiveFailures, base * 10));
      }
    }
  }

  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    let n = 0;
    while (this.queue.length > 0 && (n === 0 || n + (this.queue[0]?.rows.length ?? 0) <= this.options.batchSize)) {
      const p = this.queue.shift();
      if (!p) break;
      batch.push(p);
      n += p.rows.length;
    }
    return batch;
  }

  private async write(rows: Reading[]): Promise<Reading[]> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result =
        this.options.mode === 'pglite' ? await this.writeUnnest(client, rows) : await this.writeCopy(client, rows);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      broken = true;
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release(broken);
    }
  }

  private async writeCopy(client: PoolClient, rows: Reading[]): Promise<Reading[]> {
    await client.query(CREATE_STAGE_SQL);
    const CHUNK = 1000;
    const chunks = function* () {
      for (let i = 0; i < rows.length; i += CHUNK) yield encodeCopyChunk(rows.slice(i, i + CHUNK));
    };
    await pipeline(Readable.from(chunks()), client.query(copyFrom(COPY_STAGE_SQL)));
    const res = await client.query<DbReading>(insertReadingsSql(STAGE_TABLE, this.options.mode !== 'timescaledb'));
    return res.rows.map(toReading);
  }

  private async writeUnnest(client: PoolClient, rows: Reading[]): Promise<Reading[]> {
    const res = await client.query<DbReading>(insertReadingsSql(UNNEST_SOURCE, true), [
      rows.map((r) => r.time.toISOString()),
      rows.map((r) => r.deviceId),
      rows.map((r) => r.metric),
      rows.map((r) => r.value),
      rows.map((r) => r.unitCode),
    ]);
    return res.rows.map(toReading);
  }
}

interface DbReading {
  time: Date;
  device_id: string;
  metric: string;
  value: number;
  unit_code: string | null;
}

function toReading(r: DbReading): Reading {
  return { time: r.time, deviceId: r.device_id, metric: r.metric, value: r.value, unitCode: r.unit_code };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
