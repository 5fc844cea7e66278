/**
 * Regenerates libs/indicators/seed/catalogue.json from the research catalogue:
 *   node --import tsx libs/indicators/scripts/convert-catalogue.ts <path to shared/data/indicators/catalogue.json>
 * Run it when shared/data/indicators/catalogue.json changes, then review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
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
// Formatted as `prettier --write` would, so a regeneration diffs only in facts.
const options = (await resolveConfig(out)) ?? {};
writeFileSync(out, await format(JSON.stringify(catalogue), { ...options, filepath: out }));
console.log(
  `Wrote ${out}: ${catalogue.sources.length} sources, ${catalogue.indicators.length} indicators, ${catalogue.targets.length} targets`,
);
