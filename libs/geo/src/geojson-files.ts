import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import {
  importGeoJson,
  type GeoJsonSource,
  type ImportOptions,
  type ImportResult,
} from './geojson-import';

/** Reads one GeoJSON file; a file that is not JSON becomes a source carrying its parse error. */
export async function readGeoJsonFile(path: string): Promise<GeoJsonSource> {
  const text = await readFile(path, 'utf8');
  const name = basename(path);
  try {
    return { name, data: JSON.parse(text) as unknown };
  } catch (err) {
    return { name, data: null, parseError: (err as Error).message };
  }
}

/**
 * Reads every `.geojson`/`.json` file of a directory and of its sub-directories (a province
 * file beside a `wards/` folder of one-feature files), in path order so feature indexes in
 * error reports are stable between runs.
 */
export async function readGeoJsonDirectory(dir: string): Promise<GeoJsonSource[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const sorted = [...entries].sort((a, b) => a.name.localeCompare(b.name));
  const out: GeoJsonSource[] = [];
  for (const e of sorted) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      for (const s of await readGeoJsonDirectory(path))
        out.push({ ...s, name: `${e.name}/${s.name}` });
    } else if (e.isFile() && ['.geojson', '.json'].includes(extname(e.name).toLowerCase())) {
      out.push(await readGeoJsonFile(path));
    }
  }
  return out;
}

/** Reads GeoJSON files and/or directories of them (recursively), in the order given. */
export async function readGeoJsonPaths(paths: readonly string[]): Promise<GeoJsonSource[]> {
  const sources: GeoJsonSource[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) sources.push(...(await readGeoJsonDirectory(path)));
    else sources.push(await readGeoJsonFile(path));
  }
  return sources;
}

/** Reads and imports GeoJSON files and/or directories of them in one all-or-nothing pass. */
export async function importGeoJsonPaths(
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  return importGeoJson(await readGeoJsonPaths(paths), options);
}
