import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorators';
import { FleetService } from '@ioc/live';

/** Device fleet health per unit: status, counts per ward and kind, uptime, battery and signal. */
@Controller('api/v1/fleet')
export class FleetController {
  constructor(@Inject(FleetService) private readonly fleetService: FleetService) {}

  /** ?unit=&kind=&from=&to=&limit=&cursor= */
  @Get()
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  fleet(@Query() query: Record<string, string>) {
    return this.fleetService.health(query);
  }
}
