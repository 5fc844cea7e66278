import { afterAll, describe, it } from 'vitest';
import { describeHttpMatrix, startMatrix, type AuthMatrix } from '../support/authz/suite';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases';
import { testEnv } from '../support/env';

/**
 * The HTTP authorization matrix of auth-matrix.test.ts in services mode: a fresh database on
 * the PostgreSQL server (the lookups, the audit rows and the scoped queries are SQL that PGlite
 * and PostgreSQL may answer differently). A missing server skips here and fails in CI.
 */

// Routes are known only once the platform runs: it starts at collection time (top-level await).
const hasPostgres = await postgresAvailable();
let db: TestDatabase | null = null;
let matrix: AuthMatrix | null = null;
if (hasPostgres) {
  db = await createTestDatabase(testEnv.postgresAdminUrl, 'ioc_authz');
  try {
    matrix = await startMatrix({ DATABASE_URL: db.url });
  } catch (err) {
    await db.drop();
    throw err;
  }
}

afterAll(async () => {
  await matrix?.dispose();
  await db?.drop();
});

if (matrix) describeHttpMatrix('authorization matrix: HTTP routes × callers (PostgreSQL)', matrix);
else
  describe.skip('authorization matrix: HTTP routes × callers (PostgreSQL) — skipped: no server', () => {
    it('needs PostgreSQL on TEST_POSTGRES_URL', () => undefined);
  });
