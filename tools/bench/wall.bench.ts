/**
 * Wall rendering benchmark: headless Chromium (software WebGL, as CI and thin clients run it)
 * renders (a) the wall's SceneMap — MapLibre + ward polygons + N live device points through the
 * same layer code the wall uses — and (b) a bare deck.gl ScatterplotLayer of the same points,
 * both applying the same deltas (a share of the devices gets a new value every frame). Frame
 * times are requestAnimationFrame deltas after a warm-up; the ratio ours / bare is the figure.
 *
 *   node --import tsx tools/bench/wall.bench.ts
 *   BENCH_WALL_POINTS=100000 BENCH_WALL_SECONDS=10 BENCH_WALL_SHARE=0.03 (defaults)
 */
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type {} from '../../apps/ioc-web/bench/benchResult';
import { benchEnv } from './support/env';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGE_ROOT = resolve(ROOT, 'apps/ioc-web/bench');
const CHROMIUM = benchEnv.chromium;
const POINTS = benchEnv.wallPoints;
const SECONDS = benchEnv.wallSeconds;
const SHARE = benchEnv.wallShare;
const WARDS = 200;
const WIDTH = 1920;
const HEIGHT = 1080;
/** A frame longer than 1.5 vsync intervals at 60 Hz missed its slot. */
const DROPPED_MS = 1.5 * (1000 / 60);

export interface FrameStats {
  mode: string;
  frames: number;
  p50: number;
  p95: number;
  p99: number;
  fps: number;
  dropped: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

export function frameStats(mode: string, frames: readonly number[]): FrameStats {
  const sorted = [...frames].sort((a, b) => a - b);
  const total = frames.reduce((s, f) => s + f, 0);
  return {
    mode,
    frames: frames.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    fps: total > 0 ? (frames.length * 1000) / total : 0,
    dropped: frames.length > 0 ? frames.filter((f) => f > DROPPED_MS).length / frames.length : 0,
  };
}

async function buildPage(outDir: string): Promise<void> {
  const base = JSON.parse(readFileSync(resolve(ROOT, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const alias = Object.fromEntries(
    Object.entries(base.compilerOptions.paths).map(([k, v]) => [k, resolve(ROOT, v[0] ?? '')]),
  );
  await build({
    configFile: false,
    root: PAGE_ROOT,
    base: '/',
    logLevel: 'warn',
    plugins: [react()],
    resolve: { alias },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000 },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
};

/** Static files only: the page's /api/v1/web-config gets a 404 and the map stays offline. */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"not_found","message":"bench server"}}');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    });
  });
}

export async function runWallBench(): Promise<FrameStats[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'ioc-wall-bench-'));
  await buildPage(outDir);
  const { server, url } = await serve(outDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
    ],
  });
  try {
    const out: FrameStats[] = [];
    for (const mode of ['ours', 'bare']) {
      const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const q = `mode=${mode}&points=${POINTS}&wards=${WARDS}&share=${SHARE}&seconds=${SECONDS}`;
      await page.goto(`${url}/index.html?${q}`);
      await page.waitForFunction(() => window.__bench !== undefined, undefined, {
        timeout: (SECONDS + 240) * 1000,
        polling: 500,
      });
      const result = await page.evaluate(() => window.__bench);
      if (errors.length > 0) throw new Error(`${mode}: ${errors.join('; ')}`);
      if (!result) throw new Error(`${mode}: no result`);
      out.push(frameStats(mode, result.frames));
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

export function formatWallBench(rows: readonly FrameStats[]): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const ours = rows.find((r) => r.mode === 'ours');
  const bare = rows.find((r) => r.mode === 'bare');
  const names: Record<string, string> = {
    ours: 'wall SceneMap',
    bare: 'bare ScatterplotLayer',
  };
  const lines = [
    `wall bench — ${POINTS.toLocaleString('en-US')} points, ${WARDS} ward polygons (wall only), ` +
      `${(SHARE * 100).toFixed(0)}% of points updated per frame, ${WIDTH}×${HEIGHT}, ` +
      `${SECONDS} s each; headless Chromium (SwiftShader), ${cpus().length} CPU(s)`,
    '',
    `  ${''.padEnd(22)} ${'frames'.padStart(7)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)} ${'fps'.padStart(6)} ${'dropped'.padStart(8)}`,
    ...rows.map(
      (r) =>
        `  ${(names[r.mode] ?? r.mode).padEnd(22)} ${String(r.frames).padStart(7)} ${ms(r.p50).padStart(9)} ${ms(r.p95).padStart(9)} ${ms(r.p99).padStart(9)} ${r.fps.toFixed(1).padStart(6)} ${`${(r.dropped * 100).toFixed(1)}%`.padStart(8)}`,
    ),
  ];
  if (ours && bare) {
    lines.push(
      '',
      `  ratio ours / bare: p50 ${(ours.p50 / bare.p50).toFixed(2)}×, p95 ${(ours.p95 / bare.p95).toFixed(2)}×, ` +
        `p99 ${(ours.p99 / bare.p99).toFixed(2)}×, dropped ${(ours.dropped * 100).toFixed(1)}% vs ${(bare.dropped * 100).toFixed(1)}%`,
    );
  }
  return lines.join('\n');
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  console.log(formatWallBench(await runWallBench()));
}
