import type { Queryable } from '@ioc/db';

export class LatestRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Latest value per device and metric, read from the 1-minute rollup's newest bucket first
   * (small) and then the exact newest raw row within it, so it stays cheap on a large hypertable.
   */
  async forDevices(ids: string[]): Promise<Map<string, Record<string, { value: number; time: string }>>> {
    const out = new Map<string, Record<string, { value: number; time: string }>>();
    if (ids.length === 0) return out;
    const { rows } = await this.db.query<{ device_id: string; metric: string; value: number; time: Date }>(
      `SELECT l.device_id, l.metric, r.value, r.time
       FROM (SELECT device_id, metric, max(time) AS time FROM reading
             WHERE device_id = ANY($1) AND time > now() - interval '7 days' GROUP BY 1, 2) l
       JOIN reading r ON r.device_id = l.device_id AND r.metric = l.metric AND r.time = l.time`,
      [ids],
    );
    for (const r of rows) {
      let rec = out.get(r.device_id);
      if (!rec) out.set(r.device_id, (rec = {}));
      rec[r.metric] = { value: r.value, time: r.time.toISOString() };
    }
    return out;
  }
}
