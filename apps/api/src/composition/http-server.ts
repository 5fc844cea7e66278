import { resolve } from 'node:path';
import type { NestApplicationOptions, Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { WsAdapter } from '@nestjs/platform-ws';
import type { ApiConfig } from '@ioc/config';
import { AppModule } from '../app.module';
import { installHttpHardening, mediaOrigins } from '../auth/http-hardening';
import type { RouteRegistry } from '../auth/route-registry';
import { QuietLogger } from '../common/quiet.logger';
import {
  installOpenDataLimits,
  isOpenDataPath,
  type OpenDataLimits,
} from '../opendata/open-data-limits';
import { registerBodyParsers } from '../common/raw-body.parser';
import { portTakenMessage } from './port-check';
import { serveWebApp } from './static-web';
import compress from '@fastify/compress';
import multipart from '@fastify/multipart';
import { constants as zlib } from 'node:zlib';
import { MULTIPART_LIMITS } from '../tasks/progress-form';

/**
 * The request line and headers may take 256 KiB (Node's default is 16 KiB): a SensorThings
 * `$filter` with a ward's polygon travels in the URL, and most wards' boundaries, written out
 * in WKT and percent-encoded, take 20–120 KB (Đà Nẵng's largest at full precision ~121 KB).
 * Bodies may already be larger (bodyLimit), so this buffers nothing a client could not already.
 */
export const MAX_HEADER_BYTES = 256 * 1024;

export interface HttpServer {
  app: NestFastifyApplication;
  port: number;
}

/** The Nest edge on Fastify: hardening hooks, our body parsers, /ws, the web app, then listen. */
export async function startHttpServer(
  config: ApiConfig,
  services: Provider[],
  opts: { routes: RouteRegistry; openDataLimits: OpenDataLimits; embeddedWallPath: string | null },
): Promise<HttpServer> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.INGEST_MAX_PAYLOAD_BYTES * 4,
    trustProxy: config.TRUST_PROXY,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
  });
  installHttpHardening(adapter.getInstance(), {
    corsOrigins: config.CORS_ORIGINS ?? [],
    routes: opts.routes,
    isOpenRead: isOpenDataPath,
    mediaOrigins: mediaOrigins([config.MEDIA_HLS_URL, config.MEDIA_WHEP_URL]),
  });
  // Before any route: a refused open-data request costs no guard, controller or query.
  installOpenDataLimits(adapter.getInstance(), opts.openDataLimits);
  // Nest types its options as a class but reads them as a plain object.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const appOptions: NestApplicationOptions = {
    // Body parsing is ours (raw bytes for ingest routes), see raw-body.parser.ts.
    bodyParser: false,
    logger:
      config.LOG_LEVEL === 'debug'
        ? ['error', 'warn', 'log', 'debug']
        : new QuietLogger({
            logLevels: config.LOG_LEVEL === 'info' ? ['error', 'warn', 'log'] : ['error', 'warn'],
          }),
  };
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.with(services),
    adapter,
    appOptions,
  );
  app.useWebSocketAdapter(new WsAdapter(app));
  // Text responses (the web app's bundles, JSON, GeoJSON, CSV) compressed for whoever accepts it:
  // a tablet on 4G loads the app in a quarter of the bytes. Brotli at a middle quality, since most
  // answers are made per request; bodies under 1 KiB and binary media go as they are.
  await app
    .getHttpAdapter()
    .getInstance()
    .register(compress, {
      encodings: ['br', 'gzip'],
      threshold: 1024,
      brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
    });
  registerBodyParsers(app.getHttpAdapter().getInstance());
  // multipart/form-data for evidence files of task progress, read in memory within these limits
  // (the handler turns a refusal into the API's 400; see tasks/progress-form.ts).
  await app.getHttpAdapter().getInstance().register(multipart, { limits: MULTIPART_LIMITS });
  await serveWebApp(app, resolve(config.WEB_DIST_DIR), {
    embeddedWallPath: opts.embeddedWallPath,
  });
  app.enableShutdownHooks();
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (err) {
    await app.close().catch(() => undefined);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(portTakenMessage(config.PORT));
    }
    throw err;
  }
  return { app, port: (app.getHttpServer().address() as { port: number }).port };
}
