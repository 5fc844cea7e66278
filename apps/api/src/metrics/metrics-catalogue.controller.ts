import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { MetricList } from '@ioc/contracts';
import { MetricCatalogue } from '@ioc/ingest';
import { Access } from '../auth/access.decorators';

/**
 * The metric catalogue for every screen that prints a value: names, units, decimals, limits.
 * Reference data like the unit list, so any reader (a wall's display token too) may have it.
 */
@Controller('api/v1/metrics')
@Access({ action: 'read' })
export class MetricsCatalogueController {
  constructor(@Inject(MetricCatalogue) private readonly catalogue: MetricCatalogue) {}

  @Get()
  // It changes only with a migration, i.e. a restart: a screen may keep it for an hour.
  @Header('cache-control', 'private, max-age=3600')
  list(): MetricList {
    return { items: this.catalogue.all() };
  }
}
