import { inTransaction, type Queryable } from '@ioc/db';
import {
  importGeoJson,
  type CodeTableEntry,
  type GeoJsonSource,
  type ImportIssue,
  type ImportOptions,
  type ParentRef,
} from './geojson-import';
import { loadSeedUnits } from './seed';
import type { UnitDirectory } from './unit-directory';
import { UnitsRepository, type UnitDiff, type UpsertCounts } from './units.repository';

export interface UnitImportOptions extends ImportOptions {
  /** Validate and report what would change, write nothing. */
  dryRun?: boolean;
  /**
   * Runs the writes in one transaction. Without it, @ioc/db `inTransaction` does: on a pool
   * through one checked-out connection, on a single connection with BEGIN/COMMIT.
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
    : await inTransaction(db, write);
  return { ok: true, dryRun: false, counts, units: result.units.length };
}

/** What an import request may choose; the seed code table and the transaction are the service's. */
export type UnitImportRequest = Omit<UnitImportOptions, 'withTransaction' | 'codeTable'>;

/**
 * Imports units (admin API and `ioc units import`) against the seed code table and refreshes
 * the unit directory after a write, so the running platform answers with the new units.
 */
export class UnitImportService {
  constructor(
    private readonly db: Queryable,
    private readonly directory: Pick<UnitDirectory, 'refresh'>,
  ) {}

  async import(
    sources: GeoJsonSource | readonly GeoJsonSource[],
    options: UnitImportRequest = {},
  ): Promise<UnitImportOutcome> {
    const outcome = await importUnits(this.db, sources, {
      ...options,
      codeTable: await loadSeedUnits(),
    });
    if (outcome.ok && !outcome.dryRun) await this.directory.refresh();
    return outcome;
  }
}
