import { Controller, Get, Header } from '@nestjs/common';
import { VIETNAM_REGION_BBOX, landWithin } from '@ioc/geo';
import { PublicRoute } from '../auth/access.decorators';

/**
 * Background geography for the offline map style: public-domain Natural Earth land, so an
 * air-gapped wall shows coast and sea without a tile server. Public: it says nothing about
 * the platform's data, and MapLibre fetches GeoJSON sources without our Authorization header.
 */
@Controller('api/v1/basemap')
export class BasemapController {
  private land: string | null = null;

  @Get('land')
  @PublicRoute()
  @Header('content-type', 'application/geo+json; charset=utf-8')
  @Header('cache-control', 'public, max-age=86400')
  landGeoJson(): string {
    // Built on first use (~0.2 MB of the ~3 MB world file) and kept: it never changes at run time.
    this.land ??= JSON.stringify(landWithin(VIETNAM_REGION_BBOX));
    return this.land;
  }
}
