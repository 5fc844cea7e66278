import pg from 'pg';
import type { Queryable } from './queryable';

// Return timestamptz as Date and bigint counts as numbers: counts here stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * `applicationName` names the pool's sessions in pg_stat_activity (which pool of which process
 * holds a server's connections, e.g. the API's read pool on a replica).
 */
export function createPool(
  connectionString: string,
  max: number,
  applicationName?: string,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    ...(applicationName !== undefined ? { application_name: applicationName } : {}),
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  // A dropped idle connection must not crash the process; queries report their own errors.
  pool.on('error', () => undefined);
  // Nor may a checked-out one: a server shutdown (57P01) arriving between two statements of a
  // transaction is emitted on the client, and unhandled it would kill the process. The holder's
  // next statement fails instead.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return pool;
}

export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** A pg.Pool hands each query to any connection, so a transaction needs one checked-out client. */
function isPool(db: Queryable): db is Queryable & pg.Pool {
  return 'totalCount' in db && typeof (db as { connect?: unknown }).connect === 'function';
}

/**
 * Runs `fn` in one transaction over any Queryable: on a pool through a dedicated client
 * (withTransaction), on a single connection (PoolClient, PGlite) directly with BEGIN/COMMIT.
 */
export async function inTransaction<T>(
  db: Queryable,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  if (isPool(db)) return withTransaction(db, fn);
  await db.query('BEGIN');
  try {
    const result = await fn(db);
    await db.query('COMMIT');
    return result;
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
