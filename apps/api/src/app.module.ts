import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ErrorFilter } from './common/error.filter';
import { DevicesController } from './devices/devices.controller';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { TelemetryController } from './ingest/telemetry.controller';
import { LiveGateway } from './live/live.gateway';
import { PLATFORM, type PlatformContext } from './platform/platform.context';
import { UnitsController } from './units/units.controller';

@Module({})
export class AppModule {
  static forPlatform(ctx: PlatformContext): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, MetricsController, UnitsController, DevicesController, TelemetryController],
      providers: [{ provide: PLATFORM, useValue: ctx }, { provide: APP_FILTER, useClass: ErrorFilter }, LiveGateway],
    };
  }
}
