import { Controller, Get, Inject } from '@nestjs/common';
import type { AuditActor } from '@ioc/auth';
import { BasemapService } from '@ioc/basemap';
import type { WebConfig } from '@ioc/contracts';
import { PublicRoute } from '../auth/access.decorators';
import { BASEMAP_ARCHIVES_PATH } from '../basemap/basemap.controller';

export const WEB_CONFIG = Symbol('WebConfig');

/** The settings fixed at start (BASEMAP_URL from the config schema). */
export interface WebConfigSettings {
  basemapUrl: string | null;
}

@Controller('api/v1/web-config')
export class WebConfigController {
  constructor(
    @Inject(WEB_CONFIG) private readonly settings: WebConfigSettings,
    @Inject(BasemapService) private readonly basemap: BasemapService<AuditActor>,
  ) {}

  /**
   * BASEMAP_URL wins (an operator's explicit choice); else the imported archive, looked up now
   * so `ioc basemap import` shows on the next page load without a restart; else null (the
   * bundled offline style). The archive's address is a path on this server: the web resolves
   * it against the origin it was loaded from.
   */
  @Get()
  @PublicRoute()
  async get(): Promise<WebConfig> {
    if (this.settings.basemapUrl !== null) return { basemap: this.settings.basemapUrl };
    const served = await this.basemap.served();
    return {
      basemap: served ? `pmtiles://${BASEMAP_ARCHIVES_PATH}/${served.fileName}` : null,
    };
  }
}
