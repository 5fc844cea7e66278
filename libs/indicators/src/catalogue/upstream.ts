import { z } from 'zod';
import {
  CATALOGUE_FORMAT,
  DIRECTIONS,
  INDICATOR_UNITS,
  MEASURED_AT,
  NUMERIC_OPS,
  ROLLUPS,
  catalogueSchema,
  type Catalogue,
  type CatalogueTarget,
} from './schema';

/**
 * Schema of the research catalogue in shared/data/indicators/catalogue.json (snake_case,
 * `areaCode`). Only the converter reads it; the platform itself reads its own seed format.
 */
const upstreamSchema = z.object({
  version: z.number().int(),
  generatedFrom: z.string(),
  sources: z.array(
    z.object({
      id: z.string(),
      title_vi: z.string(),
      title_en: z.string(),
      issuer_vi: z.string(),
      areaCode: z.string(),
      issuedOn: z.string().nullable(),
      seedFile: z.string().optional(),
    }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      name_vi: z.string(),
      name_en: z.string(),
      domain: z.string(),
      unit: z.enum(INDICATOR_UNITS),
      direction: z.enum(DIRECTIONS),
      rollup: z.enum(ROLLUPS),
      numerator_vi: z.string().optional(),
      denominator_vi: z.string().optional(),
      measuredAt: z.array(z.enum(MEASURED_AT)),
      leadAgency_vi: z.string(),
      notes: z.string().optional(),
    }),
  ),
  targets: z.array(
    z.object({
      indicator: z.string(),
      areaCode: z.string(),
      year: z.number().int(),
      op: z.enum([...NUMERIC_OPS, 'between', 'reached']),
      value: z.number().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      source: z.string(),
      ref: z.string(),
    }),
  ),
});

export type UpstreamCatalogue = z.infer<typeof upstreamSchema>;

/**
 * Converts the research catalogue into the platform seed. Facts are copied unchanged; the
 * target `key` is `source/indicator/unit/year/n`, where n counts rows of that group in file
 * order, so the two conflicting 5G rows of one plan (100 % and 99 %) get distinct keys.
 */
export function convertUpstreamCatalogue(json: unknown, upstreamPath: string): Catalogue {
  const up = upstreamSchema.parse(json);
  const seen = new Map<string, number>();
  const targets = up.targets.map((t): CatalogueTarget => {
    const group = `${t.source}/${t.indicator}/${t.areaCode}/${t.year}`;
    const n = (seen.get(group) ?? 0) + 1;
    seen.set(group, n);
    const common = {
      key: `${group}/${n}`,
      indicator: t.indicator,
      unitCode: t.areaCode,
      year: t.year,
      source: t.source,
      ref: t.ref,
    };
    switch (t.op) {
      case 'between':
        return {
          ...common,
          op: 'between',
          min: required(t.min, group),
          max: required(t.max, group),
        };
      case 'reached':
        return { ...common, op: 'reached' };
      default:
        return { ...common, op: t.op, value: required(t.value, group) };
    }
  });
  return catalogueSchema.parse({
    format: CATALOGUE_FORMAT,
    upstream: { path: upstreamPath, version: up.version, generatedFrom: up.generatedFrom },
    sources: up.sources.map((s) => ({
      id: s.id,
      titleVi: s.title_vi,
      titleEn: s.title_en,
      issuerVi: s.issuer_vi,
      unitCode: s.areaCode,
      issuedOn: s.issuedOn,
      seedFile: s.seedFile ?? null,
    })),
    indicators: up.indicators.map((i) => ({
      code: i.code,
      nameVi: i.name_vi,
      nameEn: i.name_en,
      domain: i.domain,
      unit: i.unit,
      direction: i.direction,
      rollup: i.rollup,
      numeratorVi: i.numerator_vi ?? null,
      denominatorVi: i.denominator_vi ?? null,
      measuredAt: i.measuredAt,
      leadAgencyVi: i.leadAgency_vi,
      notes: i.notes ?? null,
    })),
    targets,
  });
}

function required(v: number | undefined, where: string): number {
  if (v === undefined) throw new Error(`Target ${where} lacks a number its operator needs`);
  return v;
}
