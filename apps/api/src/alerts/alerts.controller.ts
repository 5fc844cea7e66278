import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { alertActionParams, parseInput } from '@ioc/contracts';
import { Access, unitOfDevice, type UnitSource } from '../auth/access.decorators';
import { requestOrigin } from './actor';
import { AlertService } from '@ioc/live';

/** The unit of the alert named in the path, for the access check (404 is left to the handler). */
export const alertUnit: UnitSource = {
  from: 'lookup',
  resolve: (req, lookups) => lookups.alertUnit((req.params as { id?: string }).id ?? ''),
};

/** Alerts and their workflow: list, detail, audit trail, notifications, lifecycle actions. */
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(@Inject(AlertService) private readonly alerts: AlertService) {}

  /** ?unit=&status=open,acknowledged|active&rule=&device=&limit=&cursor= — newest first. */
  @Get()
  @Access({
    action: 'read',
    unit: [{ from: 'query', name: 'unit' }, unitOfDevice('query', 'device')],
  })
  list(@Query() query: Record<string, string>) {
    // `state=` is accepted as another name for `status=` (what the wall asks for).
    const { state, ...rest } = query;
    return this.alerts.list(
      state !== undefined && rest.status === undefined ? { ...rest, status: state } : rest,
    );
  }

  @Get(':id')
  @Access({ action: 'read', unit: alertUnit })
  get(@Param('id') id: string) {
    return this.alerts.get(id);
  }

  @Get(':id/audit')
  @Access({ action: 'read', unit: alertUnit })
  audit(@Param('id') id: string) {
    return this.alerts.audit(id);
  }

  /** Every delivery attempt, failures included. */
  @Get(':id/notifications')
  @Access({ action: 'read', unit: alertUnit })
  notifications(@Param('id') id: string) {
    return this.alerts.notifications(id);
  }

  /** acknowledge | start | resolve {reason?} | close | assign {assignee} | note {text} | reopen {reason?} | escalate */
  @Post(':id/:action')
  @Access({ action: 'alerts.work', unit: alertUnit })
  @HttpCode(200)
  act(
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
  ) {
    const params = parseInput(alertActionParams, { id, action }, 'ALERT_ACTION_INVALID');
    return this.alerts.act(params.id, params.action, body, requestOrigin(req));
  }
}
