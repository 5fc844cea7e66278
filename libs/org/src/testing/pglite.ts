import { PGlite } from '@electric-sql/pglite';
import { loadMigrations, type Queryable } from '@ioc/db';

// Test-only: an in-process PostgreSQL with every migration, so repositories run real SQL.

export interface TestDb extends Queryable {
  close(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const pg = new PGlite();
  for (const m of loadMigrations('pglite')) await pg.exec(m.sql);
  // Rows typed `never` satisfy any row type the caller asks for, as pg's own typing does.
  const query: Queryable['query'] = async (text, values) => {
    const r = await pg.query<never>(text, values);
    return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
  };
  return { query, close: () => pg.close() };
}
