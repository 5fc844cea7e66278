import type { InjectionToken, Provider } from '@nestjs/common';
import { Registry } from 'prom-client';
import { BasemapService } from '@ioc/basemap';
import { pingDatabase } from '@ioc/db';
import { UnitDirectory, UnitImportService } from '@ioc/geo';
import {
  CatalogueAdminService,
  FeedAdminService,
  IndicatorViewsService,
  ReportIntakeService,
} from '@ioc/indicators';
import { ReportExportService, ReportingService, ScheduleService } from '@ioc/reporting';
import {
  AssigneeDirectory,
  AuditLog,
  DisplayTokenService,
  RefusalTally,
  SessionService,
  SetupService,
  UsersService,
} from '@ioc/auth';
import {
  DeviceDirectory,
  DeviceRegistrationService,
  DeviceRepository,
  IngestService,
  MetricCatalogue,
  RabbitMqAccess,
} from '@ioc/ingest';
import {
  AlertService,
  PersonalNotificationService,
  AqiService,
  FleetService,
  LatestRepository,
  LiveHub,
  RollupService,
  WallConfigService,
  WallScreenService,
} from '@ioc/live';
import { OfficeService } from '@ioc/org';
import { TaskProgressService, TaskService } from '@ioc/tasks';
import {
  CitizenAppService,
  CitizenCaseService,
  CitizenCategoryService,
  CitizenIntakeService,
  CitizenPublicService,
  CitizenStatsService,
  WorkHolidayService,
} from '@ioc/citizen';
import { CameraService, CameraViewingService } from '@ioc/cameras';
import { ConnectorService } from '@ioc/connectors';
import { DossierService } from '@ioc/dossiers';
import { CameraEventIntake, CameraEventQueries, EventSourceService } from '@ioc/camera-events';
import { StaService } from '@ioc/opendata';
import { DatasetCatalogueService, PublicationService } from '@ioc/opendata';
import { CitizenLimits } from '../citizen/citizen-limits';
import { CITIZEN_PROVINCE } from '../citizen/citizen-public.controller';
import { CitizenRefusals } from '../citizen/citizen-refusals';
import { ROUTE_ACCESS } from '../auth/access.guard';
import { MetricsAccess } from '../auth/metrics-access';
import { RouteRegistry } from '../auth/route-registry';
import { WsAccess } from '../auth/ws-access';
import { DEVICE_UNITS, type DeviceUnits } from '../devices/device-units';
import { PLATFORM_STATUS, type PlatformStatus } from '../health/platform-status';
import { WEBHOOK_SECRETS, type WebhookSecrets } from '../ingest/webhook-secrets';
import { BROKER_AUTH_SECRET } from '../broker/rabbitmq-auth.controller';
import { rabbitMqAccess } from './amqp-ingest';
import { CHANNEL_UNITS, type ChannelUnits } from '../live/channel-units';
import { WEB_CONFIG, type WebConfigSettings } from '../web-config/web-config.controller';
import { readsStatus } from './database';
import type { PlatformContext } from './platform.context';
import { staService } from './sta';

function value(provide: InjectionToken, useValue: unknown): Provider {
  return { provide, useValue };
}

/**
 * The one place that maps the composed services onto Nest injection tokens: each controller,
 * guard and gateway asks for the services it uses by class (or by its port's token), never for
 * the whole context.
 */
export function nestProviders(ctx: PlatformContext): Provider[] {
  const { auth, live, config } = ctx;
  const status: PlatformStatus = {
    storage: ctx.storage,
    broker: { kind: ctx.broker.kind, port: ctx.broker.port },
    migrationVersion: ctx.migrationVersion,
    startedAt: ctx.startedAt,
    databaseUp: () => pingDatabase(ctx.pool),
    reads: () => readsStatus(ctx.pool, ctx.readPool),
    brokerConnected: () => ctx.brokerConnected(),
    role: config.PROCESS_ROLE,
    writer: () => ctx.writer.snapshot,
  };
  const webhooks: WebhookSecrets = {
    ttn: config.TTN_WEBHOOK_SECRET,
    chirpstack: config.CHIRPSTACK_WEBHOOK_SECRET,
  };
  const deviceUnits: DeviceUnits = { selfAndDescendants: (c) => ctx.units.selfAndDescendants(c) };
  const channelUnits: ChannelUnits = { exists: (c) => ctx.units.exists(c) };
  const webConfig: WebConfigSettings = { basemapUrl: config.BASEMAP_URL ?? null };
  return [
    // auth
    value(ROUTE_ACCESS, auth.gate),
    value(WsAccess, auth.ws),
    value(RouteRegistry, auth.routes),
    value(SessionService, auth.sessions),
    value(SetupService, auth.setup),
    value(UsersService, auth.users),
    value(AssigneeDirectory, auth.assignees),
    value(DisplayTokenService, auth.displays),
    value(AuditLog, auth.audit),
    value(RefusalTally, auth.refusals),
    value(MetricsAccess, new MetricsAccess(auth.gate, auth.authorizer, config.METRICS_TOKEN)),
    value(Registry, ctx.registry),
    value(PLATFORM_STATUS, status),
    // ingest and devices
    value(DeviceDirectory, ctx.directory),
    value(IngestService, ctx.ingest),
    value(WEBHOOK_SECRETS, webhooks),
    value(RabbitMqAccess, rabbitMqAccess(config, ctx.directory)),
    value(BROKER_AUTH_SECRET, config.BROKER_AUTH_SECRET),
    value(DeviceRepository, ctx.devices),
    value(MetricCatalogue, ctx.catalogue),
    value(DeviceRegistrationService, ctx.registration),
    value(LatestRepository, new LatestRepository(ctx.reads)),
    value(DEVICE_UNITS, deviceUnits),
    // live
    value(LiveHub, ctx.hub),
    value(CHANNEL_UNITS, channelUnits),
    value(AlertService, live.alerts),
    value(PersonalNotificationService, live.personal),
    value(RollupService, live.rollups),
    value(AqiService, live.aqi),
    value(FleetService, live.fleet),
    value(WallConfigService, ctx.wall),
    value(WallScreenService, ctx.screens),
    value(WEB_CONFIG, webConfig),
    value(BasemapService, ctx.basemap),
    // units and indicators
    value(UnitDirectory, ctx.units),
    value(UnitImportService, ctx.unitImport),
    value(CatalogueAdminService, ctx.indicatorCatalogue),
    value(FeedAdminService, ctx.feeds),
    value(ReportIntakeService, ctx.reports),
    value(IndicatorViewsService, ctx.indicatorViews),
    // offices and plan tasks
    value(OfficeService, ctx.offices),
    value(TaskService, ctx.tasks),
    value(TaskProgressService, ctx.taskProgress),
    // the reporting cycle
    value(ReportingService, ctx.reportingCycle.reporting),
    value(ScheduleService, ctx.reportingCycle.schedules),
    value(ReportExportService, ctx.reportingCycle.exports),
    // citizen reports
    value(CitizenIntakeService, ctx.citizen.intake),
    value(CitizenCaseService, ctx.citizen.cases),
    value(CitizenPublicService, ctx.citizen.reads),
    value(CitizenStatsService, ctx.citizen.stats),
    value(CitizenCategoryService, ctx.citizen.categories),
    value(WorkHolidayService, ctx.citizen.holidays),
    value(CitizenAppService, ctx.citizen.apps),
    value(CitizenLimits, ctx.citizenLimits),
    value(CitizenRefusals, ctx.citizenRefusals),
    value(CITIZEN_PROVINCE, config.IOC_PROVINCE),
    // cameras
    value(CameraService, ctx.cameras.registry),
    value(CameraViewingService, ctx.cameras.viewing),
    // connectors and dossiers
    value(ConnectorService, ctx.connectors.connectors),
    value(DossierService, ctx.connectors.dossiers),
    value(CameraEventIntake, ctx.cameraEvents.intake),
    value(EventSourceService, ctx.cameraEvents.sources),
    value(CameraEventQueries, ctx.cameraEvents.queries),
    // open data: SensorThings API
    value(StaService, staService(ctx.reads, ctx.broker, config.PUBLIC_URL, config.MQTT_PUBLIC_URL)),
    // open data
    value(PublicationService, ctx.openData.publication),
    value(DatasetCatalogueService, ctx.openData.catalogue),
  ];
}
