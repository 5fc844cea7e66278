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
  /** False when this machine cannot run the mode (then `skipReason` says why). */
  available: boolean;
  skipReason: string | null;
  create(): Promise<Backend>;
}

/** Why the TimescaleDB suites do not run here; null when TIMESCALE_URL is set. */
export const TIMESCALE_SKIP_REASON = testEnv.timescaleAdminUrl
  ? null
  : 'TIMESCALE_URL is not set (point it at a PostgreSQL server with the timescaledb extension)';

/**
 * A suite title in a mode: a mode that cannot run here says why in its (skipped) title, so the
 * report shows the missing coverage instead of leaving the suite out.
 */
export function modeTitle(title: string, factory: Pick<BackendFactory, 'skipReason'>): string {
  return factory.skipReason ? `${title} — skipped: ${factory.skipReason}` : title;
}

/**
 * The storage modes the same suites run against: plain PostgreSQL and embedded PGlite always,
 * TimescaleDB when TIMESCALE_URL names a server with the extension (else listed as unavailable,
 * for suites to show as skipped with the reason).
 */
export function backendFactories(): BackendFactory[] {
  const list: BackendFactory[] = [
    {
      mode: 'postgres',
      available: true,
      skipReason: null,
      async create() {
        const db = await createTestDatabase(testEnv.postgresAdminUrl);
        return { mode: 'postgres', url: db.url, embedded: false, dispose: () => db.drop() };
      },
    },
    {
      mode: 'pglite',
      available: true,
      skipReason: null,
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
  list.push({
    mode: 'timescaledb',
    available: ts !== undefined,
    skipReason: TIMESCALE_SKIP_REASON,
    async create() {
      if (!ts) throw new Error(`TimescaleDB mode: ${TIMESCALE_SKIP_REASON ?? ''}`);
      const db = await createTestDatabase(ts, 'ioc_tsdb');
      return { mode: 'timescaledb', url: db.url, embedded: false, dispose: () => db.drop() };
    },
  });
  return list;
}
