import type { DeadLetterRepository } from './dead-letter.repository';

export interface PrunePolicy {
  maxAgeDays: number;
  maxRows: number;
  intervalMs: number;
}

/**
 * Keeps the dead-letter table bounded by age and row count: prunes once at start, then every
 * `intervalMs`. Several platform processes may prune the same table; the deletes are idempotent.
 */
export class DeadLetterPruner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  pruned = 0;
  lastError: Error | undefined;

  constructor(
    private readonly repo: DeadLetterRepository,
    private readonly policy: PrunePolicy,
  ) {}

  start(): void {
    if (this.timer) return;
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.policy.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One prune pass; a failure (database down) is kept for the health view and retried next time. */
  runOnce(): Promise<void> {
    this.running ??= this.repo
      .prune(this.policy.maxAgeDays, this.policy.maxRows)
      .then(
        (n) => {
          this.pruned += n;
          this.lastError = undefined;
        },
        (err: unknown) => {
          this.lastError = err instanceof Error ? err : new Error(String(err));
        },
      )
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
