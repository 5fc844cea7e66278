import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPool, detectStorageMode, inTransaction, migrate, pingDatabase } from '@ioc/db';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases';
import { testEnv } from '../support/env';
import { waitFor } from '../support/wait';

/**
 * libs/db's runner and pool helpers against a real server, each on a throwaway database: the
 * migration runner over a directory of tiny migrations (order, once, checksums, rollback,
 * no-transaction files, concurrent starts), and what the pool promises (one client per
 * transaction, surviving a connection the server ends).
 */
const hasPostgres = await postgresAvailable();

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ioc-mig-it-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});
const file = (name: string, sql: string) => {
  writeFileSync(join(dir, name), sql);
};

describe.skipIf(!hasPostgres)('migrate (PostgreSQL, a throwaway database)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase(testEnv.postgresAdminUrl, 'ioc_migspec');
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });
  beforeEach(async () => {
    await pool.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  });
  const tables = async () =>
    (
      await pool.query<{ t: string }>(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      )
    ).rows.map((r) => r.t);

  it('applies pending files in version order, once', async () => {
    // 0002 needs 0001's table: out of order it would fail.
    file('0002_b.sql', 'ALTER TABLE a ADD COLUMN extra int;');
    file('0001_a.sql', 'CREATE TABLE a (id int);');
    expect(await migrate(pool, 'postgres', dir)).toEqual({
      applied: ['0001_a.sql', '0002_b.sql'],
      version: 2,
    });
    expect(await migrate(pool, 'postgres', dir)).toEqual({ applied: [], version: 2 });
    file('0003_c.sql', 'CREATE TABLE c (id int);');
    expect(await migrate(pool, 'postgres', dir)).toEqual({ applied: ['0003_c.sql'], version: 3 });
    const { rows } = await pool.query<{ version: number; mode: string }>(
      'SELECT version, mode FROM schema_migrations ORDER BY version',
    );
    expect(rows).toEqual([
      { version: 1, mode: 'postgres' },
      { version: 2, mode: 'postgres' },
      { version: 3, mode: 'postgres' },
    ]);
  });

  it('refuses an applied file that was edited, naming it, and applies nothing', async () => {
    file('0001_a.sql', 'CREATE TABLE a (id int);');
    await migrate(pool, 'postgres', dir);
    appendFileSync(join(dir, '0001_a.sql'), '\n-- edited\n');
    file('0002_b.sql', 'CREATE TABLE b (id int);');
    const err = await migrate(pool, 'postgres', dir).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'MIGRATION_CHECKSUM' });
    expect((err as Error).message).toMatch(/0001_a\.sql was changed after it was applied/);
    expect(await tables()).toEqual(['a', 'schema_migrations']);
  });

  it('rolls a failed file back whole and does not record it; the files before it stay', async () => {
    file('0001_a.sql', 'CREATE TABLE a (id int);');
    file('0002_bad.sql', 'CREATE TABLE half (id int);\nSELECT * FROM no_such_table;');
    const err = await migrate(pool, 'postgres', dir).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'MIGRATION_FAILED' });
    expect((err as Error).message).toMatch(/0002_bad\.sql failed: .*no_such_table/);
    expect(await tables()).toEqual(['a', 'schema_migrations']);
    // Fixed, it applies on the next start.
    file('0002_bad.sql', 'CREATE TABLE half (id int);');
    expect((await migrate(pool, 'postgres', dir)).applied).toEqual(['0002_bad.sql']);
  });

  it('runs a no-transaction file statement by statement (CREATE INDEX CONCURRENTLY)', async () => {
    file('0001_a.sql', 'CREATE TABLE a (id int, v int);');
    file(
      '0002_idx.sql',
      '-- ioc:no-transaction\nCREATE INDEX CONCURRENTLY a_id ON a (id);\nCREATE INDEX CONCURRENTLY a_v ON a (v);\n',
    );
    expect((await migrate(pool, 'postgres', dir)).applied).toEqual(['0001_a.sql', '0002_idx.sql']);
    const { rows } = await pool.query<{ i: string }>(
      "SELECT indexname AS i FROM pg_indexes WHERE tablename = 'a' ORDER BY 1",
    );
    expect(rows.map((r) => r.i)).toEqual(['a_id', 'a_v']);
  });

  it('migrates once when several processes start together', async () => {
    file('0001_a.sql', 'CREATE TABLE a (id int);');
    file('0002_b.sql', 'CREATE TABLE b (id int);');
    const others = [
      new pg.Pool({ connectionString: db.url, max: 1 }),
      new pg.Pool({ connectionString: db.url, max: 1 }),
    ];
    try {
      const results = await Promise.all([pool, ...others].map((p) => migrate(p, 'postgres', dir)));
      expect(results.flatMap((r) => r.applied).sort()).toEqual(['0001_a.sql', '0002_b.sql']);
      expect(results.map((r) => r.version)).toEqual([2, 2, 2]);
    } finally {
      for (const p of others) await p.end();
    }
  });
});

describe.skipIf(!hasPostgres)('pool helpers (PostgreSQL, a throwaway database)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase(testEnv.postgresAdminUrl, 'ioc_poolspec');
    pool = createPool(db.url, 2);
    await pool.query('CREATE TABLE t (v int)');
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('runs a pool transaction on one checked-out client: others see nothing until it commits', async () => {
    let seenInside: number | undefined;
    await inTransaction(pool, async (tx) => {
      await tx.query('INSERT INTO t VALUES (10)');
      // Through the pool, i.e. another connection.
      seenInside = (
        await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE v = 10')
      ).rows[0]?.n;
    });
    expect(seenInside).toBe(0);
    expect(
      (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE v = 10')).rows[0]?.n,
    ).toBe(1);
  });

  it('rolls a pool transaction back and returns its client to the pool', async () => {
    await expect(
      inTransaction(pool, async (tx) => {
        await tx.query('INSERT INTO t VALUES (20)');
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(
      (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE v = 20')).rows[0]?.n,
    ).toBe(0);
    expect(pool.waitingCount).toBe(0);
    expect(pool.idleCount).toBe(pool.totalCount);
  });

  it('survives the server ending an idle pooled connection, and reconnects for the next query', async () => {
    const pid = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
    const admin = new pg.Client({ connectionString: testEnv.postgresAdminUrl });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    // Unhandled, the client's 'error' event would have crashed the test process here.
    await waitFor(
      () => (pool.totalCount < 2 || pool.idleCount < 2 ? true : undefined),
      5000,
      'the pool to drop the dead client',
    );
    expect(await pingDatabase(pool)).toBe(true);
  });

  it('runs a transaction directly on a single connection: commit, or roll back and rethrow', async () => {
    const one = new pg.Client({ connectionString: db.url });
    await one.connect();
    try {
      const rows = await inTransaction(one, async (tx) => {
        await tx.query('INSERT INTO t VALUES (30)');
        return (await tx.query('SELECT 1')).rowCount;
      });
      expect(rows).toBe(1);
      await expect(
        inTransaction(one, async (tx) => {
          await tx.query('INSERT INTO t VALUES (31)');
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      const { rows: kept } = await pool.query<{ v: number }>(
        'SELECT v FROM t WHERE v IN (30, 31) ORDER BY v',
      );
      expect(kept).toEqual([{ v: 30 }]);
      // The connection is usable again (not left in an aborted transaction).
      expect((await one.query('SELECT 1')).rowCount).toBe(1);
    } finally {
      await one.end();
    }
  });

  it('detects plain PostgreSQL (no TimescaleDB preloaded) and PGlite without asking', async () => {
    expect(await detectStorageMode(pool, false)).toBe('postgres');
    const never: Parameters<typeof pingDatabase>[0] = {
      query: () => Promise.reject(new Error('not asked')),
    };
    expect(await detectStorageMode(never, true)).toBe('pglite');
  });
});
