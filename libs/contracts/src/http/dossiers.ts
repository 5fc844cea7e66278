import { z } from 'zod';
import { isoTime } from './common';

/**
 * One public-service dossier (hồ sơ thủ tục hành chính) as a connector mapping or a push
 * produces it. The natural key is `code`: a dossier re-sent replaces its earlier version.
 * Procedure and field codes are kept as the national system gives them.
 */
export const dossierRecordSchema = z
  .object({
    code: z.string().trim().min(1).max(200),
    procedureCode: z.string().trim().min(1).max(200),
    fieldCode: z.string().trim().min(1).max(200),
    unitCode: z.string().trim().min(2).max(10),
    receivedAt: z.iso.datetime({ offset: true }),
    dueAt: z.iso.datetime({ offset: true }),
    finishedAt: z.iso.datetime({ offset: true }).nullable().default(null),
    /** Received and processed online from end to end (dịch vụ công trực tuyến toàn trình). */
    onlineFullProcess: z.boolean(),
    status: z.string().trim().min(1).max(100),
    /** The officer in charge: a platform username, or a name the source gives. */
    officer: z.string().trim().max(200).nullable().default(null),
    officerEmail: z.email().nullable().default(null),
  })
  .strict();
export type DossierRecord = z.output<typeof dossierRecordSchema>;

/** Body of `POST /api/v1/dossiers` (a department system pushing instead of being pulled). */
export const dossierPushBody = z.object({
  records: z.array(z.unknown()).min(1).max(5_000),
});

export const dossierPushResponse = z.object({
  received: z.number().int(),
  upserted: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })),
});

export const dossierListQuery = z.object({
  unit: z.string().meta({ description: 'Unit code; a province includes its wards' }),
  state: z
    .enum(['open', 'due-soon', 'overdue', 'finished', 'all'])
    .default('all')
    .meta({ description: 'due-soon: open and due within the warning window' }),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
});

export const dossierViewSchema = z
  .object({
    code: z.string(),
    procedureCode: z.string(),
    fieldCode: z.string(),
    unitCode: z.string(),
    receivedAt: isoTime,
    dueAt: isoTime,
    finishedAt: isoTime.nullable(),
    onlineFullProcess: z.boolean(),
    status: z.string(),
    officer: z.string().nullable(),
    overdue: z.boolean(),
    onTime: z.boolean().nullable().meta({ description: 'null while open and not yet due' }),
    source: z.string(),
  })
  .meta({ id: 'Dossier' });
export type DossierView = z.output<typeof dossierViewSchema>;

export const dossierListResponse = z.object({ asOf: isoTime, items: z.array(dossierViewSchema) });
export type DossierListResponse = z.output<typeof dossierListResponse>;

const rate = z.object({
  key: z.string(),
  total: z.number().int(),
  finished: z.number().int(),
  finishedOnTime: z.number().int(),
  overdue: z.number().int(),
  online: z.number().int(),
  onTimeRate: z.number().nullable().meta({ description: 'on time / finished' }),
  overdueRate: z.number().nullable().meta({ description: 'overdue (open or late) / total' }),
});
export type DossierRate = z.output<typeof rate>;

export const dossierStatsQuery = z.object({ unit: z.string() });
export const dossierStatsResponse = z.object({
  asOf: isoTime,
  byUnit: z.array(rate),
  byField: z.array(rate),
});
export type DossierStatsResponse = z.output<typeof dossierStatsResponse>;
