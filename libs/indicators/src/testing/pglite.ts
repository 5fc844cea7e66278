import { DomainError } from '@ioc/contracts';
import { createMigratedPglite, type DisposableDb } from '@ioc/db';
import { loadCatalogue } from '../catalogue/load';
import { CatalogueRepository } from '../repo/catalogue.repository';
import type { IndicatorUnits } from '../units';
import { fixtureLookup, fixtureUnits } from './fixtures';

// Test-only: an in-process PostgreSQL with every migration and the fixture units of Đà Nẵng (48)
// and Đồng Nai (75), so the services' repositories run against real SQL semantics.

export type TestDb = DisposableDb;

/** With `catalogue`, the seed catalogue (153 indicators, 408 targets) is stored too. */
export async function createTestDb(options: { catalogue?: boolean } = {}): Promise<TestDb> {
  const db = await createMigratedPglite();
  await db.query(
    `INSERT INTO admin_unit (code, name, short_name, level, parent_code, name_folded)
     SELECT code, name, name, level, parent_code, name FROM jsonb_to_recordset($1::jsonb)
       AS u(code text, name text, level text, parent_code text)`,
    [
      JSON.stringify(
        fixtureUnits().map((u) => ({
          code: u.code,
          name: u.name,
          level: u.level,
          parent_code: u.parentCode,
        })),
      ),
    ],
  );
  if (options.catalogue === true) await new CatalogueRepository(db).seed(loadCatalogue());
  return db;
}

/** The IndicatorUnits port over the fixture units, counting how often the tree was asked for. */
export function fixtureIndicatorUnits(): IndicatorUnits & { calls: number } {
  const lookup = fixtureLookup();
  const units = {
    calls: 0,
    snapshot: () => {
      units.calls++;
      return Promise.resolve(lookup);
    },
  };
  return units;
}

/** The DomainError a call rejects with, to assert its kind and code. */
export async function failure(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => new Error('expected a DomainError'),
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw err;
  return err;
}
