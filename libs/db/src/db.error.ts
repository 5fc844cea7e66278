export type DbErrorCode =
  | 'MIGRATION_CONFLICT'
  | 'MIGRATION_CHECKSUM'
  | 'MIGRATION_FAILED'
  | 'STORAGE_MODE_MISMATCH'
  | 'DB_UNAVAILABLE';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'DbError';
  }
}
