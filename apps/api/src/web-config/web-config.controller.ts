import { Controller, Get, Inject } from '@nestjs/common';
import type { WebConfig } from '@ioc/contracts';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';
import { PublicRoute } from '../auth/access.decorators';

@Controller('api/v1/web-config')
export class WebConfigController {
  constructor(@Inject(PLATFORM) private readonly ctx: PlatformContext) {}

  @Get()
  @PublicRoute()
  get(): WebConfig {
    return { basemap: this.ctx.config.BASEMAP_URL ?? null };
  }
}
