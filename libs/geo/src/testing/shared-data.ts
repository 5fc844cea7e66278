import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { importGeoJsonPaths } from '../geojson-files';
import { loadSeedUnits } from '../seed';
import type { ImportedUnit, UnitRecord } from '../types';

// Test-only: the real boundaries live outside the repository (they are not ours to ship) in
// ../shared/data next to the checkout. A missing folder fails the tests loudly rather than
// skipping them.

function repoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no nx.json above ${from}`);
    dir = up;
  }
  return dir;
}

export const SHARED_DATA_DIR = resolve(repoRoot(import.meta.dirname), '../shared/data');

export type RealProvince = '48_da_nang' | '75_dong_nai';

export function boundaryPath(province: RealProvince, kind: 'wards' | 'province'): string {
  return join(SHARED_DATA_DIR, 'boundaries', `${province}.${kind}.geojson`);
}

let seed: Promise<UnitRecord[]> | undefined;
const wards = new Map<RealProvince, Promise<ImportedUnit[]>>();

export function seedUnits(): Promise<UnitRecord[]> {
  seed ??= loadSeedUnits();
  return seed;
}

/** The real ward file imported once per test file (the module cache is per file in vitest). */
export function realWards(province: RealProvince): Promise<ImportedUnit[]> {
  let p = wards.get(province);
  if (!p) {
    p = seedUnits().then(async (codeTable) => {
      const r = await importGeoJsonPaths([boundaryPath(province, 'wards')], { codeTable });
      if (!r.ok)
        throw new Error(`real ${province} wards refused: ${JSON.stringify(r.errors.slice(0, 3))}`);
      return r.units;
    });
    wards.set(province, p);
  }
  return p;
}
