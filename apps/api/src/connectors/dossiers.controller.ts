import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '@ioc/auth';
import { DossierService } from '@ioc/dossiers';
import { Access } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';

/** Public-service dossiers: readers see their units' dossiers and rates; administrators push. */
@Controller('api/v1/dossiers')
export class DossiersController {
  constructor(@Inject(DossierService) private readonly dossiers: DossierService<AuditActor>) {}

  @Get()
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  list(@Query() query: unknown) {
    return this.dossiers.list(query);
  }

  @Get('stats')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  stats(@Query() query: unknown) {
    return this.dossiers.stats(query);
  }

  /** Records stored by code; bad ones listed, the others stored. */
  @Post()
  @HttpCode(200)
  @Access({ action: 'admin' })
  push(@Req() req: FastifyRequest, @Body() body: unknown) {
    const who = auditActor(req);
    return this.dossiers.push(body, who, who.actor);
  }
}
