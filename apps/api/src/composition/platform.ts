import 'reflect-metadata';
import { rmSync, mkdirSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { Registry, collectDefaultMetrics } from 'prom-client';
import type { ApiConfig } from '@ioc/config';
import { IngestMetrics } from '@ioc/ingest';
import { WallConfigService, WallScreenService } from '@ioc/live';
import { prepareFirstRun } from '../auth/first-run';
import { CitizenLimits } from '../citizen/citizen-limits';
import { CitizenRefusals } from '../citizen/citizen-refusals';
import { OpenDataLimits } from '../opendata/open-data-limits';
import { seedDemoAlertRules } from '../demo/demo-alert-rules';
import { boundaryLine } from '../demo/demo-seed';
import { startSimulator, type Simulator } from '../demo/simulator';
import { openConfiguredDatabase } from './database';
import { buildDomain, type PlatformOptions } from './domain';
import { startHttpServer } from './http-server';
import { clusterJobs, runJobs } from './jobs';
import { nestProviders } from './nest-providers';
import { startOpenData } from './open-data';
import type { PlatformContext } from './platform.context';
import { startReadingPath } from './reading-path';
import { rolePlan, startProbeServer } from './roles';
import { writeRuntimeFile } from './runtime-file';
import { deviceRegistration } from './services';

export interface RunningPlatform {
  ctx: PlatformContext;
  httpUrl: string;
  mqttUrl: string;
  /** One-time token creating the first administrator (embedded, while none exists); print it. */
  setupToken: string | null;
  /** Wall URL with the demo display token (embedded demo only). */
  wallUrl: string | null;
  /** Which boundary set the maps draw, for the start banner. */
  boundaries: string;
  stop(): Promise<void>;
}

const log = new Logger('platform');
/** Public citizen-report reads (tracking page, photos, map) per client address and minute. */
const PUBLIC_READS_PER_MINUTE = 120;

/**
 * The composition root of a platform process (server, tests and benchmarks start it; the CLI
 * builds its part of the same domain): database → domain services → reading path → HTTP edge.
 */
export async function startPlatform(
  config: ApiConfig,
  options: PlatformOptions = {},
): Promise<RunningPlatform> {
  const startedAt = new Date();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const db = await openConfiguredDatabase(config, (line) => {
    log.log(line);
  });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = new IngestMetrics(registry);
  const domain = await buildDomain(db, config, registry, options);
  const { units, live, auth, directory, reportingCycle } = domain;
  const plan = rolePlan(config.PROCESS_ROLE);
  if (config.SEED_DEMO && config.SIMULATOR) {
    // Only with the simulator: its hotspot stations and tides are what these rules are tuned to.
    const rules = await seedDemoAlertRules(live.alerts);
    if (rules.length > 0) log.log(`demo alert rules: ${rules.join(', ')}`);
  }
  const { openData, datastreams, publicRefresh } = await startOpenData(db.pool, {
    audit: auth.audit,
    provinceCode: config.IOC_PROVINCE,
    log,
  });
  // Links in the updates: PUBLIC_URL, else where this process's HTTP server listens (the
  // configured port until it does: PORT=0 picks one only then).
  let httpBase = `http://localhost:${config.PORT}`;
  const path = await startReadingPath({
    config,
    db,
    metrics,
    ...domain,
    mqtt: plan.mqtt,
    openData: {
      datastreams,
      // No trailing slash: the links append '/sta/v1.1/…' (as the HTTP side does).
      baseUrl: () => (config.PUBLIC_URL ?? httpBase).replace(/\/+$/, ''),
    },
  });
  const { broker } = path;
  domain.cameraEvents.attach(path.ingest);
  // Background jobs run once in the cluster, in whichever worker/all process holds their lease.
  const jobs = plan.jobs
    ? await runJobs(clusterJobs(domain, config), { config, db, registry })
    : null;

  const registration = deviceRegistration(domain, units, (id, { tokenChanged }) => {
    directory.invalidate(id);
    // A device registered under a public kind, or retired, changes what is public.
    openData.publication.refresh().catch((err: unknown) => {
      log.error(`open data: ${(err as Error).message}`);
    });
    // The embedded broker checks tokens at CONNECT; sessions opened with the old token end now.
    if (tokenChanged) broker.disconnectUser(id);
  });
  const wall = new WallConfigService(db.pool, {
    units,
    metricExists: (code) => domain.catalogue.get(code) !== undefined,
    indicatorExists: (code) => domain.indicatorExists(code),
    audit: auth.audit,
    onChanged: (c) => {
      live.wallChanged(c);
    },
  });

  // Which screen shows which tile and scene; offline after 2 min silent, on the platform's clock.
  const screens = new WallScreenService(db.pool, {
    unitName: async (code) => (await units.get(code))?.name ?? null,
    ...(options.clock ? { clock: options.clock } : {}),
  });

  const citizenRefusals = new CitizenRefusals(domain.deadLetters, registry);
  const ctx: PlatformContext = {
    config,
    pool: db.pool,
    reads: db.reads,
    readPool: db.readPool,
    storage: db.storage,
    broker: { kind: broker.kind, url: broker.url, port: broker.port },
    migrationVersion: db.migrationVersion,
    startedAt,
    devices: domain.devices,
    directory,
    registration,
    wall,
    screens,
    deadLetters: domain.deadLetterRepo,
    catalogue: domain.catalogue,
    writer: path.writer,
    ingest: path.ingest,
    hub: domain.hub,
    live,
    units,
    unitImport: domain.unitImport,
    indicatorCatalogue: domain.indicatorCatalogue,
    feeds: domain.feeds,
    reports: domain.reports,
    indicatorViews: domain.indicatorViews,
    offices: domain.offices,
    tasks: domain.tasks,
    taskProgress: domain.taskProgress,
    reportingCycle,
    citizen: domain.citizen,
    basemap: domain.basemap,
    cameras: domain.cameras,
    connectors: domain.connectors,
    cameraEvents: domain.cameraEvents,
    citizenLimits: new CitizenLimits(
      {
        submitPerMinute: config.CITIZEN_RATE_PER_MIN,
        submitPerDay: config.CITIZEN_RATE_PER_DAY,
        appPerMinute: config.CITIZEN_APP_RATE_PER_MIN,
        readPerMinute: PUBLIC_READS_PER_MINUTE,
      },
      citizenRefusals,
    ),
    citizenRefusals,
    openData,
    openDataLimits: new OpenDataLimits(
      { perMinute: config.OPEN_DATA_RATE_PER_MIN, burstPerSecond: config.OPEN_DATA_BURST_PER_SEC },
      registry,
    ),
    registry,
    auth,
    brokerConnected: () => (plan.mqtt ? broker.connected() : null),
  };
  const firstRun = plan.api
    ? await prepareFirstRun(auth, {
        embedded: db.embedded !== undefined,
        seedDemo: config.SEED_DEMO,
        dataDir: config.DATA_DIR,
        province: config.IOC_PROVINCE,
      })
    : { setupToken: null, wallPath: null };

  // Order matters: stop taking messages, flush what was acknowledged, then close storage.
  const closeBelowHttp = async () => {
    await domain.connectors.stop();
    await reportingCycle.close();
    domain.hub.stop();
    await path.writer.close();
    await live.stop();
    await domain.deadLetters.close();
  };
  const http = await (
    plan.api
      ? startHttpServer(config, nestProviders(ctx), {
          routes: auth.routes,
          openDataLimits: ctx.openDataLimits,
          embeddedWallPath: db.embedded ? firstRun.wallPath : null,
        }).then(({ app, port }) => ({ port, close: () => app.close() }))
      : startProbeServer(config, { ...ctx, writer: () => path.writer.snapshot })
  ).catch(async (err: unknown) => {
    clearInterval(publicRefresh);
    await jobs?.stop();
    await path.stop();
    await closeBelowHttp();
    await db.close();
    throw err;
  });
  const httpUrl = `http://localhost:${http.port}`;
  httpBase = httpUrl;

  let simulator: Simulator | undefined;
  if (config.SIMULATOR && config.SEED_DEMO && plan.mqtt) {
    simulator = startSimulator({
      mqttUrl: broker.url,
      dataDir: config.DATA_DIR,
      intervalMs: config.SIMULATOR_INTERVAL_MS,
    });
  }

  const runtimeFile = db.embedded
    ? writeRuntimeFile(config.DATA_DIR, { databaseUrl: db.url, mqttUrl: broker.url, httpUrl })
    : null;

  let stopped = false;
  return {
    ctx,
    httpUrl,
    mqttUrl: broker.kind === 'embedded' ? `mqtt://localhost:${broker.port ?? 0}` : broker.url,
    setupToken: firstRun.setupToken,
    wallUrl: firstRun.wallPath ? `${httpUrl}${firstRun.wallPath}` : null,
    boundaries: `${domain.boundaries.units} units of ${config.IOC_PROVINCE}, ${boundaryLine(domain.boundaries.set)}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(publicRefresh);
      await jobs?.stop();
      await simulator?.stop();
      await path.stop();
      await http.close();
      await closeBelowHttp();
      if (runtimeFile) rmSync(runtimeFile, { force: true });
      await db.close();
    },
  };
}
