import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { choroplethQuery, historyQuery, parseInput, scorecardQuery } from '@ioc/contracts';
import { Access } from '../auth/access.decorators';
import { IndicatorViewsService } from '@ioc/indicators';

/** Read models of the wall and the tablet: scorecard, choropleth, history with lineage. */
@Controller('api/v1')
export class IndicatorViewsController {
  constructor(@Inject(IndicatorViewsService) private readonly views: IndicatorViewsService) {}

  /** Per indicator: value (own vs rolled up), coverage, the year's targets, status, trend, source. */
  @Get('scorecard')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  scorecard(@Query() query: unknown) {
    // Presence of the unit is the service's check (UNIT_REQUIRED); the shape is checked here.
    const { unit, year, all } = parseInput(scorecardQuery.partial(), query, 'QUERY_INVALID');
    return this.views.scorecard({ unit, year, all: all === 'true' });
  }

  /** One value and status per ward of a province, for a period (`period`) or a year (`year`). */
  @Get('indicators/:code/choropleth')
  @Access({ action: 'read', unit: { from: 'query', name: 'province' } })
  choropleth(@Param('code') code: string, @Query() query: unknown) {
    const { province, period, year } = parseInput(
      choroplethQuery.partial(),
      query,
      'QUERY_INVALID',
    );
    return this.views.choropleth(code, { province, period, year });
  }

  /** Values per period with lineage: feed, submission (who, when, file, row), replaced values. */
  @Get('indicators/:code/history')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  history(@Param('code') code: string, @Query() query: unknown) {
    const { unit, period } = parseInput(historyQuery.partial(), query, 'QUERY_INVALID');
    return this.views.history(code, { unit, period });
  }
}
