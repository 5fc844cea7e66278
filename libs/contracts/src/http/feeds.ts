import { z } from 'zod';
import { FEED_CADENCES } from '../vocabulary';
import { isoTime } from './common';
import { connectorLivenessSchema } from './connectors';
import { whySchema } from './indicators';

const codeList = z.array(z.string().trim().min(1)).min(1).nullable();

/** Body of `POST /api/v1/feeds`. */
export const feedCreateBody = z
  .object({
    code: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'lower-case letters, digits, - and _ (2–64)')
      .meta({ examples: ['so-tttt'] }),
    name: z.string().trim().min(1).max(500),
    cadence: z.enum(FEED_CADENCES).default('monthly'),
    dueDay: z
      .number()
      .int()
      .min(1)
      .max(28)
      .default(10)
      .meta({ description: 'Day of the month after the period by which a report is due' }),
    allowedIndicators: codeList.default(null).meta({ description: 'null: any indicator' }),
    allowedUnits: codeList.default(null).meta({ description: 'null: any unit' }),
    why: whySchema.default('feed created'),
  })
  .strict();

/** A report feed as the admin API shows it (never its key or the key's hash). */
export const feedViewSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    cadence: z.enum(FEED_CADENCES),
    dueDay: z.number().int(),
    allowedIndicators: z.array(z.string()).nullable().default(null),
    allowedUnits: z.array(z.string()).nullable().default(null),
    keyRotatedAt: isoTime.nullable().default(null),
    createdAt: isoTime,
    revokedAt: isoTime.nullable().default(null),
  })
  .meta({ id: 'Feed' });
export type FeedView = z.output<typeof feedViewSchema>;

export const feedListResponse = z.object({ asOf: isoTime, items: z.array(feedViewSchema) });
export const feedCreatedResponse = z.object({
  feed: feedViewSchema,
  key: z.string().meta({ description: 'The feed key: shown once, stored only as a hash' }),
});
export const feedKeyResponse = z.object({ feed: z.string(), key: z.string() });
export const feedRevokedResponse = z.object({ feed: z.string(), revoked: z.literal(true) });

export const feedListQuery = z.object({
  revoked: z.string().optional().meta({ description: 'true: include revoked feeds' }),
});
export const feedLivenessQuery = z.object({
  feed: z.string().optional(),
  since: z.string().optional().meta({ description: 'YYYY-MM-DD; default twelve months back' }),
  unit: z.string().optional(),
});

const cell = z.object({ indicator: z.string(), period: z.string(), dueAt: isoTime });

export const feedLivenessResponse = z.object({
  asOf: isoTime,
  since: z.string(),
  feeds: z.array(
    z.object({
      feed: z.string(),
      name: z.string(),
      cadence: z.enum(FEED_CADENCES),
      dueDay: z.number().int(),
      completeness: z
        .number()
        .meta({ description: 'Σ reported / Σ expected (1 when nothing due)' }),
      overdueUnits: z.number().int(),
      lateReports: z.number().int().default(0),
      units: z.array(
        z.object({
          feed: z.string(),
          unitCode: z.string(),
          unitName: z.string().nullable(),
          lastReportAt: isoTime.nullable().default(null),
          lastPeriod: z.string().nullable(),
          expected: z.number().int(),
          reported: z.number().int(),
          completeness: z.number(),
          overdue: z.boolean(),
          missingCount: z.number().int(),
          lateCount: z.number().int(),
          missing: z.array(cell),
          late: z.array(cell.extend({ submittedAt: isoTime })),
        }),
      ),
    }),
  ),
  /** Pull connectors beside the pushed feeds: last successful sync, records, lag, drift. */
  connectors: z.array(connectorLivenessSchema).default([]),
});

// ── The feed API: POST /api/v1/feeds/{code}/reports ──────────────────────────────────────────

export const reportHeaders = z.object({
  'x-filename': z.string().optional().meta({ description: 'File name (UTF-8, percent-encoded)' }),
  'x-submitted-by': z
    .string()
    .optional()
    .meta({ description: 'Person who sent it (UTF-8, percent-encoded), kept with the report' }),
  'accept-language': z.string().optional().meta({ description: 'en: messages in English' }),
});

/** One row of a JSON report (CSV: the same columns, header row first). */
export const reportRowSchema = z
  .object({
    indicator: z.string().meta({ examples: ['dx.online_public_service_usage'] }),
    unitCode: z.string().meta({ description: 'Unit code (5-digit ward or 2-digit province)' }),
    period: z.string().meta({ description: '2026-03, 2026-Q1 or 2026', examples: ['2026-Q1'] }),
    value: z.number().optional(),
    numerator: z.number().optional(),
    denominator: z.number().optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'ReportRow' });

export const reportBodySchema = z
  .union([z.object({ rows: z.array(reportRowSchema) }), z.array(reportRowSchema)])
  .meta({ id: 'ReportBody' });

export const rejectedRowSchema = z.object({
  row: z.number().int(),
  line: z.number().int().optional(),
  code: z.string().meta({ examples: ['unknown_unit'] }),
  message: z.string().meta({ description: 'In the language asked for (Accept-Language)' }),
  messageVi: z.string(),
  messageEn: z.string(),
  indicator: z.string(),
  unitCode: z.string(),
  period: z.string(),
});

export const reportReceiptSchema = z
  .object({
    submissionId: z.number().int(),
    feed: z.string(),
    rowCount: z.number().int(),
    accepted: z.number().int(),
    superseded: z.number().int().meta({ description: 'Accepted rows that replaced a value' }),
    rejected: z.array(rejectedRowSchema),
    asOf: isoTime,
  })
  .meta({ id: 'ReportReceipt' });
export type ReportReceipt = z.output<typeof reportReceiptSchema>;

/** 422: no row was stored; the receipt says why for each. */
export const reportRefusedSchema = reportReceiptSchema.extend({
  error: z.object({ code: z.literal('REPORT_NO_ROW_ACCEPTED'), message: z.string() }),
});
