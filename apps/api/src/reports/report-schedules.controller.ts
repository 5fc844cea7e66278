import { Body, Controller, Get, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { parseInput, reportScheduleListQuery } from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import { ScheduleService } from '@ioc/reporting';
import { Access, unitOfNamed, type UnitSource } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';

const scheduleUnit: UnitSource = {
  from: 'lookup',
  resolve: (req, lookups) => lookups.reportScheduleUnit((req.params as { id?: string }).id ?? ''),
};

/** Who reports how often and by which day, and who is reminded: planners set it up. */
@Controller('api/v1/reports/schedules')
export class ReportSchedulesController {
  constructor(@Inject(ScheduleService) private readonly schedules: ScheduleService<AuditActor>) {}

  @Get()
  @Access({ action: 'tasks.plan', unit: { from: 'query', name: 'unit' } })
  list(@Query() query: unknown) {
    return this.schedules.list(parseInput(reportScheduleListQuery, query, 'QUERY_INVALID'));
  }

  @Post()
  @Access({
    action: 'tasks.plan',
    unit: [
      { from: 'body', name: 'unitCode' },
      unitOfNamed('office', 'body', 'officeId'),
      unitOfNamed('office', 'body', 'compilerOfficeId'),
    ],
  })
  create(@Body() body: unknown, @Req() req: FastifyRequest) {
    return this.schedules.create(body, auditActor(req));
  }

  @Patch(':id')
  @Access({
    action: 'tasks.plan',
    unit: [scheduleUnit, unitOfNamed('office', 'body', 'compilerOfficeId')],
  })
  patch(@Param('id') id: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    return this.schedules.patch(id, body, auditActor(req));
  }
}
