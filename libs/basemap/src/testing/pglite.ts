import { createMigratedPglite, type DisposableDb } from '@ioc/db';

// Test-only: an in-process PostgreSQL with every migration, so repositories run real SQL.

export type TestDb = DisposableDb;
export const createTestDb = createMigratedPglite;
