import { Controller, Get, Inject } from '@nestjs/common';
import { PublicRoute } from '../auth/access.decorators';

/** Harmless settings the web app needs before anyone signs in. */
export interface WebConfig {
  /** MapLibre style URL (https://…) or a pmtiles:// archive; null = the bundled offline style. */
  basemap: string | null;
}

export const WEB_CONFIG = Symbol('WebConfig');

@Controller('api/v1/web-config')
export class WebConfigController {
  constructor(@Inject(WEB_CONFIG) private readonly config: WebConfig) {}

  @Get()
  @PublicRoute()
  get(): WebConfig {
    return this.config;
  }
}
