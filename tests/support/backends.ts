import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@ioc/embedded';
import type { StorageMode } from '@ioc/db';
import { createTestDatabase } from './databases';
import { testEnv } from './env';

export interface Backend {
  mode: StorageMode;
  /** Connection URL of a fresh, empty database. */
  url: string;
  /** True for PGlite: one connection at a time. */
  embedded: boolean;
  dispose(): Promise<void>;
}

export interface BackendFactory {
  mode: StorageMode;
  create(): Promise<Backend>;
}

/**
 * The storage modes the same suites run against: plain PostgreSQL and embedded PGlite always,
 * TimescaleDB when TIMESCALE_URL names a server with the extension.
 */
export function backendFactories(): BackendFactory[] {
  const list: BackendFactory[] = [
    {
      mode: 'postgres',
      async create() {
        const db = await createTestDatabase(testEnv.postgresAdminUrl);
        return { mode: 'postgres', url: db.url, embedded: false, dispose: () => db.drop() };
      },
    },
    {
      mode: 'pglite',
      async create() {
        const dir = mkdtempSync(join(tmpdir(), 'ioc-pglite-'));
        const pg = await startEmbeddedPostgres(dir);
        return {
          mode: 'pglite',
          url: pg.url,
          embedded: true,
          async dispose() {
            await pg.stop();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    },
  ];
  const ts = testEnv.timescaleAdminUrl;
  if (ts) {
    list.push({
      mode: 'timescaledb',
      async create() {
        const db = await createTestDatabase(ts, 'ioc_tsdb');
        return { mode: 'timescaledb', url: db.url, embedded: false, dispose: () => db.drop() };
      },
    });
  }
  return list;
}
