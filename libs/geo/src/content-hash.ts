import { createHash } from 'node:crypto';
import type { UnitRecord } from './types';

/**
 * A digest of every field an import writes. Key order is fixed here rather than taken from the
 * object, so the same unit hashes the same whichever code path built it.
 */
export function unitContentHash(u: UnitRecord): string {
  const canonical = [
    u.code,
    u.name,
    u.shortName,
    u.nameEn,
    u.level,
    u.parentCode,
    u.label,
    u.areaKm2,
    u.population,
    u.approximate,
    u.geometry?.coordinates ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
