import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliConfig } from '@ioc/config';
import { DomainError } from '@ioc/contracts';
import { createPool, detectStorageMode, migrate, type Pool, type StorageMode } from '@ioc/db';
import { embeddedDatabaseExists, startEmbeddedPostgres } from '@ioc/embedded';

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
 * Only the set-up commands (`mayCreate`) may make a new embedded database: any other command
 * pointed at a directory with none is run from the wrong place or without the server's
 * DATA_DIR, and would otherwise answer from an empty database ("0 device(s)").
 */
export async function openCliDb(config: CliConfig, opts: { mayCreate: boolean }): Promise<CliDb> {
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
      if (!opts.mayCreate && !embeddedDatabaseExists(config.DATA_DIR)) {
        const dir = resolve(config.DATA_DIR);
        throw new DomainError(
          'not_found',
          'CLI_NO_DATABASE',
          `không có cơ sở dữ liệu của nền tảng ở ${dir} (DATA_DIR). / No platform database in ${dir} (DATA_DIR): ` +
            'run the command where `npm start` runs, set DATA_DIR to the directory the platform uses, ' +
            'or set DATABASE_URL; `ioc migrate` or `ioc seed demo` makes a new one.',
        );
      }
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
