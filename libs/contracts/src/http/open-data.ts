import { z } from 'zod';
import { instantParam, isoTime } from './common';

/**
 * Open data (issue 17): publication control (administrators) and the public dataset catalogue.
 * SensorThings API responses follow OGC 18-088 and are not restated here.
 */

/** What an administrator can publish. Nothing is public until a row says so. */
export const publicationSubjects = ['device_kind', 'device', 'metric', 'indicator'] as const;
export const publicationSubjectSchema = z.enum(publicationSubjects);
export type PublicationSubject = z.infer<typeof publicationSubjectSchema>;

/**
 * One switch. `public: null` removes the row: a device then follows its kind again (and a kind,
 * metric or indicator goes back to not public).
 */
export const publicationEntrySchema = z
  .object({
    subject: publicationSubjectSchema,
    key: z.string().trim().min(1).max(128),
    public: z.boolean().nullable(),
  })
  .strict();
export type PublicationEntry = z.infer<typeof publicationEntrySchema>;

export const publicationUpdateBody = z
  .object({ entries: z.array(publicationEntrySchema).min(1).max(2000) })
  .strict();
export type PublicationUpdate = z.infer<typeof publicationUpdateBody>;

export const openDataSettingsSchema = z.object({
  /** Decimals positions are rounded to on public routes (3 ≈ 110 m); null publishes them exactly. */
  positionDecimals: z.number().int().min(0).max(7).nullable(),
  licenceId: z.string().trim().min(1).max(64),
  licenceUrl: z.url(),
  updatedAt: isoTime.nullable(),
  updatedBy: z.string().nullable(),
});
export type OpenDataSettings = z.infer<typeof openDataSettingsSchema>;

export const openDataSettingsBody = openDataSettingsSchema
  .pick({ positionDecimals: true, licenceId: true, licenceUrl: true })
  .partial()
  .strict();
export type OpenDataSettingsUpdate = z.infer<typeof openDataSettingsBody>;

/** The administrator's view: every subject with its own switch and the effective result. */
export const publicationStateSchema = z.object({
  settings: openDataSettingsSchema,
  deviceKinds: z.array(
    z.object({ key: z.string(), devices: z.number().int().nonnegative(), public: z.boolean() }),
  ),
  devices: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      kind: z.string(),
      unitCode: z.string().nullable(),
      /** The device's own row; null when it follows its kind. */
      own: z.boolean().nullable(),
      /** What the public routes do: own ?? kind ?? false (decommissioned: false). */
      public: z.boolean(),
    }),
  ),
  metrics: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      uom: z.string(),
      public: z.boolean(),
    }),
  ),
  indicators: z.array(
    z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), public: z.boolean() }),
  ),
});
export type PublicationState = z.infer<typeof publicationStateSchema>;

export const datasetKinds = ['indicator', 'metric', 'boundaries'] as const;
export const datasetFormats = ['csv', 'json', 'geojson'] as const;
export const updateFrequencies = [
  'hourly',
  'daily',
  'monthly',
  'quarterly',
  'yearly',
  'irregular',
] as const;

export const datasetDistributionSchema = z.object({
  format: z.enum(datasetFormats),
  mediaType: z.string(),
  /** Absolute URL of the download. */
  url: z.string(),
});

export const datasetSchema = z.object({
  /** `indicator.<code>`, `metric.<code>` or `boundaries.<province code>`. */
  id: z.string(),
  kind: z.enum(datasetKinds),
  titleVi: z.string(),
  titleEn: z.string(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
  keywords: z.array(z.string()),
  licence: z.object({ id: z.string(), url: z.string() }),
  updateFrequency: z.enum(updateFrequencies),
  /** Newest data in the dataset; null while it holds none. */
  modified: isoTime.nullable(),
  distributions: z.array(datasetDistributionSchema),
});
export type Dataset = z.infer<typeof datasetSchema>;

export const datasetListResponse = z.object({
  publisher: z.object({ nameVi: z.string(), nameEn: z.string() }),
  datasets: z.array(datasetSchema),
  /** The SensorThings API root, for sensor data. */
  sensorThings: z.string(),
});
export type DatasetListResponse = z.infer<typeof datasetListResponse>;

export const datasetParams = z.object({
  id: z.string().regex(/^(indicator|metric|boundaries)\.[A-Za-z0-9_.-]{1,96}$/, 'a dataset id'),
});

/** The window of a metric dataset's download (at most 366 days; default the last 30 days). */
export const datasetDataQuery = z.object({
  from: instantParam.optional(),
  to: instantParam.optional(),
});
export type DatasetDataQuery = z.infer<typeof datasetDataQuery>;

/** One row of an indicator dataset (CSV columns in this order). */
export const indicatorDatasetRowSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  value: z.number(),
  uom: z.string(),
  submittedAt: isoTime,
});

/** One row of a metric dataset: an hour of one ward over its public devices. */
export const metricDatasetRowSchema = z.object({
  hour: isoTime,
  unitCode: z.string(),
  unitName: z.string(),
  mean: z.number(),
  min: z.number(),
  max: z.number(),
  count: z.number().int(),
  devices: z.number().int(),
  uom: z.string(),
});

/** data.json of an indicator or metric dataset: the CSV's rows, typed. */
export const datasetDataResponse = z.object({
  id: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  licence: z.object({ id: z.string(), url: z.string() }),
  /** The window asked for (metric datasets); null for indicator datasets. */
  from: isoTime.nullable(),
  to: isoTime.nullable(),
  rows: z.array(z.union([indicatorDatasetRowSchema, metricDatasetRowSchema])),
});
export type DatasetDataResponse = z.infer<typeof datasetDataResponse>;
export type IndicatorDatasetRow = z.infer<typeof indicatorDatasetRowSchema>;
export type MetricDatasetRow = z.infer<typeof metricDatasetRowSchema>;
