import { PGlite } from '@electric-sql/pglite';
import { loadMigrations } from './migrations';
import type { Queryable } from './queryable';

/** A Queryable over an in-process PostgreSQL that can be thrown away. */
export interface DisposableDb extends Queryable {
  close(): Promise<void>;
}

/**
 * An in-memory PGlite with every migration applied (the embedded mode's schema), for the libs'
 * repository and service specs: real SQL semantics without a server. Each call is a new database.
 */
export async function createMigratedPglite(): Promise<DisposableDb> {
  const pg = new PGlite();
  for (const m of loadMigrations('pglite')) await pg.exec(m.sql);
  // Rows typed `never` satisfy any row type the caller asks for, as pg's own typing does.
  const query: Queryable['query'] = async (text, values) => {
    const r = await pg.query<never>(text, values);
    return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
  };
  return { query, close: () => pg.close() };
}
