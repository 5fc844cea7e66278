import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './auth/access.guard';
import { AuthModule } from './auth/auth.module';
import { ErrorFilter } from './common/error.filter';
import { DevicesController } from './devices/devices.controller';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { TelemetryController } from './ingest/telemetry.controller';
import { LiveGateway } from './live/live.gateway';
import { PLATFORM, type PlatformContext } from './platform/platform.context';
import { UnitsController } from './units/units.controller';
import { BasemapController } from './basemap/basemap.controller';
import { AlertRulesController } from './alerts/alert-rules.controller';
import { AlertsController } from './alerts/alerts.controller';
import { FleetController } from './fleet/fleet.controller';
import { RollupsController } from './rollups/rollups.controller';
import { IndicatorCatalogueController } from './indicators/catalogue.controller';
import { FeedsController } from './indicators/feeds.controller';
import { IndicatorViewsController } from './indicators/indicator-views.controller';
import { WallController } from './wall/wall.controller';
import { WebConfigController } from './web-config/web-config.controller';
import { OpenApiController } from './openapi/openapi.controller';

@Module({})
export class AppModule {
  static forPlatform(ctx: PlatformContext): DynamicModule {
    return {
      module: AppModule,
      imports: [AuthModule.forPlatform(ctx)],
      controllers: [
        HealthController,
        MetricsController,
        UnitsController,
        BasemapController,
        DevicesController,
        TelemetryController,
        RollupsController,
        FleetController,
        AlertRulesController,
        AlertsController,
        IndicatorCatalogueController,
        IndicatorViewsController,
        FeedsController,
        WallController,
        WebConfigController,
        OpenApiController,
      ],
      providers: [
        { provide: PLATFORM, useValue: ctx },
        { provide: APP_FILTER, useClass: ErrorFilter },
        // The one access guard: every route needs a policy (see auth/access.decorators.ts).
        { provide: APP_GUARD, useClass: AccessGuard },
        LiveGateway,
      ],
    };
  }
}
