import { existsSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const APP_ROUTES = [
  '/',
  '/wall',
  '/tablet',
  '/admin',
  '/reports',
  '/login',
  '/phan-anh',
  '/xu-ly-phan-anh',
  '/du-lieu-mo',
];

/** Files a browser must revalidate on every load: a stale service worker or shell pins old code. */
const REVALIDATE = new Set([
  'index.html',
  'sw.js',
  'push-sw.js',
  'registerSW.js',
  'manifest.webmanifest',
]);

/**
 * Cache-Control for a built file: the HTML shell, the service worker and the web manifest are
 * revalidated every time (a tablet must pick up a new version); content-hashed files under
 * assets/ never change and are cached for a year; anything else (icons) for an hour.
 */
export function cachePolicy(path: string): string | null {
  if (REVALIDATE.has(basename(path))) return 'no-cache';
  if (path.includes(`${sep}assets${sep}`) || path.startsWith(`assets${sep}`))
    return 'public, max-age=31536000, immutable';
  return null;
}

/** Serves the built web app; client-side routes fall back to index.html. */
export async function serveWebApp(
  app: NestFastifyApplication,
  distDir: string,
  opts: { embeddedWallPath?: string | null } = {},
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const wallPath = opts.embeddedWallPath;
  if (wallPath) {
    // Embedded demo only: someone on this very machine opening the bare /wall gets the demo
    // wall's display token (they could read it from DATA_DIR anyway). Remote screens must be
    // given a token explicitly.
    fastify.addHook('onRequest', (req, reply, done) => {
      // A local reverse proxy connects from 127.0.0.1 too: a request it relays (any forwarding
      // header) comes from elsewhere and gets no token.
      const relayed =
        req.headers['x-forwarded-for'] !== undefined ||
        req.headers.forwarded !== undefined ||
        req.headers['x-real-ip'] !== undefined;
      const local =
        !relayed &&
        (req.socket.remoteAddress === '127.0.0.1' ||
          req.socket.remoteAddress === '::1' ||
          req.socket.remoteAddress === '::ffff:127.0.0.1');
      if (
        local &&
        req.method === 'GET' &&
        (req.url === '/wall' || req.url === '/' || req.url === '/wall/')
      ) {
        void reply.redirect(wallPath, 302);
        return;
      }
      done();
    });
  }
  if (!existsSync(join(distDir, 'index.html'))) {
    for (const route of APP_ROUTES) {
      fastify.get(route, (_req, reply) => {
        void reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send(`The web app is not built (${distDir} missing). Run: npm run build:web`);
      });
    }
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    wildcard: false,
    index: false,
    maxAge: '1h',
    setHeaders: (reply, path) => {
      const policy = cachePolicy(path);
      if (policy) void reply.header('cache-control', policy);
    },
  });
  for (const route of APP_ROUTES) {
    fastify.get(route, (_req, reply) => {
      void reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
    if (route !== '/') {
      fastify.get(`${route}/*`, (_req, reply) => {
        void reply.header('cache-control', 'no-cache').sendFile('index.html');
      });
    }
  }
}
