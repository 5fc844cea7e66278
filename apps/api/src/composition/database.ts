import { startEmbeddedPostgres, type EmbeddedPostgres } from '@ioc/embedded';
import {
  applyReadingPolicies,
  createPool,
  detectStorageMode,
  migrate,
  pingDatabase,
  type AppliedPolicy,
  type Pool,
  type Queryable,
  type ReadingPolicies,
  type StorageMode,
} from '@ioc/db';
import type { ApiConfig } from '@ioc/config';
import type { ReadsStatus } from '../health/platform-status';

export interface Database {
  pool: Pool;
  /**
   * Where the reads that tolerate replica lag go: the DATABASE_READ_URL pool when set, else the
   * primary pool itself. Writes and read-after-write paths always take `pool`.
   */
  reads: Queryable;
  /** The replica pool when one is configured (health, shutdown). */
  readPool: Pool | undefined;
  url: string;
  storage: StorageMode;
  migrationVersion: number;
  applied: string[];
  /** TimescaleDB mode: the compression and retention ages of `reading`, as applied at start. */
  policies: AppliedPolicy[];
  embedded: EmbeddedPostgres | undefined;
  close(): Promise<void>;
}

/** Sessions of each pool are named so pg_stat_activity tells the primary and read pools apart. */
export const PRIMARY_APP_NAME = 'ioc-api';
export const READ_APP_NAME = 'ioc-api-read';

/**
 * Services mode when DATABASE_URL is set; otherwise PGlite under DATA_DIR behind a local
 * socket. PGlite runs one session at a time, so its pool holds a single connection.
 * Migrations and the TimescaleDB policies run on the primary; a replica only ever reads.
 */
export async function openDatabase(opts: {
  databaseUrl?: string | undefined;
  readUrl?: string | undefined;
  dataDir: string;
  poolMax: number;
  policies?: ReadingPolicies;
}): Promise<Database> {
  const embedded = opts.databaseUrl ? undefined : await startEmbeddedPostgres(opts.dataDir);
  const url = opts.databaseUrl ?? embedded?.url ?? '';
  const pool = createPool(
    url,
    embedded ? 1 : opts.poolMax,
    embedded ? undefined : PRIMARY_APP_NAME,
  );
  const readPool =
    opts.readUrl && !embedded ? createPool(opts.readUrl, opts.poolMax, READ_APP_NAME) : undefined;
  try {
    const storage = await detectStorageMode(pool, embedded !== undefined);
    const result = await migrate(pool, storage);
    const policies =
      storage === 'timescaledb' && opts.policies
        ? await applyReadingPolicies(pool, opts.policies)
        : [];
    return {
      pool,
      reads: readPool ?? pool,
      readPool,
      url,
      storage,
      migrationVersion: result.version,
      applied: result.applied,
      policies,
      embedded,
      async close() {
        await readPool?.end();
        await pool.end();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await readPool?.end().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
}

/**
 * The health endpoint's view of the read side: the replica's reachability and replay lag
 * (`pg_last_xact_replay_timestamp` is null on a primary, and stands still while the primary is
 * idle, so the lag is an upper bound), or the primary's when reads stay there.
 */
/** The configured database, migrated, its TimescaleDB policies applied; says what changed. */
export async function openConfiguredDatabase(
  config: ApiConfig,
  log: (line: string) => void,
): Promise<Database> {
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    readUrl: config.DATABASE_READ_URL,
    dataDir: config.DATA_DIR,
    poolMax: config.DB_POOL_MAX,
    policies: {
      compressAfterDays: config.TSDB_COMPRESS_AFTER_DAYS,
      rawRetentionDays: config.TSDB_RAW_RETENTION_DAYS,
    },
  });
  if (db.applied.length > 0) log(`migrations applied: ${db.applied.join(', ')}`);
  for (const p of db.policies.filter((x) => x.changed))
    log(`reading ${p.policy}: ${String(p.days)} days`);
  return db;
}

export async function readsStatus(
  primary: Queryable,
  replica: Queryable | undefined,
): Promise<ReadsStatus> {
  if (!replica) {
    return {
      source: 'primary',
      state: (await pingDatabase(primary)) ? 'up' : 'down',
      lagSeconds: null,
    };
  }
  try {
    const { rows } = await replica.query<{ lag: number | null }>(
      'SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS lag',
    );
    return { source: 'replica', state: 'up', lagSeconds: rows[0]?.lag ?? null };
  } catch {
    return { source: 'replica', state: 'down', lagSeconds: null };
  }
}
