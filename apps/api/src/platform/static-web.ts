import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const APP_ROUTES = ['/', '/wall', '/tablet', '/admin', '/login'];

/** Serves the built web app; client-side routes fall back to index.html. */
export async function serveWebApp(app: NestFastifyApplication, distDir: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
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
  await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: false, maxAge: '1h' });
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
