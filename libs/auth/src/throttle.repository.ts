import type { Queryable } from '@ioc/db';

export class ThrottleRepository {
  constructor(private readonly db: Queryable) {}

  /** The latest lock end among the keys, when one is still in the future. */
  async lockedUntil(keys: string[]): Promise<Date | null> {
    const { rows } = await this.db.query<{ until: Date | null }>(
      'SELECT max(locked_until) AS until FROM auth_throttle WHERE key = ANY($1::text[]) AND locked_until > now()',
      [keys],
    );
    return rows[0]?.until ?? null;
  }

  /**
   * Counts one failure on a key inside a sliding window of `windowMinutes`, and locks the key for
   * the same duration when the count reaches `max`. One atomic upsert, so concurrent attempts on
   * several replicas cannot undercount.
   */
  async fail(
    key: string,
    max: number,
    windowMinutes: number,
  ): Promise<{ failures: number; lockedUntil: Date | null }> {
    const { rows } = await this.db.query<{ failures: number; locked_until: Date | null }>(
      `WITH w AS (SELECT make_interval(mins => $3::int) AS len)
       INSERT INTO auth_throttle AS t (key, failures, window_started_at, locked_until)
       SELECT $1, 1, now(), CASE WHEN $2::int <= 1 THEN now() + w.len END FROM w
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - (SELECT len FROM w) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - (SELECT len FROM w) THEN now() ELSE t.window_started_at END,
         locked_until = CASE
           WHEN (CASE WHEN t.window_started_at < now() - (SELECT len FROM w) THEN 1 ELSE t.failures + 1 END) >= $2::int
             THEN now() + (SELECT len FROM w)
           ELSE t.locked_until END
       RETURNING failures, locked_until`,
      [key, max, windowMinutes],
    );
    const r = rows[0];
    return { failures: r?.failures ?? 1, lockedUntil: r?.locked_until ?? null };
  }

  /** Forgets counters whose window and lock are over (addresses of one-off typos pile up otherwise). */
  async prune(windowMinutes: number): Promise<void> {
    await this.db.query(
      `DELETE FROM auth_throttle
        WHERE window_started_at < now() - make_interval(mins => $1::int)
          AND (locked_until IS NULL OR locked_until < now())`,
      [windowMinutes],
    );
  }

  async clear(key: string): Promise<void> {
    await this.db.query('DELETE FROM auth_throttle WHERE key = $1', [key]);
  }

  /** Every counter and lock of one account, from every address; how many were removed. */
  async clearAccount(username: string): Promise<number> {
    const { rowCount } = await this.db.query(
      `DELETE FROM auth_throttle
        WHERE key = $1 OR left(key, length($2)) = $2`,
      [accountKey(username), accountFromKey(username)],
    );
    return rowCount ?? 0;
  }
}

/**
 * Login throttle keys. A username is locked per address it failed from (`acct:<user>@<ip>`): a
 * stranger guessing the admin's password locks only themselves out, not the admin. The account
 * as a whole (`user:<user>`) locks only past a much higher count, against guessing spread over
 * many addresses.
 */
export function accountKey(username: string): string {
  return `user:${username}`;
}

export function accountFromKey(username: string, ip?: string | null): string {
  return ip === undefined ? `acct:${username}@` : `acct:${username}@${ip ?? '-'}`;
}
