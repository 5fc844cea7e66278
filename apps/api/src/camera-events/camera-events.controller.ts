import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  cameraEventCountsQuery,
  cameraEventIdParams,
  cameraEventListQuery,
  cameraEventSnapshotQuery,
  cameraIdParams,
  DomainError,
  parseInput,
} from '@ioc/contracts';
import { CameraEventQueries } from '@ioc/camera-events';
import { Access, type UnitSource } from '../auth/access.decorators';
import { sendPhoto } from '../citizen/citizen-edge';
import { cameraUnit } from '../cameras/cameras.controller';

/** The unit of the event in the path (its camera's when stored). */
const eventUnit: UnitSource = {
  from: 'lookup',
  resolve: (req, lookups) => lookups.cameraEventUnit((req.params as { id?: string }).id ?? ''),
};

/** Stored AI-camera events, their pictures and hourly counts, for readers of the unit. */
@Controller('api/v1/camera-events')
export class CameraEventsController {
  constructor(@Inject(CameraEventQueries) private readonly events: CameraEventQueries) {}

  @Get()
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  list(@Query() query: unknown) {
    return this.events.list(parseInput(cameraEventListQuery, query, 'QUERY_INVALID'));
  }

  @Get('counts')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  counts(@Query() query: unknown) {
    return this.events.counts(parseInput(cameraEventCountsQuery, query, 'QUERY_INVALID'));
  }

  @Get(':id')
  @Access({ action: 'read', unit: eventUnit })
  get(@Param() params: unknown) {
    return this.events.get(parseInput(cameraEventIdParams, params).id);
  }

  @Get(':id/snapshot')
  @Access({ action: 'read', unit: eventUnit })
  async snapshot(@Param() params: unknown, @Res() reply: FastifyReply) {
    const s = await this.events.snapshot(parseInput(cameraEventIdParams, params).id);
    await sendPhoto(reply, s.data, 'private');
  }
}

/** The picture an alert on a camera carries (`snapshotUrl` of live alerts). */
@Controller('api/v1/cameras')
export class CameraEventSnapshotController {
  constructor(@Inject(CameraEventQueries) private readonly events: CameraEventQueries) {}

  @Get(':id/event-snapshot')
  @Access({ action: 'read', unit: cameraUnit })
  async snapshot(@Param() params: unknown, @Query() query: unknown, @Res() reply: FastifyReply) {
    const { id } = parseInput(cameraIdParams, params);
    const { at } = parseInput(cameraEventSnapshotQuery, query, 'QUERY_INVALID');
    const when = new Date(at);
    if (Number.isNaN(when.getTime())) {
      throw new DomainError(
        'invalid',
        'QUERY_INVALID',
        'at: not a time · at: không phải thời điểm',
      );
    }
    await sendPhoto(reply, (await this.events.cameraSnapshot(id, when)).data, 'private');
  }
}
