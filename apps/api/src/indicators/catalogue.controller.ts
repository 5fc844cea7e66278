import {
  Body,
  Controller,
  Delete,
  Get,
  Inject,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Access } from '../auth/access.decorators';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';
import { requestActor } from './actor';

/** The indicator catalogue and plan targets: public reads, admin edits (each with who and why). */
@Controller('api/v1')
export class IndicatorCatalogueController {
  constructor(@Inject(PLATFORM) private readonly ctx: PlatformContext) {}

  @Get('indicators')
  @Access({ action: 'read' })
  catalogue(@Query('domain') domain?: string, @Query('level') level?: string) {
    return this.ctx.indicatorCatalogue.catalogue({ domain, level });
  }

  /** Who changed which indicator or target, when and why, with before and after. */
  @Get('indicators/changes')
  @Access({ action: 'admin' })
  changes(
    @Query('entity') entity?: string,
    @Query('key') key?: string,
    @Query('limit') limit?: string,
  ) {
    return this.ctx.indicatorCatalogue.changes({ entity, key, limit });
  }

  @Get('indicators/:code')
  @Access({ action: 'read' })
  indicator(@Param('code') code: string) {
    return this.ctx.indicatorCatalogue.indicator(code);
  }

  @Post('indicators')
  @Access({ action: 'admin' })
  createIndicator(@Req() req: FastifyRequest, @Body() body: unknown) {
    return this.ctx.indicatorCatalogue.createIndicator(body, requestActor(req));
  }

  @Patch('indicators/:code')
  @Access({ action: 'admin' })
  updateIndicator(@Req() req: FastifyRequest, @Param('code') code: string, @Body() body: unknown) {
    return this.ctx.indicatorCatalogue.updateIndicator(code, body, requestActor(req));
  }

  @Get('targets')
  @Access({ action: 'read' })
  targets(
    @Query('indicator') indicator?: string,
    @Query('unit') unit?: string,
    @Query('retired') retired?: string,
  ) {
    return this.ctx.indicatorCatalogue.targets({ indicator, unit, retired: retired === 'true' });
  }

  @Post('targets')
  @Access({ action: 'admin' })
  createTarget(@Req() req: FastifyRequest, @Body() body: unknown) {
    return this.ctx.indicatorCatalogue.createTarget(body, requestActor(req));
  }

  @Patch('targets/:id')
  @Access({ action: 'admin' })
  updateTarget(
    @Req() req: FastifyRequest,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: unknown,
  ) {
    return this.ctx.indicatorCatalogue.updateTarget(id, body, requestActor(req));
  }

  /** Retires a target (kept for the audit trail; a re-seed does not bring it back). */
  @Delete('targets/:id')
  @Access({ action: 'admin' })
  retireTarget(
    @Req() req: FastifyRequest,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: unknown,
  ) {
    return this.ctx.indicatorCatalogue.retireTarget(id, body, requestActor(req));
  }
}
