import type { ApiConfig } from '@ioc/config';
import type { Pool } from '@ioc/db';
import { AuditLog, createAuthServices, type AuditActor, type AuthServices } from '@ioc/auth';
import { UnitDirectory, UnitImportService } from '@ioc/geo';
import { CatalogueAdminService, FeedAdminService, IndicatorSeedService } from '@ioc/indicators';
import { OfficeService } from '@ioc/org';
import { TaskProgressService, TaskSeedService, TaskService, type TaskChanged } from '@ioc/tasks';
import {
  DeadLetterRepository,
  DeviceRegistrationService,
  DeviceRepository,
  type RegistrationGeo,
} from '@ioc/ingest';
import type { BasemapService } from '@ioc/basemap';
import type { CameraService } from '@ioc/cameras';
import { basemapService, type BasemapPlace } from './basemap';
import { cameraRegistry } from './cameras';
import { citizenParts, type CitizenHooks, type CitizenParts } from './citizen';
import { buildReporting, type ReportingParts } from './reporting';
import { reportingTasks } from './reporting-ports';

/**
 * The services that need only the database and the unit tree: built the same way for the
 * server (composition/domain.ts) and the `ioc` CLI (cli-services below), so a command and an
 * API call go through one write path with one validation and one audit trail.
 */
export interface StoreServices {
  units: UnitDirectory;
  unitImport: UnitImportService;
  devices: DeviceRepository;
  deadLetters: DeadLetterRepository;
  audit: AuditLog;
  indicatorSeed: IndicatorSeedService;
  indicatorCatalogue: CatalogueAdminService;
  feeds: FeedAdminService;
  /** Offices below units and their members (libs/org). */
  offices: OfficeService<AuditActor>;
  /** Plan tasks (libs/tasks): lists, edits, progress with evidence, the catalogue seed. */
  tasks: TaskService<AuditActor>;
  taskProgress: TaskProgressService<AuditActor>;
  taskSeed: TaskSeedService;
  /** Citizen reports (libs/citizen): intake, cases, public reads, stats, calendar, apps. */
  citizen: CitizenParts;
  /** The province's street basemap archive (libs/basemap): import, status, remove, serve. */
  basemap: BasemapService<AuditActor>;
  /** The camera registry (libs/cameras): register, edit, list; viewing is built by the server. */
  cameras: CameraService<AuditActor>;
}

/** Callbacks of the store services the server plugs (the CLI runs without them). */
export interface StoreHooks {
  onTaskChanged?: (change: TaskChanged) => void;
  /** When a task is overdue and when progress was posted (tests set the date). */
  clock?: () => Date;
  /** Live pushes, resident messages and indicators of citizen reports. */
  citizen?: CitizenHooks;
}

export function storeServices(
  pool: Pool,
  units: UnitDirectory,
  place: BasemapPlace,
  hooks: StoreHooks = {},
): StoreServices {
  const audit = new AuditLog(pool);
  const offices = new OfficeService<AuditActor>(pool, units, audit);
  const tasks = new TaskService<AuditActor>(pool, {
    units,
    offices,
    audit,
    ...(hooks.onTaskChanged ? { onTaskChanged: hooks.onTaskChanged } : {}),
    ...(hooks.clock ? { now: hooks.clock } : {}),
  });
  return {
    units,
    unitImport: new UnitImportService(pool, units),
    devices: new DeviceRepository(pool),
    deadLetters: new DeadLetterRepository(pool),
    audit,
    indicatorSeed: new IndicatorSeedService(pool, units),
    indicatorCatalogue: new CatalogueAdminService(pool, units),
    feeds: new FeedAdminService(pool, units),
    offices,
    tasks,
    taskProgress: new TaskProgressService(tasks),
    taskSeed: new TaskSeedService(pool, offices),
    citizen: citizenParts(
      pool,
      { units, offices, audit },
      { ...(hooks.clock ? { clock: hooks.clock } : {}), ...hooks.citizen },
    ),
    basemap: basemapService(pool, units, audit, place),
    cameras: cameraRegistry(pool, units, audit, hooks.clock),
  };
}

/** The device registry's write side (admin API and CLI). */
export function deviceRegistration(
  store: Pick<StoreServices, 'devices' | 'audit'>,
  geo: RegistrationGeo,
  onChanged?: (id: string, change: { tokenChanged: boolean }) => void,
): DeviceRegistrationService<AuditActor> {
  return new DeviceRegistrationService<AuditActor>({
    repo: store.devices,
    geo,
    audit: store.audit,
    ...(onChanged ? { onChanged } : {}),
  });
}

/** What `ioc` commands work with: the store services, the registry and the account services. */
export interface CliServices extends StoreServices {
  registration: DeviceRegistrationService<AuditActor>;
  auth: AuthServices;
  /** The reporting cycle (`ioc reports …`), built as the server builds it. */
  reportingCycle: ReportingParts;
}

export function cliServices(
  pool: Pool,
  config: Pick<ApiConfig, 'SMTP_URL' | 'SMTP_FROM' | 'IOC_PROVINCE' | 'DATA_DIR'> = {
    SMTP_FROM: 'IOC <no-reply@localhost>',
    IOC_PROVINCE: '48',
    DATA_DIR: './data',
  },
): CliServices {
  // The one unit tree of this run: read on first use, invalidated when a command writes units.
  const place = { dataDir: config.DATA_DIR, province: config.IOC_PROVINCE };
  const store = storeServices(pool, new UnitDirectory(pool), place, {
    citizen: { provinceCode: config.IOC_PROVINCE },
  });
  return {
    ...store,
    reportingCycle: buildReporting(pool, {
      units: store.units,
      audit: store.audit,
      config,
      tasks: reportingTasks(store.tasks),
    }),
    // The point index is read only when a command places a device by its position.
    registration: deviceRegistration(store, {
      locate: (lon, lat) => store.units.locateAsync(lon, lat),
      exists: (code) => store.units.exists(code),
    }),
    // Account commands never resolve unit scopes, so no tree is needed; lockout settings are the
    // API's defaults (the CLI signs nobody in).
    auth: createAuthServices(
      pool,
      { parentOf: () => null },
      { sessionTtlHours: 12, maxAttempts: 5, maxAttemptsPerIp: 50, lockoutMinutes: 15 },
    ),
  };
}
