import type { DeadLetter, DeadLetterRepository } from './dead-letter.repository';

interface Queued {
  item: DeadLetter;
  done: () => void;
}

/**
 * Buffers dead-letter rows and writes them in batches off the hot path. Bounded: when the
 * database is down for long, the oldest rows are dropped and counted (the rejection counters
 * still record every one), so rejects can never exhaust memory.
 */
export class DeadLetterSink {
  private buffer: Queued[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  overflowed = 0;

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
    this.writing = this.repo
      .insertMany(batch.map((q) => q.item))
      .then(
        () => {
          for (const q of batch) q.done();
        },
        () => {
          this.buffer.unshift(...batch);
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
