import { Logger } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { ApiConfig } from '@ioc/config';
import {
  DeadLetterPruner,
  DeadLetterSink,
  DeviceDirectory,
  type DeadLetterRepository,
  type DeviceRepository,
  MetricCatalogue,
} from '@ioc/ingest';
import { LiveHub, LiveOperations } from '@ioc/live';
import { createAuthContext, type AuthContext } from '../auth/auth.context';
import { UnitDirectory, type UnitImportService } from '@ioc/geo';
import type { AuditLog } from '@ioc/auth';
import {
  CatalogueRepository,
  IndicatorViewsService,
  ReportIntakeService,
  type CatalogueAdminService,
  type FeedAdminService,
} from '@ioc/indicators';
import { seedDemo, storedBoundaries, type BoundarySet } from '../demo/demo-seed';
import type { Database } from './database';
import { buildReporting, ensureDefaultSchedules, type ReportingParts } from './reporting';
import { reportingTasks } from './reporting-ports';
import { seedCatalogues } from './seed-catalogues';
import { storeServices, type StoreServices } from './services';
import { citizenHooks } from './citizen-hooks';
import { citizenReportUnit } from './citizen';
import { cameraParts, type CameraParts } from './cameras';
import { buildConnectors, type ConnectorParts } from './connectors';
import { cameraAlertSnapshot, cameraEventParts, type CameraEventParts } from './camera-events';
import { workSignals } from './work-signals';
import { alertMail } from './alert-mail';
import { webPush } from './web-push';
import { smtpTransport } from './smtp';
import { smsGateway } from './sms-gateway';

/** The domain services of one platform process, before anything reads from a broker. */
export interface Domain {
  /** The one cached unit tree; imports go through unitImport, which refreshes it. */
  units: UnitDirectory;
  unitImport: UnitImportService;
  devices: DeviceRepository;
  directory: DeviceDirectory;
  deadLetterRepo: DeadLetterRepository;
  audit: AuditLog;
  deadLetters: DeadLetterSink;
  deadLetterPruner: DeadLetterPruner;
  indicatorCatalogue: CatalogueAdminService;
  feeds: FeedAdminService;
  reports: ReportIntakeService;
  indicatorViews: IndicatorViewsService;
  offices: StoreServices['offices'];
  tasks: StoreServices['tasks'];
  taskProgress: StoreServices['taskProgress'];
  citizen: StoreServices['citizen'];
  basemap: StoreServices['basemap'];
  /** Cameras (libs/cameras): the registry, viewing tokens and the media server's auth hook. */
  cameras: CameraParts;
  /** Connectors (libs/connectors) and public-service dossiers (libs/dossiers). */
  connectors: ConnectorParts;
  /** AI-camera events (libs/camera-events): intake, sources, queries; attached to the reading path. */
  cameraEvents: CameraEventParts;
  indicatorExists(code: string): Promise<boolean>;
  catalogue: MetricCatalogue;
  hub: LiveHub;
  live: LiveOperations;
  auth: AuthContext;
  /** The monthly reporting cycle (libs/reporting): periods, steps, exports, reminders. */
  reportingCycle: ReportingParts;
  /** The configured province's units and which boundary set draws them. */
  boundaries: { units: number; set: BoundarySet };
}

/** Switches of a platform process that only its composition callers set (tests). */
export interface PlatformOptions {
  /**
   * "Now" of the reporting cycle (due dates, reminders, late lists), of overdue tasks and work
   * alerts, and of the AQI and fleet views; default the system clock. Readings keep real time.
   */
  clock?: () => Date;
}

/** Seeds what the config asks for, then builds the domain services over the database. */
export async function buildDomain(
  db: Database,
  config: ApiConfig,
  registry: Registry,
  options: PlatformOptions = {},
): Promise<Domain> {
  const units = new UnitDirectory(db.pool);
  // Live operations start after the seeds; changes made before that have no subscriber yet.
  const started: {
    live?: LiveOperations;
    reports?: ReportIntakeService;
    auth?: AuthContext;
    connectors?: ConnectorParts;
  } = {};
  const place = { dataDir: config.DATA_DIR, province: config.IOC_PROVINCE };
  const store = storeServices(db.pool, units, place, {
    onTaskChanged: (change) => {
      started.live?.taskChanged([change]);
    },
    ...(options.clock ? { clock: options.clock } : {}),
    citizen: citizenHooks(config, started, options.clock),
  });
  const { devices } = store;
  const boundaries = config.SEED_DEMO
    ? await seedDemo(db.pool, {
        dataDir: config.DATA_DIR,
        province: config.IOC_PROVINCE,
        boundaries: config.IOC_BOUNDARIES,
      })
    : await storedBoundaries(db.pool, config.IOC_PROVINCE);
  await units.load();
  await seedCatalogues(store, config);
  const directory = new DeviceDirectory(devices);
  // Loaded before live operations: alert messages name metrics from it.
  const catalogue = await MetricCatalogue.load(db.pool);
  const hub = new LiveHub();
  hub.start();
  // One SMTP transport for reminders and alert e-mail.
  const smtp = smtpTransport(config);
  const reportingCycle = buildReporting(db.pool, {
    smtp,
    units,
    audit: store.audit,
    tasks: reportingTasks(store.tasks),
    config,
    ...(options.clock ? { clock: options.clock } : {}),
    onReportChanged: (change) => {
      started.live?.reportChanged([change]);
    },
  });
  // E-mail to the office or person an alert is handed to (people are looked up once auth is up).
  const mail = alertMail(config, smtp, store.offices, {
    contactOf: (username) => started.auth?.users.contactOf(username) ?? Promise.resolve(null),
  });
  const push = await webPush(config, db.pool);
  const sms = smsGateway(config);
  const live = await LiveOperations.start({
    pool: db.pool,
    storage: db.storage,
    hub,
    units,
    devices: directory,
    metrics: catalogue,
    // PostgreSQL LISTEN/NOTIFY between API instances; the embedded single process needs none
    // (and PGlite is single-session, so it could not hold a LISTEN connection).
    bus: db.embedded ? { kind: 'local' } : { kind: 'pg-notify', url: db.url },
    log: new Logger('live'),
    // The work alert rules ask this port on a timer, on the platform's clock.
    // Dossiers are built once auth and report intake are up; until then none is overdue.
    work: workSignals(store.tasks, reportingCycle.reporting, store.citizen.cases, {
      overdueSignals: (now) =>
        started.connectors?.dossiers.overdueSignals(now) ?? Promise.resolve([]),
    }),
    ...(options.clock ? { clock: options.clock } : {}),
    mail,
    ...(push ? { push } : {}),
    ...(sms ? { sms } : {}),
    alertSnapshot: cameraAlertSnapshot(directory),
    // Escalation, silences and work alerts run once in the cluster (composition/jobs.ts).
    jobs: 'leased',
  });
  started.live = live;
  const cameras = await cameraParts(store.cameras, store.audit, config, options.clock);
  const deadLetterRepo = store.deadLetters;
  const deadLetters = new DeadLetterSink(deadLetterRepo);
  const cameraEvents = cameraEventParts({
    ...{ config, pool: db.pool, units, devices, directory, deadLetters, audit: store.audit },
    ...{ cameras: store.cameras.repo, registry },
  });
  if (config.REPORT_SCHEDULE_DEFAULTS) await ensureDefaultSchedules(reportingCycle, units, config);
  const auth = createAuthContext(db.pool, units, config, {
    // Active devices from the cache; a decommissioned one keeps the unit of its history.
    deviceUnit: async (id) => {
      const active = await directory.get(id);
      return active ? active.unitCode : devices.unitOf(id);
    },
    alertUnit: (id) => live.alerts.unitOf(id),
    taskUnit: (id) => store.tasks.unitOf(id),
    officeUnit: (id) => store.offices.unitOf(id),
    periodUnit: (id) => reportingCycle.reporting.unitOfPeriod(id),
    reportScheduleUnit: (id) => reportingCycle.schedules.unitOf(id),
    citizenReportUnit: citizenReportUnit(store.citizen.cases),
    cameraUnit: (id) => cameras.registry.unitOf(id),
    cameraEventUnit: async (id) => (await cameraEvents.queries.unitOf(id)) ?? undefined,
  });
  started.auth = auth;
  const indicatorCatalogue = new CatalogueRepository(db.pool);
  started.reports = new ReportIntakeService(db.pool, units, deadLetterRepo, {
    registry,
    ...(options.clock ? { clock: options.clock } : {}),
    onReportSaved: (changes) => {
      live.indicatorChanged(changes);
    },
  });
  const connectors = buildConnectors({
    pool: db.pool,
    units,
    audit: store.audit,
    users: auth.users,
    reports: started.reports,
    smtp,
    config,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  started.connectors = connectors;
  return {
    units,
    unitImport: store.unitImport,
    devices,
    directory,
    deadLetterRepo,
    deadLetters,
    deadLetterPruner: new DeadLetterPruner(deadLetterRepo, {
      maxAgeDays: config.DEADLETTER_MAX_AGE_DAYS,
      maxRows: config.DEADLETTER_MAX_ROWS,
      intervalMs: config.DEADLETTER_PRUNE_INTERVAL_S * 1000,
    }),
    indicatorCatalogue: store.indicatorCatalogue,
    feeds: store.feeds,
    audit: store.audit,
    reports: started.reports,
    indicatorViews: new IndicatorViewsService(db.pool, units),
    offices: store.offices,
    tasks: store.tasks,
    taskProgress: store.taskProgress,
    citizen: store.citizen,
    basemap: store.basemap,
    cameras,
    connectors,
    cameraEvents,
    indicatorExists: async (code) => (await indicatorCatalogue.getIndicator(code)) !== null,
    reportingCycle,
    catalogue,
    hub,
    live,
    auth,
    boundaries: { units: boundaries.units, set: boundaries.boundaries },
  };
}
