import type { ReportExportJson } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { ReportingIndicators, ReportingTasks, ReportingUnits } from '../ports';
import { ExportGatherer } from './export-data';
import { reportPackets } from './packets';
import { reportWorkbook } from './xlsx';

export interface ExportQuery {
  unit?: string | undefined;
  period?: string | undefined;
}

/** The exports a reporting office sends: the .xlsx workbook and the JSON packets. */
export class ReportExportService {
  private readonly gatherer: ExportGatherer;

  constructor(
    db: Queryable,
    deps: {
      units: ReportingUnits;
      indicators: ReportingIndicators;
      tasks: ReportingTasks;
      clock?: () => Date;
    },
  ) {
    this.gatherer = new ExportGatherer(
      db,
      deps.units,
      deps.indicators,
      deps.tasks,
      deps.clock ?? (() => new Date()),
    );
  }

  /** The workbook and a file name (`bao-cao-<unit>-<period>.xlsx`). */
  async xlsx(q: ExportQuery): Promise<{ filename: string; body: Buffer }> {
    const data = await this.gatherer.gather(q);
    return {
      filename: `bao-cao-${data.sender.code}-${data.period.code}.xlsx`,
      body: await reportWorkbook(data),
    };
  }

  async json(q: ExportQuery): Promise<ReportExportJson> {
    return reportPackets(await this.gatherer.gather(q));
  }
}
