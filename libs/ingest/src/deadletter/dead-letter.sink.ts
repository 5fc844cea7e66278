import type { DeadLetter, DeadLetterRepository } from './dead-letter.repository';

/**
 * Buffers dead-letter rows and writes them in batches off the hot path. Bounded: when the
 * database is down for long, the oldest rows are dropped and counted (the rejection counters
 * still record every one), so rejects can never exhaust memory.
 */
export class DeadLetterSink {
  private buffer: DeadLetter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  overflowed = 0;

  constructor(
    private readonly repo: DeadLetterRepository,
    private readonly limit = 10_000,
    private readonly flushMs = 200,
  ) {}

  add(item: DeadLetter): void {
    this.buffer.push({ ...item, receivedAt: item.receivedAt ?? new Date() });
    if (this.buffer.length > this.limit) {
      this.buffer.shift();
      this.overflowed++;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.flushMs);
  }

  get pending(): number {
    return this.buffer.length;
  }

  async flush(): Promise<void> {
    if (this.writing) return this.writing;
    const batch = this.buffer.splice(0, 1000);
    if (batch.length === 0) return;
    this.writing = this.repo
      .insertMany(batch)
      .catch(() => {
        this.buffer.unshift(...batch);
        this.timer ??= setTimeout(() => {
          this.timer = undefined;
          void this.flush();
        }, 1000);
      })
      .finally(() => {
        this.writing = undefined;
      });
    await this.writing;
    if (this.buffer.length > 0 && !this.timer) await this.flush();
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (let i = 0; i < 20 && this.buffer.length > 0; i++) await this.flush();
  }
}
