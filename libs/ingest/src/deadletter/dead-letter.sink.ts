import type { DeadLetter, DeadLetterRepository } from './dead-letter.repository';
import { isDataError, quarantined } from './quarantine';

interface Queued {
  item: DeadLetter;
  done: () => void;
}

/**
 * Buffers dead-letter rows and writes them in batches off the hot path. Bounded: when the
 * database is down for long, the oldest rows are dropped and counted (the rejection counters
 * still record every one), so rejects can never exhaust memory. A row the database refuses
 * (bad data, not an outage) is isolated and stored escaped: it never blocks the rows behind it.
 */
export class DeadLetterSink {
  private buffer: Queued[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  overflowed = 0;
  /** Rows the database refused even in their quarantined form: dropped, never retried. */
  unstorable = 0;

  constructor(
    private readonly repo: DeadLetterRepository,
    private readonly limit = 10_000,
    private readonly flushMs = 200,
  ) {}

  /**
   * Queues a row. The promise settles once it is written (or dropped by the bound), so the
   * MQTT collector can hold a bad message's PUBACK until its dead-letter row is durable.
   */
  add(item: DeadLetter): Promise<void> {
    return new Promise<void>((done) => {
      this.buffer.push({ item: { ...item, receivedAt: item.receivedAt ?? new Date() }, done });
      if (this.buffer.length > this.limit) {
        this.buffer.shift()?.done();
        this.overflowed++;
      }
      this.schedule(this.flushMs);
    });
  }

  get pending(): number {
    return this.buffer.length;
  }

  async flush(): Promise<void> {
    if (this.writing) return this.writing;
    const batch = this.buffer.splice(0, 1000);
    if (batch.length === 0) return;
    this.writing = this.write(batch)
      .then(
        () => undefined,
        () => {
          // The database is unreachable: keep what was not written, retry later.
          while (this.buffer.length > this.limit) {
            this.buffer.shift()?.done();
            this.overflowed++;
          }
          this.schedule(1000);
        },
      )
      .finally(() => {
        this.writing = undefined;
      });
    await this.writing;
    if (this.buffer.length > 0 && !this.timer) await this.flush();
  }

  /**
   * One insert for the batch. When the database refuses the data (not when it is unreachable),
   * the rows go one by one, so one row it cannot hold never blocks the others; that row goes
   * once more in its quarantined form, and is dropped and counted if even that is refused.
   * Throws (after re-queueing what is left) only when the database is unreachable.
   */
  private async write(batch: Queued[]): Promise<void> {
    try {
      await this.repo.insertMany(batch.map((q) => q.item));
      for (const q of batch) q.done();
      return;
    } catch (err) {
      if (!isDataError(err)) {
        this.buffer.unshift(...batch);
        throw err;
      }
    }
    for (let i = 0; i < batch.length; i++) {
      const q = batch[i] as Queued;
      try {
        await this.insertIsolated(q.item);
      } catch (err) {
        this.buffer.unshift(...batch.slice(i));
        throw err;
      }
      q.done();
    }
  }

  private async insertIsolated(item: DeadLetter): Promise<void> {
    let refusal: unknown;
    try {
      await this.repo.insertMany([item]);
      return;
    } catch (err) {
      if (!isDataError(err)) throw err;
      refusal = err;
    }
    try {
      await this.repo.insertMany([quarantined(item, refusal)]);
    } catch (err) {
      if (!isDataError(err)) throw err;
      this.unstorable++;
    }
  }

  async close(): Promise<void> {
    for (let i = 0; i < 20 && this.buffer.length > 0; i++) await this.flush();
    // Whatever could not be written is released: the rejection counters recorded it.
    for (const q of this.buffer.splice(0)) q.done();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(ms: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }
}
