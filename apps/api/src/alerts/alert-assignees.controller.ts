import { Controller, Get, Inject, Param } from '@nestjs/common';
import { AssigneeDirectory, type AssignablePerson } from '@ioc/auth';
import { AlertService } from '@ioc/live';
import { Access } from '../auth/access.decorators';
import { alertUnit } from './alerts.controller';

/**
 * Whom an alert may be handed to: the people of its unit and the units above it. Asked by those
 * who may assign it (the `alerts.work` policy), for the alert's own unit, looked up from it.
 */
@Controller('api/v1/alerts')
export class AlertAssigneesController {
  constructor(
    @Inject(AlertService) private readonly alerts: AlertService,
    @Inject(AssigneeDirectory) private readonly people: AssigneeDirectory,
  ) {}

  @Get(':id/assignable-people')
  @Access({ action: 'alerts.work', unit: alertUnit })
  async list(@Param('id') id: string): Promise<{ asOf: string; items: AssignablePerson[] }> {
    // A missing alert is a 404 (from the service), never an empty list.
    const alert = await this.alerts.get(id);
    return { asOf: new Date().toISOString(), items: await this.people.forUnit(alert.unitCode) };
  }
}
