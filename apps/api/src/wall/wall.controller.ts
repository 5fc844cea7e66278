import { Body, Controller, Get, Inject, Put, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { WallConfig } from '@ioc/contracts';
import { Access } from '../auth/access.decorators';
import { actorName, auditActor } from '../auth/principal';
import { WallConfigService } from '@ioc/live';

/** What a unit's video wall shows (libs/contracts wall.ts); every screen of the wall reads it. */
@Controller('api/v1/wall')
export class WallController {
  constructor(@Inject(WallConfigService) private readonly wall: WallConfigService) {}

  /** The unit's saved scenes, or the built-in ones (`updatedAt: null`). */
  @Get('config')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  get(@Query('unit') unit?: string): Promise<WallConfig> {
    return this.wall.get(unit);
  }

  /** Body {rotate, scenes: WallScene[]}; every bad field is listed in one 400. */
  @Put('config')
  @Access({ action: 'admin', unit: { from: 'query', name: 'unit' } })
  put(
    @Req() req: FastifyRequest,
    @Query('unit') unit: string | undefined,
    @Body() body: unknown,
  ): Promise<WallConfig> {
    return this.wall.put(unit, body, auditActor(req), actorName(req));
  }
}
