import { z } from 'zod';
import { UNIT_LEVELS } from '../vocabulary';
import { booleanParam, isoTime } from './common';

export const unitLevelSchema = z.enum(UNIT_LEVELS);
export type UnitLevel = z.infer<typeof unitLevelSchema>;
export const ZOOM_BANDS = ['low', 'mid', 'high'] as const;
export const zoomBandSchema = z.enum(ZOOM_BANDS);

const lonLat = z.tuple([z.number(), z.number()]);

/**
 * An administrative unit without its boundary. Clients read optional facts leniently (an older
 * server may not send them): `.default()` fills them, and the server always sends every field.
 */
export const unitSummarySchema = z
  .object({
    code: z.string().meta({ examples: ['20314'] }),
    name: z.string().meta({ examples: ['Phường Hải Châu'] }),
    shortName: z.string().meta({ examples: ['Hải Châu'] }),
    nameEn: z.string().nullable().default(null),
    level: unitLevelSchema,
    parentCode: z.string().nullable().default(null),
    /** Label point [lon, lat]. */
    label: lonLat.nullable().default(null),
    areaKm2: z.number().nullable().default(null),
    population: z.number().nullable().default(null),
    approximate: z
      .boolean()
      .default(false)
      .meta({ description: 'The geometry is an approximate cell, not an official boundary' }),
  })
  .meta({ id: 'UnitSummary' });
export type UnitSummary = z.output<typeof unitSummarySchema>;

/** GeoJSON (Multi)Polygon in WGS84; coordinates are checked for shape only. */
export const areaGeometrySchema = z
  .object({
    type: z.enum(['Polygon', 'MultiPolygon']),
    coordinates: z.array(z.array(z.array(z.unknown()))),
  })
  .meta({ id: 'AreaGeometry' });

// ── Requests ──────────────────────────────────────────────────────────────────────────────────

export const unitListQuery = z.object({
  parent: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional()
    .meta({ description: 'Children of this unit' }),
  level: unitLevelSchema.optional(),
  q: z.string().min(1).max(100).optional().meta({
    description: 'Search names (diacritic-insensitive: "hoa xuan" finds "Hoà Xuân") and codes',
  }),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const unitMapQuery = z.object({
  band: zoomBandSchema
    .optional()
    .meta({ description: 'Detail level; default from zoom, else mid' }),
  zoom: z.coerce.number().min(0).max(24).optional(),
  format: z.enum(['geojson', 'topojson']).default('geojson'),
});

export const unitLocateQuery = z.object({
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});

export const unitImportQuery = z.object({
  dryRun: booleanParam.default('false'),
  parent: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .meta({ description: 'Province the imported wards belong to' }),
});

/** `{code}` of a unit path; an unknown code is a 404 (UNIT_NOT_FOUND), not a 400. */
export const unitCodeParams = z.object({
  code: z
    .string()
    .min(1)
    .max(16)
    .meta({ description: 'Unit code: 2-digit province or 5-digit commune', examples: ['20314'] }),
});

/** A GeoJSON FeatureCollection (or Feature, or array of Features) of units to import. */
export const unitImportBody = z.unknown().meta({
  description: 'GeoJSON FeatureCollection of units: code, name, level, parent per feature',
});

// ── Responses ─────────────────────────────────────────────────────────────────────────────────

export const unitListResponse = z.object({
  asOf: isoTime,
  items: z.array(
    unitSummarySchema.extend({
      match: z.string().optional().meta({ description: 'What matched a `q` search' }),
    }),
  ),
});

export const unitLocateResponse = z.object({
  lon: z.number(),
  lat: z.number(),
  unit: unitSummarySchema.nullable().meta({ description: 'null: in no unit (offshore)' }),
});

export const unitNeighboursResponse = z.object({
  code: z.string(),
  items: z.array(unitSummarySchema),
});

export const unitGeometryResponse = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  properties: unitSummarySchema.extend({ band: zoomBandSchema }),
  geometry: areaGeometrySchema.nullable(),
});

/** Properties of one child unit on the map. */
export const unitMapPropertiesSchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  nameEn: z.string().nullable(),
  level: unitLevelSchema,
  approximate: z.boolean().default(false),
  labelLon: z.number().nullable(),
  labelLat: z.number().nullable(),
});

export const unitMapFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  properties: unitMapPropertiesSchema,
  geometry: areaGeometrySchema.nullable(),
});

export const unitMapGeoJson = z
  .object({
    type: z.literal('FeatureCollection'),
    band: zoomBandSchema,
    features: z.array(unitMapFeatureSchema),
  })
  .meta({ id: 'UnitMapGeoJson' });

/** TopoJSON (`format=topojson`): object `units`, one geometry per unit with `id` = code. */
export const unitMapTopoJson = z
  .looseObject({
    type: z.literal('Topology'),
    objects: z.record(z.string(), z.unknown()),
    arcs: z.array(z.unknown()),
  })
  .meta({ id: 'UnitMapTopoJson' });

export const unitMapResponse = z.union([unitMapGeoJson, unitMapTopoJson]);

const importIssue = z.object({
  source: z.string(),
  featureIndex: z.number().int(),
  code: z.string().nullable(),
  reason: z.string(),
  message: z.string(),
});
export const unitImportIssueSchema = importIssue;

export const unitImportResponse = z.union([
  z.object({
    ok: z.literal(true),
    dryRun: z.literal(true),
    diff: z.object({
      inserted: z.array(z.string()),
      updated: z.array(z.string()),
      unchanged: z.array(z.string()),
    }),
    units: z.number().int(),
  }),
  z.object({
    ok: z.literal(true),
    dryRun: z.literal(false),
    counts: z.object({
      inserted: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
    }),
    units: z.number().int(),
  }),
]);
