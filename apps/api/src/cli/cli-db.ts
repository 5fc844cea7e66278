import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliConfig } from '@ioc/config';
import { createPool, detectStorageMode, migrate, type Pool, type StorageMode } from '@ioc/db';
import { startEmbeddedPostgres } from '@ioc/embedded';

export interface CliDb {
  pool: Pool;
  storage: StorageMode;
  migrationVersion: number;
  applied: string[];
  close(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The CLI talks to the same database as the platform: DATABASE_URL when set; else the running
 * embedded platform's socket (DATA_DIR/runtime.json); else it opens DATA_DIR's PGlite itself.
 */
export async function openCliDb(config: CliConfig): Promise<CliDb> {
  let url = config.DATABASE_URL;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let storageHint: StorageMode | undefined;
  if (!url) {
    const runtimeFile = join(config.DATA_DIR, 'runtime.json');
    const runtime = existsSync(runtimeFile)
      ? (JSON.parse(readFileSync(runtimeFile, 'utf8')) as { pid: number; databaseUrl: string })
      : undefined;
    if (runtime && isAlive(runtime.pid)) {
      url = runtime.databaseUrl;
    } else {
      embedded = await startEmbeddedPostgres(config.DATA_DIR);
      url = embedded.url;
    }
    storageHint = 'pglite';
  }
  const pool = createPool(url, 1);
  const storage = storageHint ?? (await detectStorageMode(pool, false));
  const result = await migrate(pool, storage);
  return {
    pool,
    storage,
    migrationVersion: result.version,
    applied: result.applied,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}
