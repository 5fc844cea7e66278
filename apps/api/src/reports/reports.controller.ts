import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  lateListQuery,
  parseInput,
  reportMatrixQuery,
  reportPeriodListQuery,
  type ReportAction,
} from '@ioc/contracts';
import { WARD_ROLES } from '@ioc/auth';
import { ReportingService, type ReportingActor } from '@ioc/reporting';
import { Access, type UnitSource } from '../auth/access.decorators';
import { auditActor, principalOf } from '../auth/principal';

/** The unit of the period named in the path, for the access check (404 is the handler's). */
const periodUnit: UnitSource = {
  from: 'lookup',
  resolve: (req, lookups) => lookups.periodUnit((req.params as { id?: string }).id ?? ''),
};

/** Who steps a report: the username for the records; ward roles review only as compilers. */
function reportingActor(req: FastifyRequest): ReportingActor {
  const p = principalOf(req);
  if (p?.kind === 'user') {
    return { username: p.username, reviewsOnlyAsCompiler: WARD_ROLES.has(p.role) };
  }
  // Only while access control is off (tests, local development) is nobody known here.
  return { username: p?.actor ?? 'anonymous', reviewsOnlyAsCompiler: false };
}

/** The reporting cycle: periods, the matrix, the late list and the steps on a period. */
@Controller('api/v1/reports')
export class ReportsController {
  constructor(@Inject(ReportingService) private readonly reporting: ReportingService<unknown>) {}

  /** ?unit=&period=&state=open,returned&late=true — the unit and the units below it. */
  @Get('periods')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  periods(@Query() query: unknown) {
    return this.reporting.listPeriods(parseInput(reportPeriodListQuery, query, 'QUERY_INVALID'));
  }

  @Get('matrix')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  matrix(@Query() query: unknown) {
    return this.reporting.matrix(parseInput(reportMatrixQuery, query, 'QUERY_INVALID'));
  }

  @Get('late')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  late(@Query() query: unknown) {
    return this.reporting.late(parseInput(lateListQuery, query, 'QUERY_INVALID'));
  }

  @Get('periods/:id')
  @Access({ action: 'read', unit: periodUnit })
  get(@Param('id') id: string) {
    return this.reporting.getPeriod(id);
  }

  @Post('periods/:id/submit')
  @Access({ action: 'reports.submit', unit: periodUnit })
  @HttpCode(200)
  submit(@Param('id') id: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    return this.step(id, 'submit', body, req);
  }

  @Post('periods/:id/return')
  @Access({ action: 'reports.review', unit: periodUnit })
  @HttpCode(200)
  return(@Param('id') id: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    return this.step(id, 'return', body, req);
  }

  @Post('periods/:id/approve')
  @Access({ action: 'reports.review', unit: periodUnit })
  @HttpCode(200)
  approve(@Param('id') id: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    return this.step(id, 'approve', body, req);
  }

  @Post('periods/:id/reopen')
  @Access({ action: 'reports.review', unit: periodUnit })
  @HttpCode(200)
  reopen(@Param('id') id: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    return this.step(id, 'reopen', body, req);
  }

  private step(id: string, action: ReportAction, body: unknown, req: FastifyRequest) {
    return this.reporting.act(id, action, body, reportingActor(req), auditActor(req));
  }
}
