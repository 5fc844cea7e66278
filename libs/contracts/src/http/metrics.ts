import { z } from 'zod';

/**
 * A national limit a reading is judged against on cards and legends: the value, and where it
 * comes from (regulation and averaging period), because a 1-hour limit and a 24-hour one read
 * differently next to a live value.
 */
export const metricLimitSchema = z
  .object({
    value: z.number(),
    basisVi: z.string(),
    basisEn: z.string(),
  })
  .meta({ id: 'MetricLimit' });
export type MetricLimit = z.output<typeof metricLimitSchema>;

/**
 * One metric of the catalogue (`GET /api/v1/metrics`): what every card, legend, tooltip and
 * picker shows instead of the code a device sends.
 */
export const metricInfoSchema = z
  .object({
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    category: z.string(),
    uom: z.string().meta({ description: 'Canonical unit of measure, as stored' }),
    unitVi: z.string().meta({ description: 'Unit as printed in Vietnamese ("" for on/off)' }),
    unitEn: z.string().meta({ description: 'Unit as printed in English ("" for on/off)' }),
    decimals: z.number().int().min(0).max(6),
    min: z.number().meta({ description: 'Lowest plausible value (below is refused at ingest)' }),
    max: z.number().meta({ description: 'Highest plausible value (above is refused at ingest)' }),
    limit: metricLimitSchema.nullable(),
  })
  .meta({ id: 'MetricInfo' });
export type MetricInfo = z.output<typeof metricInfoSchema>;

export const metricListResponse = z.object({ items: z.array(metricInfoSchema) });
export type MetricList = z.output<typeof metricListResponse>;
