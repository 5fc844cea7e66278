import type { Reading } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { LiveUnits } from '../common/query';
import type { LiveLogger } from '../common/logger';
import { meanOf } from './aggregate';
import { bucketStart } from './buckets';
import { RollupRepository } from './rollup.repository';

/** The WebSocket `rollup` delta: one unit's current 1-minute cell of one metric. */
export interface RollupUpdate {
  unitCode: string;
  metric: string;
  size: '1m';
  /** Bucket start. */
  bucket: string;
  n: number;
  sum: number;
  min: number;
  max: number;
  mean: number | null;
}

/**
 * Pushes rollup updates: each stored batch marks (unit, metric, minute) cells dirty — the
 * readings' ward and its province — and once per interval the newest dirty minute of every
 * (unit, metric) is read back from rollup_1m (so the value is the database's, whichever
 * instance wrote the rows) and handed to `deliver`. Coalesced: at most one update per unit and
 * metric per interval.
 */
export class RollupPusher {
  private readonly repo: RollupRepository;
  private dirty = new Map<string, { unit: string; metric: string; bucket: number }>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    db: Queryable,
    private readonly units: LiveUnits,
    private readonly deliver: (updates: RollupUpdate[]) => void,
    private readonly log: LiveLogger,
    private readonly intervalMs = 1000,
  ) {
    this.repo = new RollupRepository(db);
  }

  start(): void {
    this.timer ??= setInterval(() => {
      void this.flush();
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  note(rows: readonly Reading[]): void {
    for (const r of rows) {
      if (!r.unitCode) continue;
      const bucket = bucketStart('1m', r.time.getTime());
      for (const unit of [r.unitCode, this.units.parentOf(r.unitCode)]) {
        if (!unit) continue;
        const k = `${unit}\u0000${r.metric}`;
        const prev = this.dirty.get(k);
        if (!prev || prev.bucket < bucket) this.dirty.set(k, { unit, metric: r.metric, bucket });
      }
    }
  }

  flush(): Promise<void> {
    if (this.running || this.dirty.size === 0) return this.running ?? Promise.resolve();
    const batch = [...this.dirty.values()];
    this.dirty = new Map();
    this.running = this.push(batch)
      .catch((err: unknown) => {
        this.log.warn(`rollup push failed: ${(err as Error).message}`);
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async push(batch: { unit: string; metric: string; bucket: number }[]): Promise<void> {
    const members: { group: string; unitCode: string }[] = [];
    for (const unit of new Set(batch.map((b) => b.unit))) {
      for (const code of await this.units.selfAndDescendants(unit))
        members.push({ group: unit, unitCode: code });
    }
    const cells = await this.repo.minuteCells(
      batch.map((b) => ({ group: b.unit, metric: b.metric, bucket: new Date(b.bucket) })),
      members,
    );
    this.deliver(
      cells.map((c) => ({
        unitCode: c.group,
        metric: c.metric,
        size: '1m',
        bucket: c.bucket.toISOString(),
        n: c.n,
        sum: c.sum,
        min: c.min,
        max: c.max,
        mean: meanOf(c),
      })),
    );
  }
}
