import { Body, Controller, Get, Inject, Patch, Put, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { openDataSettingsBody, parseInput, publicationUpdateBody } from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import { PublicationService } from '@ioc/opendata';
import { Access } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';

/**
 * Publication control of the open-data face (administrators): which device kinds, devices,
 * metrics and indicators are public, and how positions are rounded and the data licensed.
 */
@Controller('api/v1/open-data')
@Access({ action: 'admin' })
export class PublicationController {
  constructor(
    @Inject(PublicationService) private readonly publication: PublicationService<AuditActor>,
  ) {}

  @Get('publication')
  state() {
    return this.publication.state();
  }

  @Put('publication')
  update(@Req() req: FastifyRequest, @Body() body: unknown) {
    const { entries } = parseInput(publicationUpdateBody, body, 'PUBLICATION_INVALID');
    return this.publication.update(entries, auditActor(req));
  }

  /** Answers the whole state, like PUT: the admin page redraws from one answer. */
  @Patch('settings')
  async settings(@Req() req: FastifyRequest, @Body() body: unknown) {
    const patch = parseInput(openDataSettingsBody, body, 'OPEN_DATA_SETTINGS_INVALID');
    await this.publication.updateSettings(patch, auditActor(req));
    return this.publication.state();
  }
}
