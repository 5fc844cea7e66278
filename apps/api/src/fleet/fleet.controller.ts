import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorators';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';

/** Device fleet health per unit: status, counts per ward and kind, uptime, battery and signal. */
@Controller('api/v1/fleet')
export class FleetController {
  constructor(@Inject(PLATFORM) private readonly ctx: PlatformContext) {}

  /** ?unit=&kind=&from=&to=&limit=&cursor= */
  @Get()
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  fleet(@Query() query: Record<string, string>) {
    return this.ctx.live.fleet.health(query);
  }
}
