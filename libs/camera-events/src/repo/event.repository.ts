import type { Queryable } from '@ioc/db';
import type { CameraEventDirection, CameraEventType } from '@ioc/contracts';

export interface NewEvent {
  sourceId: string;
  cameraId: string;
  unitCode: string;
  type: CameraEventType;
  time: Date;
  confidence: number | null;
  label: string | null;
  direction: CameraEventDirection | null;
  zone: string | null;
  dedupeKey: string;
}

export interface EventRecord extends NewEvent {
  id: string;
  receivedAt: Date;
  hasSnapshot: boolean;
}

export interface StoredSnapshot {
  contentType: string;
  width: number;
  height: number;
  data: Buffer;
}

interface Row {
  id: string;
  source_id: string;
  camera_id: string;
  unit_code: string;
  type: CameraEventType;
  time: Date;
  confidence: number | null;
  label: string | null;
  direction: CameraEventDirection | null;
  zone: string | null;
  dedupe_key: string;
  received_at: Date;
  has_snapshot: boolean;
}

const SELECT = `SELECT e.*, EXISTS (SELECT 1 FROM camera_event_snapshot s WHERE s.event_id = e.id)
  AS has_snapshot FROM camera_event e`;

const record = (r: Row): EventRecord => ({
  id: r.id,
  sourceId: r.source_id,
  cameraId: r.camera_id,
  unitCode: r.unit_code,
  type: r.type,
  time: r.time,
  confidence: r.confidence,
  label: r.label,
  direction: r.direction,
  zone: r.zone,
  dedupeKey: r.dedupe_key,
  receivedAt: r.received_at,
  hasSnapshot: r.has_snapshot,
});

export interface EventFilter {
  units?: string[];
  cameraId?: string;
  type?: CameraEventType;
  from?: Date;
  to?: Date;
  limit: number;
}

/** `camera_event` and `camera_event_snapshot` (migration 0071). */
export class CameraEventRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Stores the event unless the source already sent it (same dedupe key): `created` false then,
   * with the id of the first delivery's row.
   */
  async insert(e: NewEvent): Promise<{ id: string; created: boolean }> {
    const { rows } = await this.db.query<{ id: string; created: boolean }>(
      `WITH ins AS (
         INSERT INTO camera_event (source_id, camera_id, unit_code, type, time, confidence, label,
           direction, zone, dedupe_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (source_id, dedupe_key) DO NOTHING RETURNING id)
       SELECT id, true AS created FROM ins
       UNION ALL
       SELECT id, false FROM camera_event WHERE source_id = $1 AND dedupe_key = $10
         AND NOT EXISTS (SELECT 1 FROM ins)`,
      [
        e.sourceId,
        e.cameraId,
        e.unitCode,
        e.type,
        e.time,
        e.confidence,
        e.label,
        e.direction,
        e.zone,
        e.dedupeKey,
      ],
    );
    const row = rows[0];
    if (!row) throw new Error('camera event neither inserted nor found');
    return row;
  }

  async get(id: string): Promise<EventRecord | null> {
    const { rows } = await this.db.query<Row>(`${SELECT} WHERE e.id = $1`, [id]);
    return rows[0] ? record(rows[0]) : null;
  }

  async list(f: EventFilter): Promise<EventRecord[]> {
    const { rows } = await this.db.query<Row>(
      `${SELECT}
        WHERE ($1::text[] IS NULL OR e.unit_code = ANY($1))
          AND ($2::text IS NULL OR e.camera_id = $2)
          AND ($3::text IS NULL OR e.type = $3)
          AND ($4::timestamptz IS NULL OR e.time >= $4)
          AND ($5::timestamptz IS NULL OR e.time < $5)
        ORDER BY e.time DESC, e.id LIMIT $6`,
      [f.units ?? null, f.cameraId ?? null, f.type ?? null, f.from ?? null, f.to ?? null, f.limit],
    );
    return rows.map(record);
  }

  /** The newest event of the camera at or before `at` that has a snapshot (an alert's picture). */
  async latestWithSnapshot(cameraId: string, at: Date): Promise<EventRecord | null> {
    const { rows } = await this.db.query<Row>(
      `${SELECT} WHERE e.camera_id = $1 AND e.time <= $2
         AND EXISTS (SELECT 1 FROM camera_event_snapshot s WHERE s.event_id = e.id)
       ORDER BY e.time DESC LIMIT 1`,
      [cameraId, at],
    );
    return rows[0] ? record(rows[0]) : null;
  }

  async hourly(
    units: string[],
    cameraId: string | undefined,
    since: Date,
  ): Promise<
    { hour: Date; type: CameraEventType; direction: CameraEventDirection | null; count: number }[]
  > {
    const { rows } = await this.db.query<{
      hour: Date;
      type: CameraEventType;
      direction: CameraEventDirection | null;
      count: string;
    }>(
      `SELECT date_trunc('hour', time) AS hour, type, direction, count(*) AS count
         FROM camera_event
        WHERE unit_code = ANY($1) AND time >= $2 AND ($3::text IS NULL OR camera_id = $3)
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [units, since, cameraId ?? null],
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /** Keeps the first picture: a later delivery of the same event does not replace it. */
  async putSnapshot(eventId: string, s: StoredSnapshot): Promise<void> {
    await this.db.query(
      `INSERT INTO camera_event_snapshot (event_id, content_type, width, height, data)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING`,
      [eventId, s.contentType, s.width, s.height, s.data],
    );
  }

  async snapshot(eventId: string): Promise<StoredSnapshot | null> {
    const { rows } = await this.db.query<{
      content_type: string;
      width: number;
      height: number;
      data: Uint8Array;
    }>('SELECT content_type, width, height, data FROM camera_event_snapshot WHERE event_id = $1', [
      eventId,
    ]);
    const r = rows[0];
    if (!r) return null;
    // pg answers a Buffer; PGlite (specs) a plain Uint8Array over the same bytes.
    const data = Buffer.isBuffer(r.data)
      ? r.data
      : Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength);
    return { contentType: r.content_type, width: r.width, height: r.height, data };
  }

  async unitOf(eventId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ unit_code: string }>(
      'SELECT unit_code FROM camera_event WHERE id = $1',
      [eventId],
    );
    return rows[0]?.unit_code ?? null;
  }

  /** Retention: events (and their snapshots, by cascade) older than `before`. */
  async prune(before: Date): Promise<number> {
    const { rowCount } = await this.db.query('DELETE FROM camera_event WHERE time < $1', [before]);
    return rowCount ?? 0;
  }
}
