import type { Queryable } from './queryable';

export type StorageMode = 'timescaledb' | 'postgres' | 'pglite';

/**
 * TimescaleDB mode needs the extension both installed and preloaded; otherwise plain
 * PostgreSQL. PGlite is known from how the process started, not from the server.
 */
export async function detectStorageMode(db: Queryable, embedded: boolean): Promise<StorageMode> {
  if (embedded) return 'pglite';
  const { rows } = await db.query<{ available: boolean; preloaded: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') AS available,
            coalesce(current_setting('shared_preload_libraries', true), '') LIKE '%timescaledb%' AS preloaded`,
  );
  const row = rows[0];
  return row?.available && row.preloaded ? 'timescaledb' : 'postgres';
}
