import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { parseInput, reportExportQuery } from '@ioc/contracts';
import { ReportExportService } from '@ioc/reporting';
import { Access } from '../auth/access.decorators';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The month's report as a workbook and as the national exchange packets (JSON). */
@Controller('api/v1/reports')
export class ReportExportsController {
  constructor(@Inject(ReportExportService) private readonly exports: ReportExportService) {}

  @Get('export.xlsx')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  async xlsx(@Query() query: unknown, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.exports.xlsx(parseInput(reportExportQuery, query, 'QUERY_INVALID'));
    void reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.body);
  }

  @Get('export.json')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  json(@Query() query: unknown) {
    return this.exports.json(parseInput(reportExportQuery, query, 'QUERY_INVALID'));
  }
}
