import type { Queryable } from '@ioc/db';
import type { CameraEventSourceKind } from '@ioc/contracts';

export interface EventSourceRecord {
  id: string;
  name: string;
  kind: CameraEventSourceKind;
  cameras: Record<string, string>;
  baseUrl: string | null;
  mqttTopic: string | null;
  enabled: boolean;
  secretHash: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: string;
  name: string;
  kind: CameraEventSourceKind;
  cameras: Record<string, string>;
  base_url: string | null;
  mqtt_topic: string | null;
  enabled: boolean;
  secret_hash: string | null;
  created_at: Date;
  updated_at: Date;
}

const record = (r: Row): EventSourceRecord => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  cameras: r.cameras,
  baseUrl: r.base_url,
  mqttTopic: r.mqtt_topic,
  enabled: r.enabled,
  secretHash: r.secret_hash,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** `camera_event_source` (migration 0071). */
export class EventSourceRepository {
  constructor(private readonly db: Queryable) {}

  async get(id: string): Promise<EventSourceRecord | null> {
    const { rows } = await this.db.query<Row>('SELECT * FROM camera_event_source WHERE id = $1', [
      id,
    ]);
    return rows[0] ? record(rows[0]) : null;
  }

  async list(kind?: CameraEventSourceKind): Promise<EventSourceRecord[]> {
    const { rows } = await this.db.query<Row>(
      'SELECT * FROM camera_event_source WHERE $1::text IS NULL OR kind = $1 ORDER BY id',
      [kind ?? null],
    );
    return rows.map(record);
  }

  /** false when the id is taken. */
  async insert(s: Omit<EventSourceRecord, 'createdAt' | 'updatedAt'>): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `INSERT INTO camera_event_source (id, name, kind, cameras, base_url, mqtt_topic, enabled, secret_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
      [
        s.id,
        s.name,
        s.kind,
        JSON.stringify(s.cameras),
        s.baseUrl,
        s.mqttTopic,
        s.enabled,
        s.secretHash,
      ],
    );
    return rowCount === 1;
  }

  async update(s: EventSourceRecord): Promise<void> {
    await this.db.query(
      `UPDATE camera_event_source SET name = $2, cameras = $3, base_url = $4, mqtt_topic = $5,
         enabled = $6, secret_hash = $7, updated_at = now() WHERE id = $1`,
      [s.id, s.name, JSON.stringify(s.cameras), s.baseUrl, s.mqttTopic, s.enabled, s.secretHash],
    );
  }

  async remove(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query('DELETE FROM camera_event_source WHERE id = $1', [id]);
    return rowCount === 1;
  }
}
