import { z } from 'zod';
import { INDICATOR_STATUSES } from '../vocabulary';
import { isoTime } from './common';

/**
 * The machine export of a period's indicator values (`GET /api/v1/reports/export.json`), shaped
 * after the packets of the national reporting data-exchange regulation QCVN 125:2021/BTTTT:
 * the indicator catalogue packet (danh mục chỉ tiêu / bộ chỉ số KPI), the disaggregation
 * catalogue packet (danh mục phân tổ chỉ số: here the administrative-unit dimension) and the
 * KPI data packet (dữ liệu chỉ số), each value disaggregated by unit. libs/reporting/EXPORT.md
 * maps every field.
 */
export const UNIT_DISAGGREGATION = 'DVHC';

const packetHeader = {
  packetType: z.string(),
  version: z.literal('1.0'),
};

export const exportIndicatorSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  measureUnit: z.string().meta({ description: 'Đơn vị tính: percent, count, …' }),
  direction: z.string().nullable(),
  disaggregations: z.array(z.string()).meta({ description: 'Codes of the dimensions' }),
});

export const exportDimensionValueSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  parentCode: z.string().nullable(),
  level: z.string(),
});

export const exportKpiValueSchema = z.object({
  indicatorCode: z.string(),
  period: z.string(),
  periodType: z.enum(['month', 'quarter', 'year']),
  value: z.number().nullable(),
  target: z.number().nullable(),
  status: z.enum(INDICATOR_STATUSES),
  source: z.string().nullable(),
  disaggregation: z.array(z.object({ dimension: z.string(), code: z.string() })),
});

export const reportExportJsonSchema = z
  .object({
    standard: z.literal('QCVN 125:2021/BTTTT'),
    generatedAt: isoTime,
    sender: z.object({ unitCode: z.string(), nameVi: z.string().nullable() }),
    period: z.object({
      code: z.string(),
      type: z.enum(['month', 'quarter', 'year']),
      start: z.string(),
      end: z.string(),
    }),
    indicatorCatalogue: z.object({
      ...packetHeader,
      packetType: z.literal('DANH_MUC_CHI_TIEU'),
      items: z.array(exportIndicatorSchema),
    }),
    disaggregationCatalogue: z.object({
      ...packetHeader,
      packetType: z.literal('DANH_MUC_PHAN_TO'),
      dimensions: z.array(
        z.object({
          code: z.string(),
          nameVi: z.string(),
          values: z.array(exportDimensionValueSchema),
        }),
      ),
    }),
    kpiData: z.object({
      ...packetHeader,
      packetType: z.literal('DU_LIEU_CHI_SO'),
      items: z.array(exportKpiValueSchema),
    }),
  })
  .meta({ id: 'ReportExport' });
export type ReportExportJson = z.output<typeof reportExportJsonSchema>;
