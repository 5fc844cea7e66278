import type { Reading } from '@ioc/contracts';
import type { Pool } from '@ioc/db';
import type { LiveLogger } from '../common/logger';
import { LatestRepository } from './latest.repository';

/**
 * Keeps device_latest current from the writer's committed rows: one upsert at a time, rows
 * reduced to the newest per device and metric in between.
 */
export class LatestTracker {
  private readonly repo: LatestRepository;
  private pending = new Map<string, Reading>();
  private running: Promise<void> | undefined;

  constructor(
    pool: Pool,
    private readonly log: LiveLogger,
  ) {
    this.repo = new LatestRepository(pool);
  }

  note(rows: readonly Reading[]): void {
    for (const r of rows) {
      const k = `${r.deviceId}\u0000${r.metric}`;
      const prev = this.pending.get(k);
      if (!prev || prev.time < r.time) this.pending.set(k, r);
    }
    this.running ??= this.loop().finally(() => {
      this.running = undefined;
    });
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    while (this.pending.size > 0) {
      const rows = [...this.pending.values()];
      this.pending = new Map();
      try {
        await this.repo.upsert(rows);
        // Mobile devices' last known position (device.lon/lat), same rows, same cadence.
        await this.repo.notePositions(rows);
      } catch (err) {
        this.log.warn(`latest values not updated: ${(err as Error).message}`);
      }
    }
  }
}
