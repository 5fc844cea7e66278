import type { Reading } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { LiveLogger } from '../common/logger';
import { BUCKET_MS, bucketStart, type BucketSize } from './buckets';
import { RollupRepository } from './rollup.repository';

/**
 * TimescaleDB mode only. Continuous aggregates answer recent buckets by real-time aggregation,
 * but a bucket already materialised by the refresh policy only changes at the policy's next
 * run — so late store-and-forward data for an old bucket would be invisible for up to the
 * policy's interval (30 min for days). This refreshes the affected buckets as soon as such rows
 * are stored, bottom-up (1m, then 1h over it, then 1d), and never past each aggregate's
 * watermark, so the open buckets stay real-time and nothing unmaterialised is hidden.
 * Coalesced: one refresh at a time covering all late rows seen.
 */
export class CaggRefresher {
  private readonly repo: RollupRepository;
  private min: number | null = null;
  private max: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  refreshes = 0;

  constructor(
    db: Queryable,
    private readonly log: LiveLogger,
    private readonly debounceMs = 500,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.repo = new RollupRepository(db);
  }

  note(rows: readonly Reading[]): void {
    if (this.stopped) return;
    // Rows newer than this are in buckets no policy has materialised yet (end_offset 1 minute).
    const horizon = bucketStart('1m', this.clock()) - BUCKET_MS['1m'];
    let late = false;
    for (const r of rows) {
      const t = r.time.getTime();
      if (t >= horizon) continue;
      late = true;
      this.min = this.min === null ? t : Math.min(this.min, t);
      this.max = this.max === null ? t : Math.max(this.max, t);
    }
    if (late && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.run();
      }, this.debounceMs);
      this.timer.unref();
    }
  }

  /** Resolves once every late row noted so far is reflected in the aggregates. */
  async idle(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.run();
    }
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private run(): Promise<void> {
    if (this.running) {
      // Picked up by the loop below.
      return this.running;
    }
    this.running = (async () => {
      while (this.min !== null && this.max !== null) {
        const min = this.min;
        const max = this.max;
        this.min = null;
        this.max = null;
        try {
          await this.refresh(min, max);
        } catch (err) {
          this.log.warn(`continuous aggregate refresh failed: ${(err as Error).message}`);
        }
      }
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async refresh(minMs: number, maxMs: number): Promise<void> {
    // Bottom-up: each level's refresh reads the level below through its view.
    for (const size of ['1m', '1h', '1d'] as BucketSize[]) {
      const len = BUCKET_MS[size];
      const watermark = await this.watermark(size);
      // Rows at or after the watermark are answered by real-time aggregation already. Below it,
      // refresh the touched buckets but never past the watermark: moving it forward would hide
      // buckets between the old watermark and the window that were never materialised.
      const start = bucketStart(size, minMs);
      const ceiling = watermark ?? bucketStart(size, this.clock() - len);
      const end = Math.min(bucketStart(size, maxMs) + len, ceiling);
      if (end <= start) continue;
      await this.repo.refreshAggregate(size, new Date(start), new Date(end));
      this.refreshes++;
    }
  }

  /** The continuous aggregate's materialisation watermark (epoch ms); null when unknown. */
  private async watermark(size: BucketSize): Promise<number | null> {
    try {
      const wm = await this.repo.aggregateWatermark(size);
      return wm instanceof Date && Number.isFinite(wm.getTime()) ? wm.getTime() : null;
    } catch {
      return null;
    }
  }
}
