import 'reflect-metadata';
import { writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger, type NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { WsAdapter } from '@nestjs/platform-ws';
import { Registry, collectDefaultMetrics } from 'prom-client';
import type { ApiConfig } from '@ioc/config';
import {
  DeadLetterPruner,
  DeadLetterRepository,
  DeadLetterSink,
  DeviceDirectory,
  DeviceRegistrationService,
  DeviceRepository,
  IngestMetrics,
  IngestService,
  MetricCatalogue,
  ReadingWriter,
} from '@ioc/ingest';
import { LiveHub, WallConfigService } from '@ioc/live';
import type { AuditActor } from '@ioc/auth';
import { getIndicator } from '@ioc/indicators';
import { AppModule } from '../app.module';
import { createAuthContext } from '../auth/auth.context';
import { prepareFirstRun } from '../auth/first-run';
import { installHttpHardening } from '../auth/http-hardening';
import { registerBodyParsers } from '../common/raw-body.parser';
import { QuietLogger } from '../common/quiet.logger';
import { startLiveOperations } from '../live/live-operations';
import { UnitsService } from '../units/units.service';
import { openMqttIngest } from './broker';
import { openDatabase } from './database';
import { seedDemo } from './demo-seed';
import { seedDemoAlertRules } from './demo-alert-rules';
import { IndicatorsService } from '../indicators/indicators.service';
import { seedIndicators } from '../indicators/indicators.seed';
import { startSimulator, type Simulator } from './simulator';
import type { PlatformContext } from './platform.context';
import { serveWebApp } from './static-web';

export interface RunningPlatform {
  ctx: PlatformContext;
  httpUrl: string;
  mqttUrl: string;
  /** One-time token creating the first administrator (embedded, while none exists); print it. */
  setupToken: string | null;
  /** Wall URL with the demo display token (embedded demo only). */
  wallUrl: string | null;
  stop(): Promise<void>;
}

const log = new Logger('platform');

/** Composition root: builds every service from the config, then hands them to the Nest edge. */
export async function startPlatform(config: ApiConfig): Promise<RunningPlatform> {
  const startedAt = new Date();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolMax: config.DB_POOL_MAX,
  });
  if (db.applied.length > 0) log.log(`migrations applied: ${db.applied.join(', ')}`);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = new IngestMetrics(registry);

  const units = new UnitsService(db.pool);
  const devices = new DeviceRepository(db.pool);
  if (config.SEED_DEMO)
    await seedDemo(db.pool, {
      dataDir: config.DATA_DIR,
      province: config.IOC_PROVINCE,
      boundaries: config.IOC_BOUNDARIES,
    });
  await units.load();
  const indicatorSeed = await seedIndicators(db.pool, {
    province: config.IOC_PROVINCE,
    demo: config.SEED_DEMO,
  });
  if (
    indicatorSeed.catalogue.indicators + indicatorSeed.catalogue.targets > 0 ||
    indicatorSeed.demo
  ) {
    log.log(
      `indicators: catalogue +${indicatorSeed.catalogue.indicators} indicators, +${indicatorSeed.catalogue.targets} targets; demo reports: ${indicatorSeed.demo?.rows ?? 0} rows`,
    );
  }
  const auth = createAuthContext(db.pool, units, config);

  const directory = new DeviceDirectory(devices);
  const deadLetterRepo = new DeadLetterRepository(db.pool);
  const deadLetters = new DeadLetterSink(deadLetterRepo);
  const deadLetterPruner = new DeadLetterPruner(deadLetterRepo, {
    maxAgeDays: config.DEADLETTER_MAX_AGE_DAYS,
    maxRows: config.DEADLETTER_MAX_ROWS,
    intervalMs: config.DEADLETTER_PRUNE_INTERVAL_S * 1000,
  });
  deadLetterPruner.start();
  const indicators = new IndicatorsService(db.pool, deadLetterRepo, { registry });
  const catalogue = await MetricCatalogue.load(db.pool);
  const writer = new ReadingWriter(db.pool, {
    mode: db.storage,
    batchSize: config.WRITER_BATCH_SIZE,
    maxLatencyMs: config.WRITER_MAX_LATENCY_MS,
    bufferLimit: config.WRITER_BUFFER_LIMIT,
  });
  const ingest = new IngestService({
    devices: directory,
    catalogue,
    writer,
    deadLetters,
    metrics,
    limits: {
      maxPayloadBytes: config.INGEST_MAX_PAYLOAD_BYTES,
      maxAgeMs: config.INGEST_MAX_AGE_DAYS * 86_400_000,
      maxFutureMs: 5 * 60_000,
    },
    // Mobile devices (vessels) are placed in a unit per reading; null when offshore.
    locate: (lon, lat) => units.locate(lon, lat),
  });
  const hub = new LiveHub();
  hub.start();
  const live = await startLiveOperations({
    pool: db.pool,
    storage: db.storage,
    hub,
    units,
    directory,
    busDatabaseUrl: db.embedded ? null : db.url,
  });
  indicators.onReportSaved = (changes) => {
    live.indicatorChanged(changes);
  };
  if (config.SEED_DEMO && config.SIMULATOR) {
    // Only with the simulator: its hotspot stations and tides are what these rules are tuned to.
    const rules = await seedDemoAlertRules(live.alerts);
    if (rules.length > 0) log.log(`demo alert rules: ${rules.join(', ')}`);
  }
  writer.on('batch', ({ size, inserted, ms }) => {
    metrics.batchSize.observe(size);
    metrics.writeLatency.observe(ms / 1000);
    metrics.stored.inc(inserted);
    metrics.duplicates.inc(size - inserted);
  });
  writer.on('stored', (rows) => {
    const newest = rows.reduce((m, r) => Math.max(m, r.time.getTime()), 0);
    metrics.consumerLag.set(Math.max(0, (Date.now() - newest) / 1000));
    live.onStored(rows);
  });
  writer.on('writeError', (err) => {
    log.warn(`database write failed, buffering (${writer.snapshot.buffered} rows): ${err.message}`);
  });

  const broker = await openMqttIngest({
    mqttUrl: config.MQTT_URL,
    username: config.MQTT_USERNAME,
    password: config.MQTT_PASSWORD,
    port: config.MQTT_PORT,
    clientId: config.MQTT_CLIENT_ID,
    sharedGroup: config.MQTT_SHARED_GROUP,
    directory,
    ingest,
    // Resume once the writer has drained to half its buffer (works for any buffer/batch sizes).
    hasRoom: () => writer.hasRoom(),
    warn: (message) => {
      log.warn(message);
    },
  });
  const gauge = setInterval(() => {
    metrics.bufferDepth.set(writer.snapshot.buffered);
    metrics.readingStopped.set(broker.readingStopped() ? 1 : 0);
  }, 1000);
  gauge.unref();

  const registration = new DeviceRegistrationService<AuditActor>({
    repo: devices,
    geo: { locate: (lon, lat) => units.locate(lon, lat), exists: (code) => units.exists(code) },
    audit: auth.audit,
    onChanged: (id, { tokenChanged }) => {
      directory.invalidate(id);
      // The embedded broker checks tokens at CONNECT; sessions opened with the old token end now.
      if (tokenChanged) broker.disconnectUser(id);
    },
  });
  const wall = new WallConfigService(db.pool, {
    units,
    metricExists: (code) => catalogue.get(code) !== undefined,
    indicatorExists: async (code) => (await getIndicator(db.pool, code)) !== null,
    audit: auth.audit,
    onChanged: (config) => {
      live.wallChanged(config);
    },
  });

  const ctx: PlatformContext = {
    config,
    pool: db.pool,
    storage: db.storage,
    broker: { kind: broker.kind, url: broker.url, port: broker.port },
    migrationVersion: db.migrationVersion,
    startedAt,
    devices,
    directory,
    registration,
    wall,
    deadLetters: deadLetterRepo,
    catalogue,
    writer,
    ingest,
    hub,
    live,
    units,
    indicators,
    registry,
    auth,
    brokerConnected: () => broker.connected(),
  };
  const firstRun = await prepareFirstRun(auth, {
    embedded: db.embedded !== undefined,
    seedDemo: config.SEED_DEMO,
    dataDir: config.DATA_DIR,
    province: config.IOC_PROVINCE,
  });

  const adapter = new FastifyAdapter({
    bodyLimit: config.INGEST_MAX_PAYLOAD_BYTES * 4,
    trustProxy: config.TRUST_PROXY,
  });
  installHttpHardening(adapter.getInstance(), {
    corsOrigins: config.CORS_ORIGINS ?? [],
    enforce: config.AUTH_ENFORCE,
    routes: auth.routes,
  });
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
    AppModule.forPlatform(ctx),
    adapter,
    appOptions,
  );
  app.useWebSocketAdapter(new WsAdapter(app));
  registerBodyParsers(app.getHttpAdapter().getInstance());
  await serveWebApp(app, resolve(config.WEB_DIST_DIR), {
    embeddedWallPath: db.embedded ? firstRun.wallPath : null,
  });
  app.enableShutdownHooks();
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (err) {
    await broker.stop();
    await live.stop();
    await db.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `HTTP port ${config.PORT} is already in use: set PORT to a free port (e.g. PORT=8081 npm start)`,
      );
    }
    throw err;
  }
  const httpPort = (app.getHttpServer().address() as { port: number }).port;
  const httpUrl = `http://localhost:${httpPort}`;

  let simulator: Simulator | undefined;
  if (config.SIMULATOR && config.SEED_DEMO) {
    simulator = startSimulator({
      mqttUrl: broker.url,
      dataDir: config.DATA_DIR,
      intervalMs: config.SIMULATOR_INTERVAL_MS,
    });
  }

  const runtimeFile = join(config.DATA_DIR, 'runtime.json');
  if (db.embedded) {
    // Lets the `ioc` CLI reach the running embedded database instead of opening the files twice.
    writeFileSync(
      runtimeFile,
      JSON.stringify(
        { pid: process.pid, databaseUrl: db.url, mqttUrl: broker.url, httpUrl },
        null,
        2,
      ),
    );
  }

  let stopped = false;
  return {
    ctx,
    httpUrl,
    mqttUrl: broker.kind === 'embedded' ? `mqtt://localhost:${broker.port ?? 0}` : broker.url,
    setupToken: firstRun.setupToken,
    wallUrl: firstRun.wallPath ? `${httpUrl}${firstRun.wallPath}` : null,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(gauge);
      await deadLetterPruner.stop();
      await simulator?.stop();
      // Order matters: stop taking messages, flush what was acknowledged, then close storage.
      await broker.stop();
      await app.close();
      hub.stop();
      await writer.close();
      await live.stop();
      await deadLetters.close();
      if (db.embedded) rmSync(runtimeFile, { force: true });
      await db.close();
    },
  };
}
