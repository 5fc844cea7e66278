import type { Queryable } from '@ioc/db';
import type { Role } from './model';

export interface SessionWithUser {
  sessionId: string;
  expiresAt: Date;
  lastUsedAt: Date | null;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  units: string[];
}

interface Row {
  session_id: string;
  expires_at: Date;
  last_used_at: Date | null;
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_codes: string[];
}

export class SessionsRepository {
  constructor(private readonly db: Queryable) {}

  async insert(s: {
    userId: string;
    tokenHash: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  }): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO auth_session (user_id, token_hash, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [s.userId, s.tokenHash, s.expiresAt, s.ip, s.userAgent],
    );
    return (rows[0] as { id: string }).id;
  }

  /** A live session: not revoked, not expired, its user not disabled. */
  async liveByHash(tokenHash: string): Promise<SessionWithUser | null> {
    const { rows } = await this.db.query<Row>(
      `SELECT s.id AS session_id, s.expires_at, s.last_used_at,
              u.id AS user_id, u.username, u.display_name, u.role, u.unit_codes
         FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    const r = rows[0];
    return r
      ? {
          sessionId: r.session_id,
          expiresAt: r.expires_at,
          lastUsedAt: r.last_used_at,
          userId: r.user_id,
          username: r.username,
          displayName: r.display_name,
          role: r.role,
          units: r.unit_codes,
        }
      : null;
  }

  async touch(sessionId: string): Promise<void> {
    await this.db.query('UPDATE auth_session SET last_used_at = now() WHERE id = $1', [sessionId]);
  }

  async revoke(sessionId: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'UPDATE auth_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [sessionId],
    );
    return rowCount === 1;
  }

  async revokeAllOf(userId: string): Promise<number> {
    const { rowCount } = await this.db.query(
      'UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
    return rowCount ?? 0;
  }
}
