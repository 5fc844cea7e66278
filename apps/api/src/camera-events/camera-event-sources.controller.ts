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
import {
  cameraEventSourceCreateBody,
  cameraEventSourcePatchBody,
  idParams,
  parseInput,
} from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import { EventSourceService } from '@ioc/camera-events';
import { Access } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';

/** Event sources (administrators): the sender, its camera mapping, its write-only secret. */
@Controller('api/v1/camera-event-sources')
@Access({ action: 'admin' })
export class CameraEventSourcesController {
  constructor(
    @Inject(EventSourceService) private readonly sources: EventSourceService<AuditActor>,
  ) {}

  @Get()
  async list() {
    return { items: await this.sources.list(), asOf: new Date().toISOString() };
  }

  @Post()
  @HttpCode(201)
  create(@Req() req: FastifyRequest, @Body() body: unknown) {
    return this.sources.create(
      parseInput(cameraEventSourceCreateBody, body, 'EVENT_SOURCE_INVALID'),
      auditActor(req),
    );
  }

  @Patch(':id')
  patch(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    return this.sources.patch(
      parseInput(idParams, params).id,
      parseInput(cameraEventSourcePatchBody, body, 'EVENT_SOURCE_INVALID'),
      auditActor(req),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Req() req: FastifyRequest, @Param() params: unknown): Promise<void> {
    await this.sources.remove(parseInput(idParams, params).id, auditActor(req));
  }
}
