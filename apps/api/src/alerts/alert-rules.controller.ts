import { Body, Controller, Get, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Access } from '../auth/access.decorators';
import { requestOrigin } from './actor';
import { AlertService } from '@ioc/live';

/** Alert rule administration. Rules are disabled (PATCH enabled=false), not deleted: alerts refer to them. */
@Controller('api/v1/alert-rules')
@Access({ action: 'admin' })
export class AlertRulesController {
  constructor(@Inject(AlertService) private readonly alerts: AlertService) {}

  @Get()
  list(@Query() query: Record<string, string>) {
    return this.alerts.listRules(query);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.alerts.getRule(id);
  }

  @Post()
  create(@Body() body: unknown, @Req() req: FastifyRequest) {
    return this.alerts.createRule(body, requestOrigin(req));
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    return this.alerts.updateRule(id, body, requestOrigin(req));
  }
}
