import { PGlite } from '@electric-sql/pglite';
import type { Queryable } from '@ioc/db';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Test-only: an in-process PostgreSQL with the admin_unit schema, so the repository's SQL runs
// against a real planner and real jsonb semantics.

const MIGRATIONS = resolve(import.meta.dirname, '../../../db/migrations');

export interface TestDb extends Queryable {
  close(): Promise<void>;
  /** Every statement text received, in order (to assert what a dry run did not do). */
  readonly statements: string[];
}

export async function createTestDb(): Promise<TestDb> {
  const pg = new PGlite();
  for (const file of ['0001_core.sql', '0004_geo.sql'])
    await pg.exec(readFileSync(resolve(MIGRATIONS, file), 'utf8'));
  const statements: string[] = [];
  // Rows typed `never` satisfy any row type the caller asks for, as pg's own typing does.
  const query: Queryable['query'] = async (text, values) => {
    statements.push(text);
    const r = await pg.query<never>(text, values);
    return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
  };
  return { statements, query, close: () => pg.close() };
}
