import type { CameraEventRepository } from '../repo/event.repository';

/**
 * Retention (CAMERA_EVENT_RETENTION_DAYS): events older than the window go, their snapshots
 * with them (ON DELETE CASCADE). Runs hourly like the dead-letter pruner; the counts already in
 * the rollups stay.
 */
export class CameraEventPruner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly repo: CameraEventRepository,
    private readonly opts: {
      retentionDays: number;
      everyMs?: number;
      now?: () => Date;
      warn?: (m: string) => void;
    },
  ) {}

  async prune(): Promise<number> {
    const now = this.opts.now?.() ?? new Date();
    return this.repo.prune(new Date(now.getTime() - this.opts.retentionDays * 86_400_000));
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.running ??= this.prune()
        .catch((err: unknown) => {
          this.opts.warn?.(`camera event retention failed: ${(err as Error).message}`);
        })
        .finally(() => {
          this.running = undefined;
        });
    }, this.opts.everyMs ?? 3_600_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
