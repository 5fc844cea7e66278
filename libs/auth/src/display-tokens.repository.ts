import type { Queryable } from '@ioc/db';
import type { DisplayTokenView } from './model';

interface Row {
  id: string;
  name: string;
  unit_code: string;
  created_by: string;
  created_at: Date;
  rotated_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const COLS = 'id, name, unit_code, created_by, created_at, rotated_at, revoked_at, last_used_at';

function toView(r: Row): DisplayTokenView {
  return {
    id: r.id,
    name: r.name,
    unitCode: r.unit_code,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    rotatedAt: r.rotated_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  };
}

export class DisplayTokensRepository {
  constructor(private readonly db: Queryable) {}

  async insert(t: {
    name: string;
    unitCode: string;
    tokenHash: string;
    createdBy: string;
  }): Promise<DisplayTokenView> {
    const { rows } = await this.db.query<Row>(
      `INSERT INTO display_token (name, unit_code, token_hash, created_by) VALUES ($1, $2, $3, $4) RETURNING ${COLS}`,
      [t.name, t.unitCode, t.tokenHash, t.createdBy],
    );
    return toView(rows[0] as Row);
  }

  async list(): Promise<DisplayTokenView[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLS} FROM display_token ORDER BY created_at DESC`,
    );
    return rows.map(toView);
  }

  async byId(id: string): Promise<DisplayTokenView | null> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLS} FROM display_token WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async liveByHash(tokenHash: string): Promise<DisplayTokenView | null> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLS} FROM display_token WHERE token_hash = $1 AND revoked_at IS NULL`,
      [tokenHash],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async rotate(id: string, tokenHash: string): Promise<DisplayTokenView | null> {
    const { rows } = await this.db.query<Row>(
      `UPDATE display_token SET token_hash = $2, rotated_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLS}`,
      [id, tokenHash],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async revoke(id: string): Promise<DisplayTokenView | null> {
    const { rows } = await this.db.query<Row>(
      `UPDATE display_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLS}`,
      [id],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async touch(id: string): Promise<void> {
    await this.db.query('UPDATE display_token SET last_used_at = now() WHERE id = $1', [id]);
  }
}
