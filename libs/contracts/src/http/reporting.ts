import { z } from 'zod';
import { INDICATOR_STATUSES, REPORT_ACTIONS, REPORT_CADENCES, REPORT_STATES } from '../vocabulary';
import { booleanParam, isoTime, listEnvelope } from './common';

/** `YYYY-MM-DD` (a calendar day in Asia/Ho_Chi_Minh). */
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** A reporting period: `2026-11` (month), `2026-Q4` (quarter) or `2026` (year). */
export const reportPeriodParam = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, '2026-11, 2026-Q4 or 2026')
  .meta({ description: 'Reporting period: 2026-11, 2026-Q4 or 2026', examples: ['2026-11'] });

export const reportStateSchema = z.enum(REPORT_STATES);
const officeRef = z.string().min(1).max(128);
const remindDays = z.array(z.number().int().min(0).max(28)).max(10);
const emailList = z.array(z.email()).max(50);
const webhookUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** Who reports how often, by which day, and who is reminded (`report_schedule`). */
export const reportScheduleSchema = z
  .object({
    id: z.string(),
    unitCode: z.string(),
    unitName: z.string().nullable(),
    officeId: z.string().nullable().meta({ description: 'null: the unit itself reports' }),
    officeName: z.string().nullable(),
    cadence: z.enum(REPORT_CADENCES),
    dueDay: z.number().int().meta({ description: 'Day of the month after the period' }),
    remindDays: z.array(z.number().int()).meta({ description: 'Days before the due date' }),
    emails: z.array(z.string()),
    webhookUrl: z.string().nullable(),
    compilerOfficeId: z.string().nullable(),
    active: z.boolean(),
    createdAt: isoTime,
  })
  .meta({ id: 'ReportSchedule' });
export type ReportScheduleView = z.output<typeof reportScheduleSchema>;

export const reportScheduleListQuery = z.object({ unit: z.string().optional() });
export const reportScheduleListResponse = listEnvelope(reportScheduleSchema);

/** Body of `POST /api/v1/reports/schedules`. */
export const reportScheduleCreateBody = z
  .object({
    unitCode: z.string().regex(/^\d{2}(\d{3})?$/, 'a 2-digit province or 5-digit commune code'),
    officeId: officeRef.nullable().default(null),
    cadence: z.enum(REPORT_CADENCES).default('monthly'),
    dueDay: z.number().int().min(1).max(28).default(15),
    remindDays: remindDays.default([5, 1]),
    emails: emailList.default([]),
    webhookUrl: webhookUrl.nullable().default(null),
    compilerOfficeId: officeRef.nullable().default(null),
  })
  .strict();
export type ReportScheduleCreate = z.output<typeof reportScheduleCreateBody>;

/** Body of `PATCH /api/v1/reports/schedules/{id}`: fields left out keep their value. */
export const reportSchedulePatchBody = z
  .object({
    cadence: z.enum(REPORT_CADENCES).optional(),
    dueDay: z.number().int().min(1).max(28).optional(),
    remindDays: remindDays.optional(),
    emails: emailList.optional(),
    webhookUrl: webhookUrl.nullable().optional(),
    compilerOfficeId: officeRef.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type ReportSchedulePatch = z.output<typeof reportSchedulePatchBody>;

const owedCounts = z.object({
  indicators: z.number().int(),
  indicatorsReported: z.number().int(),
  tasks: z.number().int(),
  tasksUpdated: z.number().int(),
});

/** One reporter's report for one period. `late`: past due and not submitted/approved. */
export const reportPeriodSchema = z
  .object({
    id: z.string(),
    scheduleId: z.string(),
    unitCode: z.string(),
    unitName: z.string().nullable(),
    officeId: z.string().nullable(),
    officeName: z.string().nullable(),
    period: z.string(),
    periodStart: calendarDay,
    periodEnd: calendarDay,
    dueDate: calendarDay,
    state: reportStateSchema,
    late: z.boolean(),
    submittedAt: isoTime.nullable(),
    submittedBy: z.string().nullable(),
    returnedReason: z.string().nullable(),
    approvedAt: isoTime.nullable(),
    approvedBy: z.string().nullable(),
    owed: owedCounts,
  })
  .meta({ id: 'ReportPeriod' });
export type ReportPeriodView = z.output<typeof reportPeriodSchema>;

export const reportPeriodListQuery = z.object({
  unit: z.string().optional().meta({ description: 'The unit and the units below it' }),
  period: reportPeriodParam.optional(),
  state: z.string().optional().meta({ description: 'Comma list of states' }),
  late: booleanParam.optional(),
});
export const reportPeriodListResponse = listEnvelope(reportPeriodSchema);

/** An indicator value the reporter owes for the period. */
export const owedIndicatorSchema = z.object({
  indicatorCode: z.string(),
  nameVi: z.string(),
  reported: z.boolean(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  status: z.enum(INDICATOR_STATUSES),
  source: z.string().nullable(),
});
export type OwedIndicatorView = z.output<typeof owedIndicatorSchema>;

/** An open plan task of the reporter and whether progress was posted within the period. */
export const owedTaskSchema = z.object({
  taskId: z.string(),
  code: z.string(),
  titleVi: z.string(),
  leadVi: z.string().nullable(),
  dueDate: calendarDay.nullable(),
  status: z.string(),
  progress: z.number().int(),
  updated: z.boolean(),
  note: z.string().nullable(),
});
export type OwedTaskView = z.output<typeof owedTaskSchema>;

export const reportEventSchema = z
  .object({
    id: z.string(),
    periodId: z.string(),
    at: isoTime,
    actor: z.string(),
    action: z.enum(REPORT_ACTIONS),
    reason: z.string().nullable(),
  })
  .meta({ id: 'ReportEvent' });
export type ReportEventView = z.output<typeof reportEventSchema>;

/** `GET /api/v1/reports/periods/{id}`: the period, what it owes item by item, its steps. */
export const reportPeriodDetailSchema = reportPeriodSchema
  .extend({
    indicators: z.array(owedIndicatorSchema),
    tasks: z.array(owedTaskSchema),
    events: z.array(reportEventSchema),
  })
  .meta({ id: 'ReportPeriodDetail' });
export type ReportPeriodDetail = z.output<typeof reportPeriodDetailSchema>;

export const reportMatrixQuery = z.object({
  unit: z.string().optional(),
  period: reportPeriodParam.optional().meta({ description: 'Default: the latest due period' }),
});
export const reportCellSchema = z.object({
  kind: z.enum(['indicator', 'task']),
  code: z.string(),
  label: z.string(),
  done: z.boolean(),
});
/** Reporters × what they owe × state; late rows first. */
export const reportMatrixResponse = z
  .object({
    period: z.string(),
    asOf: isoTime,
    rows: z.array(reportPeriodSchema.extend({ cells: z.array(reportCellSchema) })),
  })
  .meta({ id: 'ReportMatrix' });
export type ReportMatrix = z.output<typeof reportMatrixResponse>;

export const lateListQuery = z.object({
  unit: z.string().optional(),
  period: reportPeriodParam.optional(),
});
export const lateListResponse = z.object({
  asOf: isoTime,
  period: z.string().nullable(),
  items: z.array(reportPeriodSchema),
});

/** Body of submit and approve (a note is optional). */
export const reportActionBody = z
  .object({ reason: z.string().trim().min(1).max(2000).optional() })
  .strict();
/** Body of return and reopen: the reason is required. */
export const reportReasonBody = z
  .object({ reason: z.string().trim().min(2, 'say why (at least 2 characters)').max(2000) })
  .strict();

export const reportExportQuery = z.object({
  unit: z.string().meta({ description: 'A ward (its own report) or the province (all units)' }),
  period: reportPeriodParam,
});
