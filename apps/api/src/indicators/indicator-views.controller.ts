import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorators';
import { IndicatorViewsService } from '@ioc/indicators';

/** Read models of the wall and the tablet: scorecard, choropleth, history with lineage. */
@Controller('api/v1')
export class IndicatorViewsController {
  constructor(@Inject(IndicatorViewsService) private readonly views: IndicatorViewsService) {}

  /** Per indicator: value (own vs rolled up), coverage, the year's targets, status, trend, source. */
  @Get('scorecard')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  scorecard(
    @Query('unit') unit?: string,
    @Query('year') year?: string,
    @Query('all') all?: string,
  ) {
    return this.views.scorecard({ unit, year, all: all === 'true' });
  }

  /** One value and status per ward of a province, for a period (`period`) or a year (`year`). */
  @Get('indicators/:code/choropleth')
  @Access({ action: 'read', unit: { from: 'query', name: 'province' } })
  choropleth(
    @Param('code') code: string,
    @Query('province') province?: string,
    @Query('period') period?: string,
    @Query('year') year?: string,
  ) {
    return this.views.choropleth(code, { province, period, year });
  }

  /** Values per period with lineage: feed, submission (who, when, file, row), replaced values. */
  @Get('indicators/:code/history')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  history(
    @Param('code') code: string,
    @Query('unit') unit?: string,
    @Query('period') period?: string,
  ) {
    return this.views.history(code, { unit, period });
  }
}
