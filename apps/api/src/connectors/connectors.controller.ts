import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Req,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { connectorIdParams, parseInput } from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import { ConnectorService } from '@ioc/connectors';
import { Access } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';

/**
 * Pull connectors (administrators only): CRUD, pause/resume, dry run, run now, run history and
 * rejected records. No answer carries a secret of an auth profile (only `auth.secretSet`).
 */
@Controller('api/v1/connectors')
export class ConnectorsController {
  constructor(
    @Inject(ConnectorService) private readonly connectors: ConnectorService<AuditActor>,
  ) {}

  @Get()
  @Access({ action: 'admin' })
  list() {
    return this.connectors.list();
  }

  @Post()
  @Access({ action: 'admin' })
  create(@Req() req: FastifyRequest, @Body() body: unknown) {
    return this.connectors.create(body, auditActor(req));
  }

  @Get(':id')
  @Access({ action: 'admin' })
  get(@Param() params: unknown) {
    return this.connectors.get(parseInput(connectorIdParams, params).id);
  }

  @Patch(':id')
  @Access({ action: 'admin' })
  update(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseInput(connectorIdParams, params);
    return this.connectors.update(id, body, auditActor(req));
  }

  @Delete(':id')
  @HttpCode(204)
  @Access({ action: 'admin' })
  async remove(@Req() req: FastifyRequest, @Param() params: unknown) {
    await this.connectors.remove(parseInput(connectorIdParams, params).id, auditActor(req));
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Access({ action: 'admin' })
  pause(@Req() req: FastifyRequest, @Param() params: unknown) {
    const { id } = parseInput(connectorIdParams, params);
    return this.connectors.setPaused(id, true, auditActor(req));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Access({ action: 'admin' })
  resume(@Req() req: FastifyRequest, @Param() params: unknown) {
    const { id } = parseInput(connectorIdParams, params);
    return this.connectors.setPaused(id, false, auditActor(req));
  }

  /** The first 20 mapped records; nothing written. */
  @Post(':id/dry-run')
  @HttpCode(200)
  @Access({ action: 'admin' })
  dryRun(@Param() params: unknown) {
    return this.connectors.dryRun(parseInput(connectorIdParams, params).id);
  }

  /** One run from the stored watermark; answers the finished run. */
  @Post(':id/run')
  @HttpCode(200)
  @Access({ action: 'admin' })
  run(@Req() req: FastifyRequest, @Param() params: unknown) {
    const { id } = parseInput(connectorIdParams, params);
    return this.connectors.runNow(id, 'manual', auditActor(req));
  }

  @Get(':id/runs')
  @Access({ action: 'admin' })
  runs(@Param() params: unknown) {
    return this.connectors.history(parseInput(connectorIdParams, params).id);
  }

  @Get(':id/dead-letters')
  @Access({ action: 'admin' })
  deadLetters(@Param() params: unknown) {
    return this.connectors.deadLetters(parseInput(connectorIdParams, params).id);
  }
}
