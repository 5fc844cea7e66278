import { Body, Controller, Get, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';
import { Access } from '../auth/access.decorators';
import { requestOrigin } from './actor';

/** Alert rule administration. Rules are disabled (PATCH enabled=false), not deleted: alerts refer to them. */
@Controller('api/v1/alert-rules')
@Access({ action: 'admin' })
export class AlertRulesController {
  constructor(@Inject(PLATFORM) private readonly ctx: PlatformContext) {}

  @Get()
  list(@Query() query: Record<string, string>) {
    return this.ctx.live.alerts.listRules(query);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.ctx.live.alerts.getRule(id);
  }

  @Post()
  create(@Body() body: unknown, @Req() req: FastifyRequest) {
    return this.ctx.live.alerts.createRule(body, requestOrigin(req));
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    return this.ctx.live.alerts.updateRule(id, body, requestOrigin(req));
  }
}
