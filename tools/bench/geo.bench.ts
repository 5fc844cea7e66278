/**
 * Geo benchmark: boundary import + validation of the real Đà Nẵng (48) and Đồng Nai (75) ward
 * files, then point → unit lookups with the spatial index against a brute-force scan of every
 * polygon over the same points. No database needed.
 *
 *   node --import tsx tools/bench/geo.bench.ts
 */
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  importGeoJson,
  loadSeedUnits,
  readGeoJsonFile,
  UnitIndex,
  type ImportedUnit,
  type MultiPolygon,
} from '@ioc/geo';

const BOUNDARIES = resolve(import.meta.dirname, '../../../shared/data/boundaries');
const PROVINCES = [
  { code: '48', file: '48_da_nang.wards.geojson', name: 'Đà Nẵng' },
  { code: '75', file: '75_dong_nai.wards.geojson', name: 'Đồng Nai' },
] as const;
const POINTS = 100_000;

export interface GeoBenchResult {
  imports: {
    province: string;
    units: number;
    vertices: number;
    readMs: number;
    validateMs: number;
  }[];
  indexBuildMs: number;
  lookups: {
    label: string;
    points: number;
    hits: number;
    indexPerSec: number;
    brutePerSec: number;
    ratio: number;
    disagreements: number;
  }[];
}

export async function runGeoBench(): Promise<GeoBenchResult> {
  const seed = await loadSeedUnits();
  const units: ImportedUnit[] = [];
  const imports: GeoBenchResult['imports'] = [];
  // One untimed pass first, so the table shows steady-state cost rather than JIT warm-up.
  importGeoJson(await readGeoJsonFile(resolve(BOUNDARIES, PROVINCES[0].file)), { codeTable: seed });
  for (const p of PROVINCES) {
    let t = performance.now();
    const source = await readGeoJsonFile(resolve(BOUNDARIES, p.file));
    const readMs = performance.now() - t;
    t = performance.now();
    const result = importGeoJson(source, { codeTable: seed });
    const validateMs = performance.now() - t;
    if (!result.ok)
      throw new Error(`${p.file} refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
    units.push(...result.units);
    imports.push({
      province: `${p.code} ${p.name}`,
      units: result.units.length,
      vertices: result.units.reduce((n, u) => n + vertexCount(u.geometry), 0),
      readMs,
      validateMs,
    });
  }

  let t = performance.now();
  const index = UnitIndex.build(units);
  const indexBuildMs = performance.now() - t;
  const brute = new BruteForce(units);

  const rand = mulberry32(20_250_701);
  type Box = [number, number, number, number];
  const bbox = units.reduce<Box>(
    (b, u) => {
      const [x0, y0, x1, y1] = bboxOf(u.geometry);
      return [Math.min(b[0], x0), Math.min(b[1], y0), Math.max(b[2], x1), Math.max(b[3], y1)];
    },
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  const uniform = new Float64Array(POINTS * 2);
  for (let i = 0; i < POINTS; i++) {
    uniform[2 * i] = bbox[0] + rand() * (bbox[2] - bbox[0]);
    uniform[2 * i + 1] = bbox[1] + rand() * (bbox[3] - bbox[1]);
  }
  // Points drawn from the wards' own boxes: most land in a ward, the case that costs most.
  const inWards = new Float64Array(POINTS * 2);
  const boxes = units.map((u) => bboxOf(u.geometry));
  for (let i = 0; i < POINTS; i++) {
    const b = boxes[Math.floor(rand() * boxes.length)]!;
    inWards[2 * i] = b[0] + rand() * (b[2] - b[0]);
    inWards[2 * i + 1] = b[1] + rand() * (b[3] - b[1]);
  }

  const lookups: GeoBenchResult['lookups'] = [];
  for (const [label, pts] of [
    [`uniform in combined bbox [${bbox.map((v) => v.toFixed(2)).join(', ')}]`, uniform],
    ['uniform in random wards’ bboxes', inWards],
  ] as const) {
    // A warm-up pass so both methods run JIT-compiled code.
    run(pts, 2_000, (x, y) => index.locate(x, y));
    run(pts, 2_000, (x, y) => brute.locate(x, y));
    t = performance.now();
    const fromIndex = run(pts, POINTS, (x, y) => index.locate(x, y));
    const indexMs = performance.now() - t;
    t = performance.now();
    const fromBrute = run(pts, POINTS, (x, y) => brute.locate(x, y));
    const bruteMs = performance.now() - t;
    let disagreements = 0;
    for (let i = 0; i < POINTS; i++) if (fromIndex[i] !== fromBrute[i]) disagreements++;
    lookups.push({
      label,
      points: POINTS,
      hits: fromIndex.filter((c) => c !== null).length,
      indexPerSec: (POINTS / indexMs) * 1000,
      brutePerSec: (POINTS / bruteMs) * 1000,
      ratio: bruteMs / indexMs,
      disagreements,
    });
  }
  return { imports, indexBuildMs, lookups };
}

export function formatGeoBench(r: GeoBenchResult): string {
  const n = (v: number, digits = 0): string =>
    v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const lines = [
    `geo bench — node ${process.version}, ${cpus().length} CPU(s)`,
    '',
    'import + validation (real ward files, warm)',
    `  ${'province'.padEnd(12)} ${'units'.padStart(5)} ${'vertices'.padStart(9)} ${'read+parse'.padStart(11)} ${'validate'.padStart(9)}`,
    ...r.imports.map(
      (i) =>
        `  ${i.province.padEnd(12)} ${String(i.units).padStart(5)} ${n(i.vertices).padStart(9)} ${`${n(i.readMs)} ms`.padStart(11)} ${`${n(i.validateMs)} ms`.padStart(9)}`,
    ),
    '',
    `point → unit, index build ${n(r.indexBuildMs)} ms (${n(r.imports.reduce((s, i) => s + i.units, 0))} leaf units)`,
  ];
  for (const l of r.lookups) {
    lines.push(
      `  ${n(l.points)} points ${l.label}; ${((100 * l.hits) / l.points).toFixed(1)}% in a unit`,
      `    ${'flatbush + banded PIP'.padEnd(24)} ${n(l.indexPerSec).padStart(11)} lookups/s`,
      `    ${'brute-force scan'.padEnd(24)} ${n(l.brutePerSec).padStart(11)} lookups/s`,
      `    ${'ratio (index / brute)'.padEnd(24)} ${`${n(l.ratio, 1)}×`.padStart(11)}   disagreements: ${l.disagreements}`,
    );
  }
  return lines.join('\n');
}

/**
 * The baseline: every unit in code order, each polygon's box then an even-odd ray cast over all
 * its rings; the first unit found is the lowest code, the index's tie rule.
 */
class BruteForce {
  private readonly units: { code: string; parts: { box: number[]; rings: number[][][] }[] }[];

  constructor(units: readonly ImportedUnit[]) {
    this.units = [...units]
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((u) => ({
        code: u.code,
        parts: u.geometry.coordinates.map((rings) => ({
          box: bboxOf({ type: 'MultiPolygon', coordinates: [rings] }),
          rings,
        })),
      }));
  }

  locate(x: number, y: number): string | null {
    for (const u of this.units) {
      for (const { box, rings } of u.parts) {
        if (x < box[0]! || x > box[2]! || y < box[1]! || y > box[3]!) continue;
        let inside = false;
        for (const ring of rings) {
          for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            const [ax, ay] = ring[i] as [number, number];
            const [bx, by] = ring[j] as [number, number];
            if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
          }
        }
        if (inside) return u.code;
      }
    }
    return null;
  }
}

function run(
  pts: Float64Array,
  count: number,
  locate: (x: number, y: number) => string | null,
): (string | null)[] {
  const out: (string | null)[] = new Array<string | null>(count);
  for (let i = 0; i < count; i++) out[i] = locate(pts[2 * i]!, pts[2 * i + 1]!);
  return out;
}

function bboxOf(g: MultiPolygon): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of g.coordinates) {
    for (const [x, y] of poly[0] ?? []) {
      b[0] = Math.min(b[0], x!);
      b[1] = Math.min(b[1], y!);
      b[2] = Math.max(b[2], x!);
      b[3] = Math.max(b[3], y!);
    }
  }
  return b;
}

function vertexCount(g: MultiPolygon): number {
  return g.coordinates.reduce((n, poly) => n + poly.reduce((m, ring) => m + ring.length, 0), 0);
}

/** Deterministic PRNG: the same points on every run, so runs compare. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  console.log(formatGeoBench(await runGeoBench()));
}
