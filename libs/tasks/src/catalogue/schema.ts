import { z } from 'zod';
import { TASK_CADENCES } from '@ioc/contracts';

/**
 * The research task catalogue (`shared/data/tasks/catalogue.json`, copied verbatim to
 * libs/tasks/seed/catalogue.json; its README explains every field). Validated once when loaded:
 * a JSON import is only as trustworthy as the last hand edit of the file.
 */
const text = z.string().min(1);
const area = z.string().regex(/^(\d{2}|\d{5})$/);

export const catalogueSourceSchema = z.object({
  id: text,
  title_vi: text,
  title_en: text,
  issuer_vi: text,
  areaCode: area,
  issuedOn: z.iso.date().nullable(),
  seedFile: z.string().nullable(),
  status: z.enum(['extracted', 'not_extracted']),
  taskCount: z.number().int(),
});

export const catalogueTaskSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/),
  source: text,
  number: z.string().nullable(),
  group_vi: z.string().nullable(),
  parent_vi: z.string().nullable(),
  title_vi: text,
  detail_vi: z.string().nullable(),
  title_en: z.string().nullable(),
  supervisor_vi: z.string().nullable(),
  lead_vi: z.string().nullable(),
  cooperating_vi: z.string().nullable(),
  leadCoopUncertain: z.boolean(),
  period: z.string().nullable(),
  due: z.iso.date().nullable(),
  recurring: z.boolean(),
  cadence: z.enum(TASK_CADENCES).nullable(),
  product_vi: z.string().nullable(),
  kpi_vi: z.string().nullable(),
  areaCode: area,
  relatedIndicators: z.array(z.string()),
  ref: z.string().nullable(),
  notes: z.string().nullable(),
});

export const taskCatalogueSchema = z.object({
  version: z.literal(1),
  sources: z.array(catalogueSourceSchema),
  tasks: z.array(catalogueTaskSchema),
});

export type TaskCatalogue = z.output<typeof taskCatalogueSchema>;
export type CatalogueTask = z.output<typeof catalogueTaskSchema>;
export type CatalogueSource = z.output<typeof catalogueSourceSchema>;
