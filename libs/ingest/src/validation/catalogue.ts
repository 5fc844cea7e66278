import type { MetricSpec } from './types';

/** A `metric` table row as the pg driver returns it (double precision may arrive as string). */
export interface MetricRow {
  code: string;
  uom: string;
  min_value: number | string;
  max_value: number | string;
}

/** Builds the lookup validation uses from `SELECT code, uom, min_value, max_value FROM metric`. */
export function metricSpecsFromRows(rows: Iterable<MetricRow>): Map<string, MetricSpec> {
  const catalogue = new Map<string, MetricSpec>();
  for (const row of rows) {
    catalogue.set(row.code, {
      uom: row.uom,
      min: Number(row.min_value),
      max: Number(row.max_value),
    });
  }
  return catalogue;
}
