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
  DeadLetterRepository,
  DeadLetterSink,
  DeviceDirectory,
  DeviceRepository,
  IngestMetrics,
  IngestService,
  MetricCatalogue,
  MqttCollector,
  ReadingWriter,
} from '@ioc/ingest';
import { LiveHub } from '@ioc/live';
import { AppModule } from '../app.module';
import { registerBodyParsers } from '../common/raw-body.parser';
import { fanOutReadings } from '../live/live-fanout';
import { UnitsService } from '../units/units.service';
import { openBroker } from './broker';
import { openDatabase } from './database';
import { seedDemo } from './demo-seed';
import { startSimulator, type Simulator } from './simulator';
import type { PlatformContext } from './platform.context';
import { serveWebApp } from './static-web';

export interface RunningPlatform {
  ctx: PlatformContext;
  httpUrl: string;
  mqttUrl: string;
  stop(): Promise<void>;
}

const log = new Logger('platform');

/** Composition root: builds every service from the config, then hands them to the Nest edge. */
export async function startPlatform(config: ApiConfig): Promise<RunningPlatform> {
  const startedAt = new Date();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolMax: config.DB_POOL_MAX });
  if (db.applied.length > 0) log.log(`migrations applied: ${db.applied.join(', ')}`);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = new IngestMetrics(registry);

  const units = new UnitsService(db.pool);
  const devices = new DeviceRepository(db.pool);
  if (config.SEED_DEMO) await seedDemo(db.pool, { dataDir: config.DATA_DIR, province: config.IOC_PROVINCE, boundaries: config.IOC_BOUNDARIES });
  await units.load();

  const directory = new DeviceDirectory(devices);
  const deadLetterRepo = new DeadLetterRepository(db.pool);
  const deadLetters = new DeadLetterSink(deadLetterRepo);
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
  });
  const hub = new LiveHub();
  hub.start();
  writer.on('batch', ({ size, inserted, ms }) => {
    metrics.batchSize.observe(size);
    metrics.writeLatency.observe(ms / 1000);
    metrics.stored.inc(inserted);
    metrics.duplicates.inc(size - inserted);
  });
  writer.on('stored', (rows) => {
    const newest = rows.reduce((m, r) => Math.max(m, r.time.getTime()), 0);
    metrics.consumerLag.set(Math.max(0, (Date.now() - newest) / 1000));
    fanOutReadings(hub, rows, (u) => units.parentOf(u));
  });
  writer.on('writeError', (err) => {
    log.warn(`database write failed, buffering (${writer.snapshot.buffered} rows): ${err.message}`);
  });

  const broker = await openBroker({
    mqttUrl: config.MQTT_URL,
    username: config.MQTT_USERNAME,
    password: config.MQTT_PASSWORD,
    port: config.MQTT_PORT,
    directory,
    ingest: () => ingest,
  });
  const collector = new MqttCollector(
    {
      url: broker.url,
      clientId: config.MQTT_CLIENT_ID,
      ...(broker.username !== undefined ? { username: broker.username } : {}),
      ...(broker.password !== undefined ? { password: broker.password } : {}),
      // Aedes speaks MQTT 3.1.1 only; shared subscriptions need an external MQTT 5 broker.
      protocolVersion: broker.kind === 'external' ? 5 : 4,
      ...(broker.kind === 'external' ? { sharedGroup: config.MQTT_SHARED_GROUP } : {}),
    },
    (topic, payload, at) => ingest.handleMqtt(topic, payload, at),
    () => !writer.isSaturated(config.WRITER_BATCH_SIZE),
  );
  let brokerUp = false;
  collector.on('connected', () => (brokerUp = true));
  collector.on('error', (err) => {
    brokerUp = false;
    log.warn(`MQTT: ${err.message}`);
  });
  collector.on('paused', (reason) => {
    log.warn(`MQTT collector paused: ${reason}`);
  });
  await collector.start();
  brokerUp = true;
  const gauge = setInterval(() => {
    metrics.bufferDepth.set(writer.snapshot.buffered);
  }, 1000);
  gauge.unref();

  const ctx: PlatformContext = {
    config,
    pool: db.pool,
    storage: db.storage,
    broker: { kind: broker.kind, url: broker.url, port: broker.port },
    migrationVersion: db.migrationVersion,
    startedAt,
    devices,
    directory,
    deadLetters: deadLetterRepo,
    catalogue,
    writer,
    ingest,
    hub,
    units,
    registry,
    brokerConnected: () => brokerUp,
  };

  const adapter = new FastifyAdapter({ bodyLimit: config.INGEST_MAX_PAYLOAD_BYTES * 4, trustProxy: true });
  // Nest types its options as a class but reads them as a plain object.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const appOptions: NestApplicationOptions = {
    // Body parsing is ours (raw bytes for ingest routes), see raw-body.parser.ts.
    bodyParser: false,
    logger: config.LOG_LEVEL === 'debug' ? ['error', 'warn', 'log', 'debug'] : ['error', 'warn', 'log'],
  };
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forPlatform(ctx), adapter, appOptions);
  app.useWebSocketAdapter(new WsAdapter(app));
  registerBodyParsers(app.getHttpAdapter().getInstance());
  await serveWebApp(app, resolve(config.WEB_DIST_DIR));
  app.enableShutdownHooks();
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (err) {
    await collector.stop().catch(() => undefined);
    await broker.embedded?.close();
    await db.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`HTTP port ${config.PORT} is already in use: set PORT to a free port (e.g. PORT=8081 npm start)`);
    }
    throw err;
  }
  const httpPort = (app.getHttpServer().address() as { port: number }).port;
  const httpUrl = `http://localhost:${httpPort}`;

  let simulator: Simulator | undefined;
  if (config.SIMULATOR && config.SEED_DEMO) {
    simulator = startSimulator({ mqttUrl: broker.url, dataDir: config.DATA_DIR, intervalMs: config.SIMULATOR_INTERVAL_MS });
  }

  const runtimeFile = join(config.DATA_DIR, 'runtime.json');
  if (db.embedded) {
    // Lets the `ioc` CLI reach the running embedded database instead of opening the files twice.
    writeFileSync(runtimeFile, JSON.stringify({ pid: process.pid, databaseUrl: db.url, mqttUrl: broker.url, httpUrl }, null, 2));
  }

  let stopped = false;
  return {
    ctx,
    httpUrl,
    mqttUrl: broker.kind === 'embedded' ? `mqtt://localhost:${broker.port ?? 0}` : broker.url,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(gauge);
      await simulator?.stop();
      // Order matters: stop taking messages, flush what was acknowledged, then close storage.
      await collector.stop().catch(() => undefined);
      await app.close();
      hub.stop();
      await writer.close();
      await deadLetters.close();
      await broker.embedded?.close();
      if (db.embedded) rmSync(runtimeFile, { force: true });
      await db.close();
    },
  };
}
