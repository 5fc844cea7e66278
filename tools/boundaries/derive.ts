/**
 * `npm run boundaries:derive [-- <wards.geojson> [<province code>]]`: makes the ward boundaries
 * the platform ships for a province (libs/geo/seed/boundaries/<code>.wards.geojson) from the
 * public boundary data beside the repository (../shared/data/boundaries, MIT), with the
 * platform's own topology-aware simplification. The result is imported back before it is
 * written, so a file the platform would refuse is never shipped. Source and licence: NOTICE.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  areaKm2,
  deriveShippedBoundaries,
  importGeoJson,
  importGeoJsonPaths,
  loadSeedUnits,
  SHIPPED_BOUNDARIES_DIR,
} from '@ioc/geo';

const root = resolve(import.meta.dirname, '../..');
const source = resolve(
  root,
  process.argv[2] ?? '../shared/data/boundaries/48_da_nang.wards.geojson',
);
const province = process.argv[3] ?? '48';

const seed = await loadSeedUnits();
const imported = await importGeoJsonPaths([source], { codeTable: seed });
if (!imported.ok) {
  console.error(`${source} was refused:`, imported.errors.slice(0, 5));
  process.exit(1);
}
const units = imported.units.filter((u) => u.parentCode === province);
const derived = deriveShippedBoundaries(units);
const check = importGeoJson([{ name: 'derived', data: derived }], { codeTable: seed });
if (!check.ok) {
  console.error('the derived file would be refused:', check.errors.slice(0, 5));
  process.exit(1);
}

// One feature per line: a re-derivation shows up in a diff unit by unit.
const text = `{"type":"FeatureCollection","features":[\n${derived.features
  .map((f) => JSON.stringify(f))
  .join(',\n')}\n]}\n`;
await mkdir(SHIPPED_BOUNDARIES_DIR, { recursive: true });
const out = resolve(SHIPPED_BOUNDARIES_DIR, `${province}.wards.geojson`);
await writeFile(out, text);

const before = new Map(units.map((u) => [u.code, areaKm2(u.geometry)]));
const worst = derived.features
  .map((f) => {
    const a = before.get(f.properties.code) ?? 0;
    return { code: f.properties.code, change: Math.abs(areaKm2(f.geometry) - a) / a };
  })
  .sort((a, b) => b.change - a.change)[0];
const vertices = (fc: { features: { geometry: { coordinates: number[][][][] } }[] }): number =>
  fc.features.reduce(
    (s, f) => s + f.geometry.coordinates.flat().reduce((n, ring) => n + ring.length, 0),
    0,
  );
console.log(
  `${out}: ${derived.features.length} units, ${vertices(derived)} vertices (source ${vertices({
    features: units,
  })}), ${(text.length / 1024).toFixed(0)} KiB; largest area change ${worst?.code ?? '-'} ${((worst?.change ?? 0) * 100).toFixed(2)}%`,
);
