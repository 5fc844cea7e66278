import { Controller, Get, Inject } from '@nestjs/common';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';
import { PublicRoute } from '../auth/access.decorators';

/** Harmless settings the web app needs before anyone signs in. */
export interface WebConfig {
  /** MapLibre style URL (https://…) or a pmtiles:// archive; null = the bundled offline style. */
  basemap: string | null;
}

@Controller('api/v1/web-config')
export class WebConfigController {
  constructor(@Inject(PLATFORM) private readonly ctx: PlatformContext) {}

  @Get()
  @PublicRoute()
  get(): WebConfig {
    return { basemap: this.ctx.config.BASEMAP_URL ?? null };
  }
}
