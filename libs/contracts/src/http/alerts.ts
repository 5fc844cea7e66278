import { z } from 'zod';
import { ALERT_ACTIONS, ALERT_SEVERITIES, ALERT_STATUSES } from '../vocabulary';
import { auditRecordSchema, roleSchema } from './auth';
import { cursorParam, isoTime, limitParam, unitCodeParam } from './common';

const STATUS_SET = new Set<string>(ALERT_STATUSES);

export const alertListQuery = z.object({
  unit: unitCodeParam.optional(),
  /** Comma-separated statuses, or `active` (open, acknowledged, in_progress). */
  status: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()))
    .refine((list) => list.every((s) => s === 'active' || STATUS_SET.has(s)), {
      message: `statuses: active, ${ALERT_STATUSES.join(', ')}`,
    })
    .optional()
    .meta({ description: 'Comma-separated statuses, or active', examples: ['active'] }),
  rule: z.string().min(1).max(128).optional(),
  device: z.string().min(1).max(128).optional(),
  limit: limitParam(100, 1000),
  cursor: cursorParam.optional(),
});

/** The list query as the HTTP route takes it: `state=` is another name for `status=` (the wall). */
export const alertListHttpQuery = alertListQuery.extend({
  state: z.string().optional().meta({ description: 'Same as status (older walls send it)' }),
});

export const alertSeveritySchema = z.enum(ALERT_SEVERITIES);
export const alertStatusSchema = z.enum(ALERT_STATUSES);

/** An alert as the API and the WebSocket send it: ISO times, assignee as "user:<id>"/"department:<code>". */
export const alertViewSchema = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    ruleName: z.string().nullable().default(null),
    deviceId: z.string().nullable().default(null),
    unitCode: z.string().nullable().default(null),
    status: alertStatusSchema,
    severity: alertSeveritySchema,
    level: z
      .number()
      .nullable()
      .meta({ description: 'Rung of the rule ladder (báo động level, AQI category)' }),
    value: z.number().nullable().default(null),
    message: z.string().default(''),
    assignee: z
      .string()
      .nullable()
      .meta({ examples: ['department:so-tnmt'] }),
    openedAt: isoTime,
    acknowledgedAt: isoTime.nullable(),
    resolvedAt: isoTime.nullable(),
    closedAt: isoTime.nullable(),
    reopenedAt: isoTime.nullable(),
    lastValueAt: isoTime.nullable(),
    escalations: z.number().int(),
    escalatedAt: isoTime.nullable(),
    updatedAt: isoTime,
    lon: z.number().nullable().meta({ description: "The device's (last known) position" }),
    lat: z.number().nullable(),
    snapshotUrl: z.string().nullable().default(null).meta({
      description:
        'An AI camera alert’s picture: a platform URL readable with the alert’s unit scope (display screens add ?token=)',
    }),
  })
  .meta({ id: 'Alert' });
export type AlertViewWire = z.output<typeof alertViewSchema>;

export const alertListResponse = z.object({
  asOf: isoTime,
  items: z.array(alertViewSchema),
  nextCursor: z.string().nullable(),
});

export const alertDetailSchema = alertViewSchema.extend({
  notes: z.array(
    z.object({ id: z.number().int(), author: z.string(), text: z.string(), at: isoTime }),
  ),
});

/** The alert's rows of the audit trail (its detail is whatever the action recorded). */
export const alertAuditResponse = z.object({
  asOf: isoTime,
  items: z.array(auditRecordSchema.extend({ detail: z.unknown() })),
});

export const alertNotificationsResponse = z.object({
  asOf: isoTime,
  items: z.array(
    z.object({
      id: z.number().int(),
      alertId: z.string(),
      channel: z.string(),
      target: z.string(),
      attempt: z.number().int(),
      status: z.string(),
      error: z.string().nullable(),
      at: isoTime,
      nextAt: isoTime.nullable(),
      event: z.string().nullable(),
    }),
  ),
});

/**
 * Someone an alert may be handed to (`assign {assignee: "user:<username>"}`): an active account
 * whose unit scope covers the alert's unit or a unit above it. Who they are, not how to reach them.
 */
export const assignablePersonSchema = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
  })
  .meta({ id: 'AssignablePerson' });
export type AssignablePersonWire = z.output<typeof assignablePersonSchema>;

export const assignablePeopleResponse = z.object({
  asOf: isoTime,
  items: z.array(assignablePersonSchema),
});

// ── Actions ───────────────────────────────────────────────────────────────────────────────────

export const alertActionSchema = z.enum(ALERT_ACTIONS);
export const alertActionParams = z.object({
  id: z.string().min(1).max(128),
  action: alertActionSchema,
});

export const alertReasonBody = z
  .object({ reason: z.string().trim().min(1).max(500).optional() })
  .loose();
export const alertNoteBody = z.object({ text: z.string().min(1).max(10_000) }).loose();
export const alertAssignBody = z
  .object({
    assignee: z.union([
      z.null(),
      z.string().max(200).meta({ description: '"user:<id>" or "department:<code>"' }),
      z.object({ kind: z.enum(['user', 'department']), id: z.string().min(1).max(190) }),
    ]),
  })
  .loose();

/** Body of an action: `resolve`/`reopen` {reason?}, `note` {text}, `assign` {assignee}, else none. */
export const alertActionBody = z
  .union([alertReasonBody, alertNoteBody, alertAssignBody])
  .optional()
  .meta({
    description: 'resolve, reopen: {reason?}; note: {text}; assign: {assignee}; others: none',
  });
