import type { Queryable } from '@ioc/db';
import { createUnitDirectory, type UnitDirectory, type UnitLevel } from '../units';

/** The units in force today (a unit retired by a merger has valid_to set and no longer reports). */
export async function loadUnitDirectory(db: Queryable): Promise<UnitDirectory> {
  const { rows } = await db.query<{
    code: string;
    level: UnitLevel;
    parent_code: string | null;
    name: string;
  }>(
    `SELECT code, level, parent_code, name FROM admin_unit
     WHERE valid_to IS NULL OR valid_to > current_date`,
  );
  return createUnitDirectory(
    rows.map((r) => ({ code: r.code, level: r.level, parentCode: r.parent_code, name: r.name })),
  );
}
