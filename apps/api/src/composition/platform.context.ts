import type { ApiConfig } from '@ioc/config';
import type { Pool, StorageMode } from '@ioc/db';
import type {
  DeadLetterRepository,
  DeviceDirectory,
  DeviceRegistrationService,
  DeviceRepository,
  IngestService,
  MetricCatalogue,
  ReadingWriter,
} from '@ioc/ingest';
import type { AuditActor } from '@ioc/auth';
import type { LiveHub, LiveOperations, WallConfigService, WallScreenService } from '@ioc/live';
import type { Registry } from 'prom-client';
import type { UnitDirectory, UnitImportService } from '@ioc/geo';
import type {
  CatalogueAdminService,
  FeedAdminService,
  IndicatorViewsService,
  ReportIntakeService,
} from '@ioc/indicators';
import type { BasemapService } from '@ioc/basemap';
import type { OfficeService } from '@ioc/org';
import type { TaskProgressService, TaskService } from '@ioc/tasks';
import type { AuthContext } from '../auth/auth.context';
import type { CitizenLimits } from '../citizen/citizen-limits';
import type { CitizenRefusals } from '../citizen/citizen-refusals';
import type { CameraParts } from './cameras';
import type { ConnectorParts } from './connectors';
import type { CameraEventParts } from './camera-events';
import type { CitizenParts } from './citizen';
import type { OpenDataParts } from './open-data';
import type { OpenDataLimits } from '../opendata/open-data-limits';
import type { ReportingParts } from './reporting';

/**
 * Everything one platform process built (composition/platform.ts). Only composition sees it
 * whole: nest-providers.ts hands each controller the one or two services it uses, and tests
 * and benchmarks reach into it as the composition's callers.
 */
export interface PlatformContext {
  config: ApiConfig;
  pool: Pool;
  storage: StorageMode;
  broker: { kind: 'embedded' | 'external'; url: string; port: number | null };
  migrationVersion: number;
  startedAt: Date;
  devices: DeviceRepository;
  directory: DeviceDirectory;
  /** Device registration, placement, edits and token rotation (admin API and CLI share it). */
  registration: DeviceRegistrationService<AuditActor>;
  /** Per-unit wall scene configuration (libs/live wall/). */
  wall: WallConfigService;
  /** Wall screens reporting in with their display tokens (libs/live wall/). */
  screens: WallScreenService;
  deadLetters: DeadLetterRepository;
  catalogue: MetricCatalogue;
  writer: ReadingWriter;
  ingest: IngestService;
  hub: LiveHub;
  /** Rollups, AQI, fleet health, alerts and notifications (see libs/live). */
  live: LiveOperations;
  /** The one cached unit tree (libs/geo); imports go through unitImport, which refreshes it. */
  units: UnitDirectory;
  unitImport: UnitImportService;
  /** Resolution 57 indicators (libs/indicators): catalogue and targets, feeds, reports, views. */
  indicatorCatalogue: CatalogueAdminService;
  feeds: FeedAdminService;
  reports: ReportIntakeService;
  indicatorViews: IndicatorViewsService;
  /** Offices below units and plan tasks with their progress (libs/org, libs/tasks). */
  offices: OfficeService<AuditActor>;
  tasks: TaskService<AuditActor>;
  taskProgress: TaskProgressService<AuditActor>;
  /** The monthly reporting cycle (libs/reporting): periods, steps, exports, reminders. */
  reportingCycle: ReportingParts;
  /** Citizen reports (libs/citizen) and the public routes' rate limits and refusal records. */
  citizen: CitizenParts;
  citizenLimits: CitizenLimits;
  citizenRefusals: CitizenRefusals;
  /** The street basemap archive the API serves (libs/basemap; `ioc basemap import`). */
  basemap: BasemapService<AuditActor>;
  /** Cameras (libs/cameras): the registry, viewing tokens and the media server's auth hook. */
  cameras: CameraParts;
  /** Connectors (libs/connectors) and public-service dossiers (libs/dossiers). */
  connectors: ConnectorParts;
  /** AI-camera events (libs/camera-events): webhooks, sources, stored events and counts. */
  cameraEvents: CameraEventParts;

  /** Open data (libs/opendata): publication control, the dataset catalogue, public limits. */
  openData: OpenDataParts;
  openDataLimits: OpenDataLimits;
  registry: Registry;
  /** Users, sessions, display tokens, the authorizer, the audit trail and the access gate. */
  auth: AuthContext;
  /** Whether the MQTT broker is connected; null where this process reads none (role api). */
  brokerConnected(): boolean | null;
}
