import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './auth/access.guard';
import { AuthModule } from './auth/auth.module';
import { ErrorFilter } from './common/error.filter';
import { DevicesController } from './devices/devices.controller';
import { MetricsCatalogueController } from './metrics/metrics-catalogue.controller';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { TelemetryController } from './ingest/telemetry.controller';
import { LiveGateway } from './live/live.gateway';
import { UnitsController } from './units/units.controller';
import { BasemapController } from './basemap/basemap.controller';
import { AlertRulesController } from './alerts/alert-rules.controller';
import { AlertAssigneesController } from './alerts/alert-assignees.controller';
import { AlertsController } from './alerts/alerts.controller';
import { MeNotificationsController } from './me/me-notifications.controller';
import { FleetController } from './fleet/fleet.controller';
import { RollupsController } from './rollups/rollups.controller';
import { IndicatorCatalogueController } from './indicators/catalogue.controller';
import { FeedsController } from './indicators/feeds.controller';
import { IndicatorViewsController } from './indicators/indicator-views.controller';
import { WallController } from './wall/wall.controller';
import { WallScreensController } from './wall/wall-screens.controller';
import { WebConfigController } from './web-config/web-config.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { OfficesController } from './tasks/offices.controller';
import { TasksController } from './tasks/tasks.controller';
import { ReportExportsController } from './reports/report-exports.controller';
import { ReportSchedulesController } from './reports/report-schedules.controller';
import { ReportsController } from './reports/reports.controller';
import { CitizenAdminController } from './citizen/citizen-admin.controller';
import { CitizenAppController } from './citizen/citizen-app.controller';
import { CitizenCasesController } from './citizen/citizen-cases.controller';
import { CitizenPublicController } from './citizen/citizen-public.controller';
import { StaController } from './opendata/sta.controller';
import { OpenDataPublicController } from './opendata/open-data-public.controller';
import { PublicationController } from './opendata/publication.controller';
import { CamerasController } from './cameras/cameras.controller';
import { CameraViewController } from './cameras/camera-view.controller';
import { MediaAuthController } from './cameras/media-auth.controller';
import { ConnectorsController } from './connectors/connectors.controller';
import { DossiersController } from './connectors/dossiers.controller';
import { CameraEventWebhooksController } from './camera-events/camera-event-webhooks.controller';
import {
  CameraEventSnapshotController,
  CameraEventsController,
} from './camera-events/camera-events.controller';
import { CameraEventSourcesController } from './camera-events/camera-event-sources.controller';
import { RabbitMqAuthController } from './broker/rabbitmq-auth.controller';

/** The services composition built (composition/nest-providers.ts), visible to every module. */
@Module({})
class ServicesModule {
  static of(services: Provider[]): DynamicModule {
    return { module: ServicesModule, global: true, providers: services, exports: services };
  }
}

@Module({})
export class AppModule {
  static with(services: Provider[]): DynamicModule {
    return {
      module: AppModule,
      imports: [ServicesModule.of(services), AuthModule],
      controllers: [
        HealthController,
        MetricsController,
        UnitsController,
        BasemapController,
        DevicesController,
        MetricsCatalogueController,
        TelemetryController,
        RollupsController,
        FleetController,
        AlertRulesController,
        AlertsController,
        AlertAssigneesController,
        MeNotificationsController,
        IndicatorCatalogueController,
        IndicatorViewsController,
        FeedsController,
        TasksController,
        OfficesController,
        WallController,
        WallScreensController,
        WebConfigController,
        OpenApiController,
        ReportsController,
        ReportExportsController,
        ReportSchedulesController,
        CitizenPublicController,
        CitizenAppController,
        CitizenCasesController,
        CamerasController,
        ConnectorsController,
        DossiersController,
        CameraViewController,
        CameraEventWebhooksController,
        CameraEventsController,
        CameraEventSnapshotController,
        CameraEventSourcesController,
        MediaAuthController,
        CitizenAdminController,
        StaController,
        PublicationController,
        OpenDataPublicController,
        RabbitMqAuthController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ErrorFilter },
        // The one access guard: every route needs a policy (see auth/access.decorators.ts).
        { provide: APP_GUARD, useClass: AccessGuard },
        LiveGateway,
      ],
    };
  }
}
