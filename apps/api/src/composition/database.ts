import { startEmbeddedPostgres, type EmbeddedPostgres } from '@ioc/embedded';
import { createPool, detectStorageMode, migrate, type Pool, type StorageMode } from '@ioc/db';

export interface Database {
  pool: Pool;
  url: string;
  storage: StorageMode;
  migrationVersion: number;
  applied: string[];
  embedded: EmbeddedPostgres | undefined;
  close(): Promise<void>;
}

/**
 * Services mode when DATABASE_URL is set; otherwise PGlite under DATA_DIR behind a local
 * socket. PGlite runs one session at a time, so its pool holds a single connection.
 */
export async function openDatabase(opts: {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolMax: number;
}): Promise<Database> {
  const embedded = opts.databaseUrl ? undefined : await startEmbeddedPostgres(opts.dataDir);
  const url = opts.databaseUrl ?? embedded?.url ?? '';
  const pool = createPool(url, embedded ? 1 : opts.poolMax);
  try {
    const storage = await detectStorageMode(pool, embedded !== undefined);
    const result = await migrate(pool, storage);
    return {
      pool,
      url,
      storage,
      migrationVersion: result.version,
      applied: result.applied,
      embedded,
      async close() {
        await pool.end();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await pool.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
}
