import { parseArgs } from 'node:util';
import { DomainError } from '@ioc/contracts';
import { readGeoJsonPaths, type FieldMappingInput, type UnitImportService } from '@ioc/geo';

type Print = (line: string) => void;

/**
 * `ioc units import <file|dir>… [--dry-run] [--parent 48] [--map code=ma_xa,name=ten_xa]`:
 * every feature valid or nothing written; re-import is an idempotent upsert.
 */
export async function importUnitsCommand(
  importer: UnitImportService,
  args: string[],
  print: Print,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'dry-run': { type: 'boolean' },
      parent: { type: 'string' },
      map: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0)
    throw new DomainError(
      'invalid',
      'UNITS_IMPORT_NO_INPUT',
      'give one or more GeoJSON files or folders',
    );
  const sources = await readGeoJsonPaths(positionals);
  const mapping = parseMapping(values.map);
  const outcome = await importer.import(sources, {
    dryRun: values['dry-run'] ?? false,
    ...(values.parent ? { parentCode: values.parent } : {}),
    ...(mapping ? { mapping } : {}),
  });
  if (!outcome.ok) {
    for (const e of outcome.errors) {
      print(
        `  ${e.source} #${e.featureIndex}${e.code ? ` (${e.code})` : ''}: ${e.reason} — ${e.message}`,
      );
    }
    print(`${outcome.errors.length} feature(s) refused; nothing was imported.`);
    return 1;
  }
  if (outcome.dryRun) {
    const d = outcome.diff;
    print(
      `dry run: ${outcome.units} unit(s) — would insert ${d.inserted.length}, update ${d.updated.length}, leave ${d.unchanged.length} unchanged`,
    );
    if (d.inserted.length > 0) print(`  insert: ${d.inserted.join(' ')}`);
    if (d.updated.length > 0) print(`  update: ${d.updated.join(' ')}`);
    return 0;
  }
  const c = outcome.counts;
  print(
    `imported ${outcome.units} unit(s): ${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged`,
  );
  print('Running platforms pick up the new units on restart.');
  return 0;
}

function parseMapping(spec: string | undefined): FieldMappingInput | undefined {
  if (!spec) return undefined;
  const out: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const [k, v] = pair.split('=').map((s) => s.trim());
    if (!k || !v)
      throw new DomainError(
        'invalid',
        'UNITS_IMPORT_MAPPING',
        `--map expects key=property pairs, got "${pair}"`,
      );
    out[k] = v;
  }
  return out;
}
