/**
 * Regenerates libs/indicators/seed/catalogue.json from the research catalogue:
 *   node --import tsx libs/indicators/scripts/convert-catalogue.ts <path to shared/data/indicators/catalogue.json>
 * Run it when shared/data/indicators/catalogue.json changes, then review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { convertUpstreamCatalogue } from '../src/catalogue/upstream';

const arg = process.argv[2];
if (arg === undefined) {
  console.error('usage: convert-catalogue.ts <path to shared/data/indicators/catalogue.json>');
  process.exit(2);
}
const upstream = resolve(arg);
const out = resolve(import.meta.dirname, '../seed/catalogue.json');
const catalogue = convertUpstreamCatalogue(
  JSON.parse(readFileSync(upstream, 'utf8')),
  'shared/data/indicators/catalogue.json',
);
writeFileSync(out, `${JSON.stringify(catalogue, null, 2)}\n`);
console.log(
  `Wrote ${out}: ${catalogue.sources.length} sources, ${catalogue.indicators.length} indicators, ${catalogue.targets.length} targets`,
);
