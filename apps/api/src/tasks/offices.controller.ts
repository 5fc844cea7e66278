import { Body, Controller, Get, Inject, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  officeCreateBody,
  officeIdParams,
  officeListQuery,
  officeMemberBody,
  officePatchBody,
  parseInput,
} from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import { OfficeService } from '@ioc/org';
import { Access, type UnitSource } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';

/** The unit of the office named in the path. */
const officeUnit: UnitSource = {
  from: 'lookup',
  resolve: (req, lookups) => lookups.officeUnit((req.params as { id?: string }).id ?? ''),
};

/** Departments and offices below a unit, and who belongs to them. */
@Controller('api/v1/offices')
export class OfficesController {
  constructor(@Inject(OfficeService) private readonly offices: OfficeService<AuditActor>) {}

  @Get()
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  list(@Query() query: unknown) {
    const q = parseInput(officeListQuery, query, 'QUERY_INVALID');
    return this.offices
      .list({ unit: q.unit, includeRetired: q.retired === 'true' })
      .then((items) => ({ asOf: new Date().toISOString(), items }));
  }

  @Post()
  @Access({ action: 'tasks.plan', unit: { from: 'body', name: 'unitCode' } })
  create(@Req() req: FastifyRequest, @Body() body: unknown) {
    return this.offices.create(
      parseInput(officeCreateBody, body, 'OFFICE_INVALID'),
      auditActor(req),
    );
  }

  @Patch(':id')
  @Access({ action: 'tasks.plan', unit: officeUnit })
  update(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseInput(officeIdParams, params);
    return this.offices.update(
      id,
      parseInput(officePatchBody, body, 'OFFICE_INVALID'),
      auditActor(req),
    );
  }

  @Put(':id/members')
  @Access({ action: 'tasks.plan', unit: officeUnit })
  member(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseInput(officeIdParams, params);
    return this.offices.setMember(
      id,
      parseInput(officeMemberBody, body, 'OFFICE_MEMBER_INVALID'),
      auditActor(req),
    );
  }
}
