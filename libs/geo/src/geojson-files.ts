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
 * Reads every `.geojson`/`.json` file of a directory (one feature or one collection each), in
 * file-name order so feature indexes in error reports are stable between runs.
 */
export async function readGeoJsonDirectory(dir: string): Promise<GeoJsonSource[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && ['.geojson', '.json'].includes(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort();
  return Promise.all(files.map((f) => readGeoJsonFile(join(dir, f))));
}

/** Reads and imports GeoJSON files and/or directories of them in one all-or-nothing pass. */
export async function importGeoJsonPaths(
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const sources: GeoJsonSource[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) sources.push(...(await readGeoJsonDirectory(path)));
    else sources.push(await readGeoJsonFile(path));
  }
  return importGeoJson(sources, options);
}
