import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const appRoot = import.meta.dirname;
const repoRoot = resolve(appRoot, '../..');

// Same @ioc/* aliases as tsconfig.base.json (mirrors vitest.config.ts), so the web app imports
// shared libs such as @ioc/contracts by their public index without a separate build step.
const base = JSON.parse(readFileSync(resolve(repoRoot, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const alias = Object.fromEntries(
  Object.entries(base.compilerOptions.paths).map(([k, v]) => [k, resolve(repoRoot, v[0] ?? '')]),
);

const apiTarget = 'http://localhost:8080';

export default defineConfig({
  root: appRoot,
  // Absolute base: the API serves index.html for /wall, /tablet, /admin and /login, so asset URLs
  // must not be relative to the route.
  base: '/',
  plugins: [react()],
  resolve: { alias },
  build: {
    outDir: resolve(repoRoot, 'dist/ioc-web'),
    emptyOutDir: true,
    sourcemap: true,
    // MapLibre and deck.gl are large by nature; they live in the lazily loaded wall chunk.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/ws': { target: apiTarget, ws: true, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/ws': { target: apiTarget, ws: true, changeOrigin: true },
    },
  },
});
