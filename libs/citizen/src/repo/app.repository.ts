import type { CitizenAppView } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';

export interface CitizenAppRecord {
  id: string;
  name: string;
  keyHash: string;
  createdAt: Date;
  revokedAt: Date | null;
}

const COLUMNS = `id, name, key_hash AS "keyHash", created_at AS "createdAt", revoked_at AS "revokedAt"`;

/** citizen_app: apps that submit on a resident's behalf, by the hash of their key. */
export class AppRepository {
  constructor(private readonly db: Queryable) {}

  /** false when the id is taken. */
  async insert(id: string, name: string, keyHash: string, at: Date): Promise<boolean> {
    const r = await this.db.query(
      `INSERT INTO citizen_app (id, name, key_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING`,
      [id, name, keyHash, at],
    );
    return (r.rowCount ?? 0) === 1;
  }

  async list(): Promise<CitizenAppView[]> {
    const { rows } = await this.db.query<CitizenAppRecord>(
      `SELECT ${COLUMNS} FROM citizen_app ORDER BY created_at, id`,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.createdAt.toISOString(),
      revokedAt: r.revokedAt?.toISOString() ?? null,
    }));
  }

  async byHash(keyHash: string): Promise<CitizenAppRecord | null> {
    const { rows } = await this.db.query<CitizenAppRecord>(
      `SELECT ${COLUMNS} FROM citizen_app WHERE key_hash = $1`,
      [keyHash],
    );
    return rows[0] ?? null;
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const r = await this.db.query(
      'UPDATE citizen_app SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1',
      [id, at],
    );
    return (r.rowCount ?? 0) > 0;
  }
}
