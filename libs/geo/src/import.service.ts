import type { Queryable } from '@ioc/db';
import {
  importGeoJson,
  type CodeTableEntry,
  type GeoJsonSource,
  type ImportIssue,
  type ImportOptions,
  type ParentRef,
} from './geojson-import';
import { UnitsRepository, type UnitDiff, type UpsertCounts } from './units.repository';

export interface UnitImportOptions extends ImportOptions {
  /** Validate and report what would change, write nothing. */
  dryRun?: boolean;
  /**
   * Runs the writes in one transaction. Without it the service issues BEGIN/COMMIT on `db`
   * itself, which is only correct when `db` is one dedicated connection (a `pg.PoolClient` or
   * `pg.Client`), never a `pg.Pool`, whose statements may each go to a different connection.
   * With a pool, pass e.g. `(fn) => withTransaction(pool, fn)` from @ioc/db.
   */
  withTransaction?: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;
}

export type UnitImportOutcome =
  | { ok: false; errors: ImportIssue[] }
  | { ok: true; dryRun: true; diff: UnitDiff; units: number }
  | { ok: true; dryRun: false; counts: UpsertCounts; units: number };

/**
 * Validates every feature, then writes all units in one transaction or none: any per-feature
 * error returns the full error list and leaves the database untouched. Units and provinces
 * already stored count as known parents (with their boundaries for the containment check),
 * alongside `options.codeTable` (normally the seed) and `options.parents`.
 */
export async function importUnits(
  db: Queryable,
  sources: GeoJsonSource | readonly GeoJsonSource[],
  options: UnitImportOptions = {},
): Promise<UnitImportOutcome> {
  const repo = new UnitsRepository(db);
  const [stored, provinces] = await Promise.all([repo.codeTable(), repo.provinces()]);
  const codeTable: CodeTableEntry[] = [...stored, ...(options.codeTable ?? [])];
  const parents: ParentRef[] = [
    ...provinces.map((p) => ({ code: p.code, level: p.level, geometry: p.geometry })),
    ...(options.parents ?? []),
  ];
  const result = importGeoJson(sources, { ...options, codeTable, parents });
  if (!result.ok) return { ok: false, errors: result.errors };

  if (options.dryRun === true) {
    return {
      ok: true,
      dryRun: true,
      diff: await repo.diff(result.units),
      units: result.units.length,
    };
  }
  const write = (tx: Queryable): Promise<UpsertCounts> =>
    new UnitsRepository(tx).upsert(result.units);
  const counts = options.withTransaction
    ? await options.withTransaction(write)
    : await ownTransaction(db, write);
  return { ok: true, dryRun: false, counts, units: result.units.length };
}

async function ownTransaction<T>(db: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    const out = await fn(db);
    await db.query('COMMIT');
    return out;
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
