/**
 * Issue 19, "exactly one active per job, with fail-over": the background jobs' lease is a
 * PostgreSQL session advisory lock on a connection of its own. Two leases on one name: one holds
 * it; the holder's backend terminated (as a dead process or a cut network ends it) → the holder
 * hears it lost the lease, and the standby takes over on its next try.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaderLease, postgresLeaseSessions } from '@ioc/db';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases';
import { testEnv } from '../support/env';
import { waitFor } from '../support/wait';

/** Waits on a condition (never on a fixed delay). */
const until = (cond: () => boolean | Promise<boolean>, what: string) =>
  waitFor(async () => ((await cond()) ? true : undefined), 15_000, what);

const hasPostgres = await postgresAvailable();

describe.skipIf(!hasPostgres)('job leases on PostgreSQL', () => {
  let db: TestDatabase;
  const leases: LeaderLease[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(testEnv.postgresAdminUrl);
  });
  afterAll(async () => {
    for (const l of leases) await l.stop();
    await db.drop();
  });

  function lease(name: string) {
    const events: string[] = [];
    const l = new LeaderLease({
      open: postgresLeaseSessions(db.url, name, 2000),
      retryMs: 100,
      onAcquired: () => events.push('acquired'),
      onLost: (reason) => events.push(`lost: ${reason}`),
    });
    leases.push(l);
    return { l, events };
  }

  it('lets one of two leases hold a name, and the other take over when its backend dies', async () => {
    const a = lease('jobs-test');
    const b = lease('jobs-test');
    a.l.start();
    await until(() => a.l.held, 'a holds the lease');
    b.l.start();
    await b.l.idle();
    // b has tried at least once more than a took it: a standby.
    await until(async () => (await lockHolders()).length === 1, 'one lock holder');
    expect(b.l.held).toBe(false);

    const [holder] = await lockHolders();
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [holder]);
    await admin.end();

    await until(() => a.events.some((e) => e.startsWith('lost')), 'a hears it lost the lease');
    // Both processes live on: whoever tries first holds it again, never both.
    await until(() => b.l.held || a.l.held, 'someone holds the lease again');
    expect(a.l.held && b.l.held).toBe(false);
    expect(await lockHolders()).toHaveLength(1);
    // The former holder's process goes away: the standby takes over.
    await a.l.stop();
    await until(() => b.l.held, 'b takes over');
    expect(await lockHolders()).toHaveLength(1);
  });

  it('leases of different names are held independently', async () => {
    const x = lease('jobs-x');
    const y = lease('jobs-y');
    x.l.start();
    y.l.start();
    await until(() => x.l.held && y.l.held, 'both held');
  });

  /** Backends holding an advisory lock in the test database. */
  async function lockHolders(): Promise<number[]> {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      const r = await c.query<{ pid: number }>(
        `SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = $1`,
        ['ioc-lease-jobs-test'],
      );
      return r.rows.map((row) => row.pid);
    } finally {
      await c.end();
    }
  }
});
