import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
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
  plugins: [
    react(),
    // The tablet is an installable PWA. Workbox precaches the app shell (HTML, the entry and
    // tablet chunks, CSS, the Vietnamese/Latin fonts, icons) so /tablet opens with the network
    // off; the tablet keeps its own data snapshot (src/features/tablet/model/snapshot.ts). The
    // worker's scope is /tablet (registered in src/features/tablet/model/pwa.ts): the wall and
    // admin pages are never served from it, and /api, /ws and /metrics are never cached by it.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: false,
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      // The icons are precached by the glob patterns below; listing them again would duplicate.
      includeManifestIcons: false,
      manifest: {
        id: '/tablet',
        name: 'IOC — Phường, xã của tôi',
        short_name: 'IOC phường, xã',
        description:
          'Chỉ tiêu Nghị quyết 57, dịch vụ công, cảnh báo và thiết bị của phường, xã — dành cho lãnh đạo phường, xã.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/tablet',
        scope: '/tablet',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0b4f8a',
        background_color: '#eef2f6',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // Fonts: only the Vietnamese and Latin subsets (woff2) the UI uses. The wall's map
        // chunks (MapLibre, deck.gl: megabytes) stay out; a tablet never needs them offline.
        globPatterns: ['**/*.{js,css,html,svg,png}', '**/*-{vietnamese,latin}-*.woff2'],
        globIgnores: [
          '**/*.map',
          'sw.js',
          'push-sw.js',
          'workbox-*.js',
          '**/WallPage-*',
          '**/maplibre-*',
        ],
        // The Web Push handlers (public/push-sw.js): shown notifications, a click opens the alert.
        importScripts: ['/push-sw.js'],
        maximumFileSizeToCacheInBytes: 600_000,
        navigateFallback: '/index.html',
        navigateFallbackAllowlist: [/^\/tablet(?:\/|$|\?)/],
        navigateFallbackDenylist: [/^\/api\//, /^\/ws/, /^\/metrics/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        // No runtimeCaching: API responses are never cached by the worker.
        runtimeCaching: [],
      },
      devOptions: { enabled: false },
    }),
  ],
  resolve: { alias },
  build: {
    outDir: resolve(repoRoot, 'dist/ioc-web'),
    emptyOutDir: true,
    sourcemap: true,
    // MapLibre and deck.gl are large by nature; they live in the lazily loaded wall chunk.
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      // The contracts' modules only declare schemas (zod), with no effect a page relies on: a
      // module whose exports a chunk does not use is left out of it. Without this every page
      // built the whole route table's schemas at start (~190 ms of script on a tablet's CPU).
      treeshake: {
        moduleSideEffects: (id) => !id.startsWith(resolve(repoRoot, 'libs/contracts/src')),
      },
      output: {
        // The shared chunk holding MapLibre is named for it, not after whichever of its modules
        // the bundler picks (it was mapStyle-*, then bounds-* once the admin map read the
        // basemap): the service worker's precache leaves it out by this name.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => id.includes('/node_modules/maplibre-gl/'))
            ? 'assets/maplibre-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
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
