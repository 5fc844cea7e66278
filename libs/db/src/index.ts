export type { Queryable } from './queryable';
export { DbError, type DbErrorCode } from './db.error';
export { detectStorageMode, type StorageMode } from './storage-mode';
export { createPool, inTransaction, withTransaction } from './pool';
export {
  loadMigrations,
  migrate,
  splitStatements,
  MIGRATIONS_DIR,
  type Migration,
  type MigrationResult,
} from './migrations';
export type { Pool, PoolClient } from 'pg';
export { pingDatabase } from './ping';
export { createMigratedPglite, type DisposableDb } from './migrated-pglite';
export {
  LeaderLease,
  grantedLeaseSessions,
  leaseKey,
  postgresLeaseSessions,
  type LeaderLeaseOptions,
  type LeaseSession,
} from './leader-lease';
