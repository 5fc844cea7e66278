import type { Queryable } from '@ioc/db';

export class SetupRepository {
  constructor(private readonly db: Queryable) {}

  async put(tokenHash: string): Promise<void> {
    await this.db.query(
      `INSERT INTO auth_setup_token (id, token_hash) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [tokenHash],
    );
  }

  async get(): Promise<string | null> {
    const { rows } = await this.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM auth_setup_token WHERE id = 1',
    );
    return rows[0]?.token_hash ?? null;
  }

  /** Consumes the token if it matches: true for exactly one caller. */
  async take(tokenHash: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'DELETE FROM auth_setup_token WHERE id = 1 AND token_hash = $1',
      [tokenHash],
    );
    return rowCount === 1;
  }

  async clear(): Promise<void> {
    await this.db.query('DELETE FROM auth_setup_token');
  }
}
