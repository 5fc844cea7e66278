import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ALERT_ACTIONS, type AlertActionName } from '@ioc/live';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';
import { requestOrigin } from './actor';

/** Alerts and their workflow: list, detail, audit trail, notifications, lifecycle actions. */
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(@Inject(PLATFORM) private readonly ctx: PlatformContext) {}

  /** ?unit=&status=open,acknowledged|active&rule=&device=&limit=&cursor= — newest first. */
  @Get()
  list(@Query() query: Record<string, string>) {
    return this.ctx.live.alerts.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.ctx.live.alerts.get(id);
  }

  @Get(':id/audit')
  audit(@Param('id') id: string) {
    return this.ctx.live.alerts.audit(id);
  }

  /** Every delivery attempt, failures included. */
  @Get(':id/notifications')
  notifications(@Param('id') id: string) {
    return this.ctx.live.alerts.notifications(id);
  }

  /** acknowledge | start | resolve {reason?} | close | assign {assignee} | note {text} | reopen {reason?} | escalate */
  @Post(':id/:action')
  @HttpCode(200)
  act(
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
  ) {
    if (!(ALERT_ACTIONS as readonly string[]).includes(action)) {
      throw new BadRequestException(`action must be one of ${ALERT_ACTIONS.join(', ')}`);
    }
    return this.ctx.live.alerts.act(id, action as AlertActionName, body, requestOrigin(req));
  }
}
