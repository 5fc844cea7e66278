import { describe, expect, it } from 'vitest';
import { pingDatabase } from './ping';
import { inTransaction } from './pool';
import type { Queryable } from './queryable';

/** One connection (a PoolClient, PGlite) that records its statements; ROLLBACK may fail. */
function connection(options: { rollbackFails?: boolean } = {}) {
  const log: string[] = [];
  const db: Queryable = {
    query: (text) => {
      log.push(text);
      if (text === 'ROLLBACK' && options.rollbackFails)
        return Promise.reject(new Error('connection lost'));
      return Promise.resolve({ rows: [], rowCount: 0 });
    },
  };
  return { db, log };
}

describe('inTransaction on a single connection', () => {
  it('wraps the work in BEGIN … COMMIT on that same connection', async () => {
    const { db, log } = connection();
    expect(
      await inTransaction(db, async (tx) => {
        await tx.query('INSERT 1');
        return 'done';
      }),
    ).toBe('done');
    expect(log).toEqual(['BEGIN', 'INSERT 1', 'COMMIT']);
  });

  it('rolls back and rethrows the work’s own error, even when the ROLLBACK fails too', async () => {
    const { db, log } = connection({ rollbackFails: true });
    const cause = new Error('constraint violated');
    await expect(
      inTransaction(db, async (tx) => {
        await tx.query('INSERT 1');
        throw cause;
      }),
    ).rejects.toBe(cause);
    expect(log).toEqual(['BEGIN', 'INSERT 1', 'ROLLBACK']);
  });
});

describe('pingDatabase', () => {
  it('answers true or false, and never throws', async () => {
    expect(await pingDatabase(connection().db)).toBe(true);
    const down: Queryable = { query: () => Promise.reject(new Error('ECONNREFUSED')) };
    expect(await pingDatabase(down)).toBe(false);
  });
});
