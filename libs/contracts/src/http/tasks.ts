import { z } from 'zod';
import { TASK_CADENCES, TASK_STATUSES } from '../vocabulary';
import { cursorParam, isoTime, limitParam, unitCodeParam } from './common';

/** Statuses a person may set when posting progress; `overdue` is computed, `cancelled` has its route. */
export const TASK_WORK_STATUSES = ['not_started', 'in_progress', 'done'] as const;

/** Limits on evidence files of a progress update (checked by the server on the bytes). */
export const TASK_EVIDENCE_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 5,
  types: [
    'image/jpeg',
    'image/png',
    'image/webp',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
} as const;

export const taskStatusSchema = z.enum(TASK_STATUSES);
export const taskCadenceSchema = z.enum(TASK_CADENCES);

const dateOnly = z.iso.date().meta({ examples: ['2026-12-31'] });

/** A plan task as the API and the WebSocket show it; `status` is computed (`overdue`). */
export const taskViewSchema = z
  .object({
    id: z.string().meta({ examples: ['42'] }),
    code: z.string().meta({ examples: ['DN-KH63-2025/II.3.2'] }),
    source: z.string().nullable().meta({ description: 'The plan the task comes from' }),
    number: z.string().nullable().meta({ description: 'The number as printed' }),
    groupVi: z.string().nullable(),
    parentVi: z.string().nullable(),
    titleVi: z.string(),
    titleEn: z.string().nullable(),
    detailVi: z.string().nullable(),
    areaCode: z.string().meta({ description: 'The unit whose plan assigns the task' }),
    leadUnitCode: z.string(),
    leadUnitName: z.string().nullable(),
    leadOfficeId: z.string().nullable(),
    leadOfficeName: z.string().nullable(),
    leadVi: z.string().nullable().meta({ description: 'Lead agency as printed in the plan' }),
    leadUncertain: z.boolean(),
    cooperatingVi: z.string().nullable(),
    supervisorVi: z.string().nullable(),
    periodVi: z.string().nullable().meta({ description: 'Period as printed' }),
    dueDate: dateOnly.nullable(),
    recurring: z.boolean(),
    cadence: taskCadenceSchema.nullable(),
    productVi: z.string().nullable(),
    kpiVi: z.string().nullable(),
    relatedIndicators: z.array(z.string()),
    ref: z.string().nullable(),
    notes: z.string().nullable(),
    status: taskStatusSchema,
    progress: z.number().int().min(0).max(100),
    cancelReason: z.string().nullable(),
    updatedAt: isoTime,
    lastUpdateAt: isoTime.nullable(),
  })
  .meta({ id: 'Task' });
export type TaskView = z.output<typeof taskViewSchema>;

const STATUS_SET = new Set<string>(TASK_STATUSES);

export const taskListQuery = z.object({
  unit: unitCodeParam
    .optional()
    .meta({
      description: 'Tasks led by this unit or a unit below it; scoped callers must name one',
    }),
  office: z.string().min(1).max(128).optional(),
  status: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()))
    .refine((list) => list.every((s) => STATUS_SET.has(s)), {
      message: `statuses: ${TASK_STATUSES.join(', ')}`,
    })
    .optional()
    .meta({ description: 'Comma-separated statuses (overdue included)', examples: ['overdue'] }),
  due: z
    .union([z.enum(['this_month', 'overdue']), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)])
    .optional()
    .meta({ description: 'this_month, overdue, or a month YYYY-MM', examples: ['this_month'] }),
  source: z.string().min(1).max(128).optional(),
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Words of code or title' }),
  limit: limitParam(100, 500),
  cursor: cursorParam.optional(),
});
export type TaskListQuery = z.output<typeof taskListQuery>;

export const taskListResponse = z.object({
  asOf: isoTime,
  items: z.array(taskViewSchema),
  nextCursor: z.string().nullable(),
  counts: z
    .object({
      byStatus: z.record(taskStatusSchema, z.number().int()),
      overdueByLead: z.array(
        z.object({
          leadUnitCode: z.string(),
          leadOfficeId: z.string().nullable(),
          name: z.string(),
          overdue: z.number().int(),
        }),
      ),
    })
    .meta({
      description:
        'Over every task of the unit matching office, source and q (not status, due or paging)',
    }),
});
export type TaskListResponse = z.output<typeof taskListResponse>;

export const taskEvidenceSchema = z
  .object({
    id: z.string(),
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    url: z.string().meta({ examples: ['/api/v1/tasks/42/evidence/7'] }),
  })
  .meta({ id: 'TaskEvidence' });

export const taskUpdateSchema = z
  .object({
    id: z.string(),
    at: isoTime,
    actor: z.string(),
    progress: z.number().int().min(0).max(100),
    status: taskStatusSchema,
    note: z.string(),
    evidence: z.array(taskEvidenceSchema),
  })
  .meta({ id: 'TaskUpdate' });
export type TaskUpdateView = z.output<typeof taskUpdateSchema>;

/** A task with its progress updates, newest first. */
export const taskDetailSchema = taskViewSchema
  .extend({ updates: z.array(taskUpdateSchema) })
  .meta({ id: 'TaskDetail' });
export type TaskDetail = z.output<typeof taskDetailSchema>;

// ── Bodies ────────────────────────────────────────────────────────────────────────────────────

/**
 * Progress on a task: `multipart/form-data` with text fields and up to five `evidence` files
 * (photos, PDF, .xlsx, .docx; 10 MiB each), or JSON without files. Form fields arrive as text,
 * hence the coercion of `progress`.
 */
export const taskProgressBody = z
  .object({
    progress: z.coerce.number().int().min(0).max(100),
    status: z.enum(TASK_WORK_STATUSES).optional(),
    note: z.string().trim().max(2000).default(''),
    evidence: z
      .array(z.string().meta({ format: 'binary' }))
      .max(TASK_EVIDENCE_LIMITS.maxFiles)
      .optional()
      .meta({ description: 'Files (multipart only): JPEG, PNG, WebP, PDF, XLSX, DOCX; ≤ 10 MiB' }),
  })
  .meta({ id: 'TaskProgress' });
/** The text fields of a progress update (what the server validates; files are checked apart). */
export const taskProgressFields = taskProgressBody.omit({ evidence: true }).strict();
export type TaskProgressFields = z.output<typeof taskProgressFields>;

const text = z.string().trim().min(1).max(4000);
const nullableText = z.string().trim().max(4000).nullable();

const taskEditableFields = {
  titleVi: text,
  titleEn: nullableText,
  detailVi: nullableText,
  groupVi: nullableText,
  number: z.string().trim().max(40).nullable(),
  leadOfficeId: z.string().min(1).max(128).nullable(),
  leadVi: nullableText,
  cooperatingVi: nullableText,
  periodVi: nullableText,
  dueDate: dateOnly.nullable(),
  recurring: z.boolean(),
  cadence: taskCadenceSchema.nullable(),
  productVi: nullableText,
  kpiVi: nullableText,
  relatedIndicators: z.array(z.string().min(1).max(128)).max(50),
  ref: nullableText,
  notes: nullableText,
};

export const taskCreateBody = z
  .object({
    code: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/)
      .optional()
      .meta({ description: 'Stable code; generated (local/<id>) when omitted' }),
    source: z.string().min(1).max(128).nullable().optional(),
    leadUnitCode: unitCodeParam,
    areaCode: unitCodeParam.optional().meta({ description: 'Whose plan; default the lead unit' }),
    ...taskEditableFields,
    titleEn: nullableText.optional(),
    detailVi: nullableText.optional(),
    groupVi: nullableText.optional(),
    number: taskEditableFields.number.optional(),
    leadOfficeId: taskEditableFields.leadOfficeId.optional(),
    leadVi: nullableText.optional(),
    cooperatingVi: nullableText.optional(),
    periodVi: nullableText.optional(),
    dueDate: dateOnly.nullable().optional(),
    recurring: z.boolean().default(false),
    cadence: taskCadenceSchema.nullable().optional(),
    productVi: nullableText.optional(),
    kpiVi: nullableText.optional(),
    relatedIndicators: taskEditableFields.relatedIndicators.default([]),
    ref: nullableText.optional(),
    notes: nullableText.optional(),
  })
  .strict();
export type TaskCreateBody = z.output<typeof taskCreateBody>;

/** Fields of a task edit; those left out keep their value. The lead unit does not move. */
export const taskPatchBody = z
  .object(taskEditableFields)
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type TaskPatchBody = z.output<typeof taskPatchBody>;

export const taskCancelBody = z.object({ reason: z.string().trim().min(2).max(500) }).strict();

export const taskIdParams = z.object({
  id: z.string().regex(/^\d{1,18}$/, 'a task id (digits)'),
});
export const taskEvidenceParams = taskIdParams.extend({
  evidenceId: z.string().regex(/^\d{1,18}$/, 'an evidence id (digits)'),
});

/** A downloaded evidence file: its own bytes and content type. */
export const fileBody = z.string().meta({ format: 'binary' });
