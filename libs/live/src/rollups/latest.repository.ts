import type { Reading } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';

export interface LatestRow {
  deviceId: string;
  metric: string;
  time: Date;
  value: number;
  unitCode: string | null;
  kind: string | null;
}

/**
 * `device_latest` (migration 0021): the newest value per device and metric, kept by the live
 * service from the writer's committed rows, so "latest" reads cost O(devices), not a scan of
 * the hot table. An update only ever moves a row forward in time (late data never overwrites).
 */
export class LatestRepository {
  constructor(private readonly db: Queryable) {}

  async upsert(rows: readonly Reading[]): Promise<void> {
    const newest = new Map<string, Reading>();
    for (const r of rows) {
      const k = `${r.deviceId}\u0000${r.metric}`;
      const prev = newest.get(k);
      if (!prev || prev.time < r.time) newest.set(k, r);
    }
    if (newest.size === 0) return;
    const list = [...newest.values()].sort((a, b) =>
      a.deviceId === b.deviceId
        ? a.metric.localeCompare(b.metric)
        : a.deviceId.localeCompare(b.deviceId),
    );
    await this.db.query(
      `INSERT INTO device_latest AS l (device_id, metric, time, value, unit_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::float8[], $5::text[])
       ON CONFLICT (device_id, metric) DO UPDATE
         SET time = EXCLUDED.time, value = EXCLUDED.value, unit_code = EXCLUDED.unit_code
         WHERE l.time < EXCLUDED.time`,
      [
        list.map((r) => r.deviceId),
        list.map((r) => r.metric),
        list.map((r) => r.time),
        list.map((r) => r.value),
        list.map((r) => r.unitCode),
      ],
    );
  }

  /**
   * Moves mobile devices (device.lon/lat, migration 0032 position_at) to the newest position
   * their committed readings carried; a late reading never moves a device back in time. Every
   * position a mobile device's readings carried also goes to its history (device_position,
   * migration 0060: SensorThings HistoricalLocations), late ones included; a position already
   * there is kept. One statement per batch: both writes ride the same round trip.
   */
  async notePositions(rows: readonly Reading[]): Promise<number> {
    const newest = new Map<string, Reading & { position: { lon: number; lat: number } }>();
    // One history row per device and instant (the key): the metrics of one message share it.
    const history = new Map<string, Reading & { position: { lon: number; lat: number } }>();
    for (const r of rows) {
      if (!r.position) continue;
      const prev = newest.get(r.deviceId);
      if (!prev || prev.time < r.time) newest.set(r.deviceId, { ...r, position: r.position });
      const k = `${r.deviceId}\u0000${r.time.getTime()}`;
      if (!history.has(k)) history.set(k, { ...r, position: r.position });
    }
    if (newest.size === 0) return 0;
    const list = [...newest.values()].sort((a, b) => a.deviceId.localeCompare(b.deviceId));
    const past = [...history.values()];
    const res = await this.db.query<{ moved: number }>(
      `WITH moved AS (
         UPDATE device d SET lon = p.lon, lat = p.lat, position_at = p.time
         FROM unnest($1::text[], $2::float8[], $3::float8[], $4::timestamptz[]) AS p(id, lon, lat, time)
         WHERE d.id = p.id AND d.mobile AND (d.position_at IS NULL OR d.position_at < p.time)
         RETURNING d.id
       ), kept AS (
         INSERT INTO device_position (device_id, time, lon, lat)
         SELECT h.id, h.time, h.lon, h.lat
         FROM unnest($5::text[], $6::timestamptz[], $7::float8[], $8::float8[]) AS h(id, time, lon, lat)
         JOIN device d ON d.id = h.id AND d.mobile
         ON CONFLICT (device_id, time) DO NOTHING
       )
       SELECT count(*)::int AS moved FROM moved`,
      [
        list.map((r) => r.deviceId),
        list.map((r) => r.position.lon),
        list.map((r) => r.position.lat),
        list.map((r) => r.time),
        past.map((r) => r.deviceId),
        past.map((r) => r.time),
        past.map((r) => r.position.lon),
        past.map((r) => r.position.lat),
      ],
    );
    return res.rows[0]?.moved ?? 0;
  }

  /** Latest values of readings taken in these units (the unit of the reading, for mobile devices). */
  async forUnits(
    unitCodes: readonly string[],
    metrics: readonly string[] | null,
  ): Promise<LatestRow[]> {
    const { rows } = await this.db.query<RowShape>(
      `SELECT l.device_id, l.metric, l.time, l.value, l.unit_code, d.kind
       FROM device_latest l LEFT JOIN device d ON d.id = l.device_id
       WHERE l.unit_code = ANY($1::text[]) AND ($2::text[] IS NULL OR l.metric = ANY($2::text[]))
       ORDER BY l.device_id, l.metric`,
      [[...unitCodes], metrics ? [...metrics] : null],
    );
    return rows.map(toLatest);
  }

  async forDevices(
    deviceIds: readonly string[],
    metrics: readonly string[] | null,
  ): Promise<LatestRow[]> {
    if (deviceIds.length === 0) return [];
    const { rows } = await this.db.query<RowShape>(
      `SELECT l.device_id, l.metric, l.time, l.value, l.unit_code, d.kind
       FROM device_latest l LEFT JOIN device d ON d.id = l.device_id
       WHERE l.device_id = ANY($1::text[]) AND ($2::text[] IS NULL OR l.metric = ANY($2::text[]))
       ORDER BY l.device_id, l.metric`,
      [[...deviceIds], metrics ? [...metrics] : null],
    );
    return rows.map(toLatest);
  }
}

interface RowShape {
  device_id: string;
  metric: string;
  time: Date;
  value: number;
  unit_code: string | null;
  kind: string | null;
}

function toLatest(r: RowShape): LatestRow {
  return {
    deviceId: r.device_id,
    metric: r.metric,
    time: r.time,
    value: r.value,
    unitCode: r.unit_code,
    kind: r.kind,
  };
}
