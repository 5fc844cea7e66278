import type { ConnectorMapping, ConnectorSource } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { PublicAuth } from '../auth/auth-profile';

/** A stored connector (its sealed secrets stay in connector_secret). */
export interface StoredConnector {
  id: string;
  name: string;
  department: string;
  source: ConnectorSource;
  mapping: ConnectorMapping;
  auth: PublicAuth;
  secretSet: boolean;
  schedule: string | null;
  rateLimitPerMinute: number;
  maxRetries: number;
  paused: boolean;
  watermark: string | null;
  knownFields: string[];
  createdAt: Date;
  updatedAt: Date;
}

export type ConnectorFields = Omit<
  StoredConnector,
  'secretSet' | 'watermark' | 'knownFields' | 'createdAt' | 'updatedAt' | 'paused'
>;

// Never `connector_secret.sealed`: only secretOf reads it, for a run.
const COLUMNS = `c.id, c.name, c.department, c.source, c.mapping, c.auth, c.schedule,
  c.rate_limit_per_minute, c.max_retries, c.paused, c.watermark, c.known_fields, c.created_at,
  c.updated_at, (s.connector_id IS NOT NULL) AS secret_set`;
const FROM = `connector c LEFT JOIN connector_secret s ON s.connector_id = c.id`;

function toConnector(r: Record<string, unknown>): StoredConnector {
  return {
    id: String(r.id),
    name: String(r.name),
    department: String(r.department),
    source: r.source as ConnectorSource,
    mapping: r.mapping as ConnectorMapping,
    auth: r.auth as PublicAuth,
    secretSet: r.secret_set === true,
    schedule: typeof r.schedule === 'string' ? r.schedule : null,
    rateLimitPerMinute: Number(r.rate_limit_per_minute),
    maxRetries: Number(r.max_retries),
    paused: r.paused === true,
    watermark: typeof r.watermark === 'string' ? r.watermark : null,
    knownFields: (r.known_fields as string[] | null) ?? [],
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
}

/** `connector` and `connector_secret`. */
export class ConnectorRepository {
  constructor(private readonly db: Queryable) {}

  async list(): Promise<StoredConnector[]> {
    const { rows } = await this.db.query(`SELECT ${COLUMNS} FROM ${FROM} ORDER BY c.id`);
    return rows.map(toConnector);
  }

  async get(id: string): Promise<StoredConnector | null> {
    const { rows } = await this.db.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1`, [id]);
    return rows[0] === undefined ? null : toConnector(rows[0]);
  }

  /** Inserts; false when the id is taken. */
  async insert(c: ConnectorFields, at: Date): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `INSERT INTO connector (id, name, department, source, mapping, auth, schedule,
         rate_limit_per_minute, max_retries, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) ON CONFLICT (id) DO NOTHING`,
      [
        c.id,
        c.name,
        c.department,
        JSON.stringify(c.source),
        JSON.stringify(c.mapping),
        JSON.stringify(c.auth),
        c.schedule,
        c.rateLimitPerMinute,
        c.maxRetries,
        at,
      ],
    );
    return rowCount === 1;
  }

  async update(c: ConnectorFields, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE connector SET name = $2, department = $3, source = $4, mapping = $5, auth = $6,
         schedule = $7, rate_limit_per_minute = $8, max_retries = $9, updated_at = $10
       WHERE id = $1`,
      [
        c.id,
        c.name,
        c.department,
        JSON.stringify(c.source),
        JSON.stringify(c.mapping),
        JSON.stringify(c.auth),
        c.schedule,
        c.rateLimitPerMinute,
        c.maxRetries,
        at,
      ],
    );
  }

  async setPaused(id: string, paused: boolean, at: Date): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE connector SET paused = $2, updated_at = $3 WHERE id = $1`,
      [id, paused, at],
    );
    return rowCount === 1;
  }

  async remove(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query(`DELETE FROM connector WHERE id = $1`, [id]);
    return rowCount === 1;
  }

  /** Stores (or, with null, drops) the sealed secrets of a connector's auth profile. */
  async setSecret(id: string, sealed: string | null, at: Date): Promise<void> {
    if (sealed === null) {
      await this.db.query(`DELETE FROM connector_secret WHERE connector_id = $1`, [id]);
      return;
    }
    await this.db.query(
      `INSERT INTO connector_secret (connector_id, sealed, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (connector_id) DO UPDATE SET sealed = EXCLUDED.sealed, updated_at = EXCLUDED.updated_at`,
      [id, sealed, at],
    );
  }

  /** The sealed secrets, for a run only (never for an answer). */
  async secretOf(id: string): Promise<string | null> {
    const { rows } = await this.db.query<{ sealed: string }>(
      `SELECT sealed FROM connector_secret WHERE connector_id = $1`,
      [id],
    );
    return rows[0]?.sealed ?? null;
  }

  /** Advances the watermark (in the page's transaction, after its records are written). */
  async setWatermark(id: string, watermark: string | null): Promise<void> {
    await this.db.query(`UPDATE connector SET watermark = $2 WHERE id = $1`, [id, watermark]);
  }

  async setKnownFields(id: string, fields: readonly string[]): Promise<void> {
    await this.db.query(`UPDATE connector SET known_fields = $2 WHERE id = $1`, [id, fields]);
  }
}
