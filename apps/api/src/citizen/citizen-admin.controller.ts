import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  citizenAppCreateBody,
  citizenAppParams,
  citizenCategoryParams,
  citizenCategoryPutBody,
  parseInput,
  workHolidayDayParams,
  workHolidayListQuery,
  workHolidayPutBody,
} from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import { CitizenAppService, CitizenCategoryService, WorkHolidayService } from '@ioc/citizen';
import { Access } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';

/**
 * Administration of citizen reports: the categories residents choose from (with their working-
 * day deadlines), the public holidays of the working-day calendar, and the apps allowed to file
 * reports on residents' behalf (a key shown once).
 */
@Controller('api/v1')
@Access({ action: 'admin' })
export class CitizenAdminController {
  constructor(
    @Inject(CitizenCategoryService) private readonly categories: CitizenCategoryService<AuditActor>,
    @Inject(WorkHolidayService) private readonly holidays: WorkHolidayService<AuditActor>,
    @Inject(CitizenAppService) private readonly apps: CitizenAppService<AuditActor>,
  ) {}

  /** Every category, inactive ones too (the public list has the active ones). */
  @Get('citizen/categories')
  listCategories() {
    return this.categories.list({ includeInactive: true });
  }

  @Put('citizen/categories/:code')
  putCategory(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const { code } = parseInput(citizenCategoryParams, params);
    const input = parseInput(citizenCategoryPutBody, body, 'CITIZEN_CATEGORY_INVALID');
    return this.categories.put(code, input, auditActor(req));
  }

  @Delete('citizen/categories/:code')
  @HttpCode(204)
  async removeCategory(@Req() req: FastifyRequest, @Param() params: unknown) {
    const { code } = parseInput(citizenCategoryParams, params);
    await this.categories.remove(code, auditActor(req));
  }

  @Get('work-holidays')
  listHolidays(@Query() query: unknown) {
    return this.holidays.list(parseInput(workHolidayListQuery, query, 'QUERY_INVALID').year);
  }

  @Put('work-holidays/:day')
  putHoliday(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const { day } = parseInput(workHolidayDayParams, params);
    const input = parseInput(workHolidayPutBody, body, 'WORK_HOLIDAY_INVALID');
    return this.holidays.put(day, input, auditActor(req));
  }

  @Delete('work-holidays/:day')
  @HttpCode(204)
  async removeHoliday(@Req() req: FastifyRequest, @Param() params: unknown) {
    const { day } = parseInput(workHolidayDayParams, params);
    await this.holidays.remove(day, auditActor(req));
  }

  @Get('citizen/apps')
  listApps() {
    return this.apps.list();
  }

  /** The key is in this answer only: the platform keeps its hash. */
  @Post('citizen/apps')
  @HttpCode(201)
  createApp(@Req() req: FastifyRequest, @Body() body: unknown) {
    return this.apps.create(
      parseInput(citizenAppCreateBody, body, 'CITIZEN_APP_INVALID'),
      auditActor(req),
    );
  }

  @Delete('citizen/apps/:id')
  @HttpCode(204)
  async revokeApp(@Req() req: FastifyRequest, @Param() params: unknown) {
    await this.apps.revoke(parseInput(citizenAppParams, params).id, auditActor(req));
  }
}
