import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { DbError } from './db.error';
import type { StorageMode } from './storage-mode';

export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../migrations');

/** Arbitrary but fixed: every process migrating this database serialises on it. */
const ADVISORY_LOCK_KEY = 4_857_201;
const NO_TRANSACTION_MARKER = /^--\s*ioc:no-transaction\s*$/m;
const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+?)(?:\.(postgres|timescaledb))?\.sql$/;

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
  noTransaction: boolean;
}

export interface MigrationResult {
  applied: string[];
  version: number;
}

/**
 * Lists the migrations for a storage mode. A file `NNNN_name.sql` applies in every mode;
 * `NNNN_name.postgres.sql` in postgres and pglite; `NNNN_name.timescaledb.sql` in timescaledb.
 */
export function loadMigrations(mode: StorageMode, dir = MIGRATIONS_DIR): Migration[] {
  const variant = mode === 'timescaledb' ? 'timescaledb' : 'postgres';
  const byVersion = new Map<number, Migration>();
  for (const file of readdirSync(dir).sort()) {
    const m = FILE_PATTERN.exec(file);
    if (!m) continue;
    const [, v, name, fileVariant] = m;
    if (fileVariant !== undefined && fileVariant !== variant) continue;
    const version = Number(v);
    if (byVersion.has(version)) {
      throw new DbError('MIGRATION_CONFLICT', `Two migrations share version ${v}: ${file}`);
    }
    const sql = readFileSync(join(dir, file), 'utf8');
    byVersion.set(version, {
      version,
      name: name ?? file,
      file,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
      noTransaction: NO_TRANSACTION_MARKER.test(sql),
    });
  }
  return [...byVersion.values()].sort((a, b) => a.version - b.version);
}

/** Statements of a no-transaction file, each run on its own (they must end with `;` at end of line). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s.length > 0);
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so concurrent starts of several
 * replicas migrate once. An applied file whose content changed is refused: migrations are
 * forward-only and a silently edited one would leave databases that differ by history.
 */
export async function migrate(
  pool: Pool,
  mode: StorageMode,
  dir = MIGRATIONS_DIR,
): Promise<MigrationResult> {
  const migrations = loadMigrations(mode, dir);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      mode text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<AppliedRow>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const applied = new Map(rows.map((r) => [r.version, r]));
    verifyApplied(migrations, applied);
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await applyOne(client, m, mode);
      done.push(m.file);
    }
    const version = migrations.at(-1)?.version ?? 0;
    return { applied: done, version: Math.max(version, ...rows.map((r) => r.version)) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

function verifyApplied(migrations: Migration[], applied: Map<number, AppliedRow>): void {
  const problems: string[] = [];
  for (const m of migrations) {
    const a = applied.get(m.version);
    if (a && a.checksum !== m.checksum) {
      problems.push(
        `${m.file} was changed after it was applied (checksum ${a.checksum.slice(0, 12)}… ≠ ${m.checksum.slice(0, 12)}…)`,
      );
    }
  }
  if (problems.length > 0) {
    throw new DbError(
      'MIGRATION_CHECKSUM',
      `Applied migrations were edited; write a new migration instead:\n  ${problems.join('\n  ')}`,
    );
  }
}

async function applyOne(client: PoolClient, m: Migration, mode: StorageMode): Promise<void> {
  const record = async (): Promise<void> => {
    await client.query(
      'INSERT INTO schema_migrations (version, name, checksum, mode) VALUES ($1, $2, $3, $4)',
      [m.version, m.name, m.checksum, mode],
    );
  };
  try {
    if (m.noTransaction) {
      for (const statement of splitStatements(m.sql)) await client.query(statement);
      await record();
      return;
    }
    await client.query('BEGIN');
    await client.query(m.sql);
    await record();
    await client.query('COMMIT');
  } catch (err) {
    if (!m.noTransaction) await client.query('ROLLBACK').catch(() => undefined);
    throw new DbError(
      'MIGRATION_FAILED',
      `Migration ${m.file} failed: ${(err as Error).message}`,
      err,
    );
  }
}
