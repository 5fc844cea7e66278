import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Access, unitOfDevice } from '../auth/access.decorators';
import { AqiService, RollupService } from '@ioc/live';

/** Sensor rollups, latest values and VN_AQI per unit and device (the query side of @ioc/live). */
@Controller('api/v1')
export class RollupsController {
  constructor(
    @Inject(RollupService) private readonly rollupService: RollupService,
    @Inject(AqiService) private readonly aqiService: AqiService,
  ) {}

  /** ?unit=|device=&metric=pm25,pm10&bucket=1m|1h|1d&from=&to=&by=unit&limit=&cursor= */
  @Get('rollups')
  @Access({
    action: 'read',
    unit: [{ from: 'query', name: 'unit' }, unitOfDevice('query', 'device')],
  })
  rollups(@Query() query: Record<string, string>) {
    return this.rollupService.series(query);
  }

  /** ?unit=&metric=&maxAgeS=&limit=&cursor= — latest value per device and per unit, with ages. */
  @Get('latest')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  latest(@Query() query: Record<string, string>) {
    return this.rollupService.latest(query);
  }

  /** ?unit=&period=hour|day&at= — VN_AQI (QĐ 1459/QĐ-TCMT) per station and per unit. */
  @Get('aqi')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  aqi(@Query() query: Record<string, string>) {
    return this.aqiService.compute(query);
  }
}
