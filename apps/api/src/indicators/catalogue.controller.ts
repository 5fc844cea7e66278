import {
  Body,
  Controller,
  Delete,
  Get,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  catalogueQuery,
  changesQuery,
  parseInput,
  targetIdParams,
  targetsQuery,
} from '@ioc/contracts';
import { Access } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';
import { CatalogueAdminService } from '@ioc/indicators';

/** The indicator catalogue and plan targets: public reads, admin edits (each with who and why). */
@Controller('api/v1')
export class IndicatorCatalogueController {
  constructor(
    @Inject(CatalogueAdminService) private readonly catalogueAdmin: CatalogueAdminService,
  ) {}

  @Get('indicators')
  @Access({ action: 'read' })
  catalogue(@Query() query: unknown) {
    const { domain, level } = parseInput(catalogueQuery, query, 'QUERY_INVALID');
    return this.catalogueAdmin.catalogue({ domain, level });
  }

  /** Who changed which indicator or target, when and why, with before and after. */
  @Get('indicators/changes')
  @Access({ action: 'admin' })
  changes(@Query() query: unknown) {
    const { entity, key, limit } = parseInput(changesQuery, query, 'QUERY_INVALID');
    return this.catalogueAdmin.changes({ entity, key, limit });
  }

  @Get('indicators/:code')
  @Access({ action: 'read' })
  indicator(@Param('code') code: string) {
    return this.catalogueAdmin.indicator(code);
  }

  @Post('indicators')
  @Access({ action: 'admin' })
  createIndicator(@Req() req: FastifyRequest, @Body() body: unknown) {
    return this.catalogueAdmin.createIndicator(body, auditActor(req).actor);
  }

  @Patch('indicators/:code')
  @Access({ action: 'admin' })
  updateIndicator(@Req() req: FastifyRequest, @Param('code') code: string, @Body() body: unknown) {
    return this.catalogueAdmin.updateIndicator(code, body, auditActor(req).actor);
  }

  @Get('targets')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  targets(@Query() query: unknown) {
    const { indicator, unit, retired } = parseInput(targetsQuery, query, 'QUERY_INVALID');
    return this.catalogueAdmin.targets({ indicator, unit, retired: retired === 'true' });
  }

  @Post('targets')
  @Access({ action: 'admin' })
  createTarget(@Req() req: FastifyRequest, @Body() body: unknown) {
    return this.catalogueAdmin.createTarget(body, auditActor(req).actor);
  }

  @Patch('targets/:id')
  @Access({ action: 'admin' })
  updateTarget(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseInput(targetIdParams, params);
    return this.catalogueAdmin.updateTarget(id, body, auditActor(req).actor);
  }

  /** Retires a target (kept for the audit trail; a re-seed does not bring it back). */
  @Delete('targets/:id')
  @Access({ action: 'admin' })
  retireTarget(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseInput(targetIdParams, params);
    return this.catalogueAdmin.retireTarget(id, body, auditActor(req).actor);
  }
}
