import { z } from 'zod';
import { alertViewSchema } from './http/alerts';

/** Client → server. Channels: `unit:<code>`, `layer:<name>`, `alerts`, `alerts:<unitCode>`. */
export type WsClientMessage =
  | { type: 'subscribe'; channels: string[] }
  | { type: 'unsubscribe'; channels: string[] }
  | { type: 'ping' }
  /** First message when no `?token=` was given: a session or display token. */
  | { type: 'auth'; token: string };

export interface ReadingDelta {
  deviceId: string;
  unitCode: string | null;
  time: string;
  values: Record<string, number>;
  /** WGS84 position, when the newest reading of the delta carried one (mobile devices: vessels). */
  position?: { lon: number; lat: number };
}

/**
 * A unit's wall configuration changed (`PUT /api/v1/wall/config`): walls of that unit refetch
 * `GET /api/v1/wall/config?unit=` instead of waiting for their periodic refresh.
 */
export interface WallChanged {
  unitCode: string;
  updatedAt: string | null;
}

/**
 * An indicator value of a unit changed (a feed report was saved): scorecards refetch. Sent on
 * `unit:<code>` of the reported unit and of its province.
 */
export interface IndicatorChanged {
  /** The unit the report was for (a ward or the province itself). */
  unitCode: string;
  indicatorCode: string;
  /** Reporting period as the feed gave it, e.g. `2026`, `2026-Q3`, `2026-10`. */
  period: string;
  feedCode: string;
}

/**
 * A plan task changed (created, edited, progress posted, cancelled): task lists and the wall's
 * tasks panel refetch. Sent on `unit:<code>` of the lead unit and of its parent.
 */
export interface TaskChanged {
  taskId: string;
  code: string;
  leadUnitCode: string;
  /** One of TASK_STATUSES; `overdue` as computed at the time of the change. */
  status: string;
  progress: number;
  updatedAt: string;
}

/**
 * A reporting period changed state (submitted, returned, approved, reopened, became late): the
 * reporting matrix and late list refetch. Sent on `unit:<code>` of the reporting unit and of
 * its parent.
 */
export interface ReportChanged {
  periodId: string;
  unitCode: string;
  officeId: string | null;
  /** `2026-11`, `2026-Q4` or `2026`. */
  period: string;
  /** One of REPORT_STATES. */
  state: string;
  late: boolean;
}

/**
 * A citizen report changed (received, assigned, resolved, transferred, marked spam, …): queues,
 * the wall's reports layer and its on-time rate refetch or update in place. Sent on
 * `unit:<code>` of the case's unit and of its parent.
 */
export interface CitizenChanged {
  caseId: string;
  code: string;
  unitCode: string;
  /** One of CITIZEN_STATUSES. */
  status: string;
  /** Open and past its deadline at the time of the change. */
  overdue: boolean;
  /** One of CITIZEN_MODERATION. */
  moderation: string;
  updatedAt: string;
  lat: number;
  lon: number;
}

/** Server → client. */
export type WsServerMessage =
  | { type: 'subscribed'; channels: string[] }
  | { type: 'refused'; channel: string; code: string; message: string }
  | { type: 'readings'; channel: string; asOf: string; deltas: ReadingDelta[] }
  | { type: 'alert'; channel: string; asOf: string; alert: unknown }
  | { type: 'rollup'; channel: string; asOf: string; rollup: unknown }
  | { type: 'indicator'; channel: string; asOf: string; indicator: unknown }
  | { type: 'wall'; channel: string; asOf: string; wall: WallChanged }
  | { type: 'task'; channel: string; asOf: string; task: TaskChanged }
  | { type: 'report'; channel: string; asOf: string; report: ReportChanged }
  | { type: 'citizen'; channel: string; asOf: string; citizen: CitizenChanged }
  | { type: 'authenticated'; kind: string; displayName: string; units: string[] }
  | { type: 'pong' }
  | { type: 'error'; code: string; message: string };

// ── Schemas of the messages (the gateway parses client messages with them) ───────────────────

const channels = z.array(z.string().max(64)).max(200);

export const wsClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), channels }),
  z.object({ type: z.literal('unsubscribe'), channels }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('auth'), token: z.string().min(1).max(256) }),
]) satisfies z.ZodType<WsClientMessage>;

const position = z.object({ lon: z.number(), lat: z.number() });

export const readingDeltaSchema = z.object({
  deviceId: z.string(),
  unitCode: z.string().nullable(),
  time: z.string(),
  values: z.record(z.string(), z.number()),
  position: position.optional(),
}) satisfies z.ZodType<ReadingDelta>;

const pushed = { channel: z.string(), asOf: z.string() };

export const taskChangedSchema = z.object({
  taskId: z.string(),
  code: z.string(),
  leadUnitCode: z.string(),
  // Plain strings: TASK_STATUSES / REPORT_STATES arrive with the tasks and reporting
  // contracts; a client must not drop a message for a state it does not know yet.
  status: z.string(),
  progress: z.number(),
  updatedAt: z.string(),
}) satisfies z.ZodType<TaskChanged>;

export const reportChangedSchema = z.object({
  periodId: z.string(),
  unitCode: z.string(),
  officeId: z.string().nullable(),
  period: z.string(),
  state: z.string(),
  late: z.boolean(),
}) satisfies z.ZodType<ReportChanged>;

export const citizenChangedSchema = z.object({
  caseId: z.string(),
  code: z.string(),
  unitCode: z.string(),
  // Plain strings, like task and report states: a client must not drop a message for a state
  // it does not know yet.
  status: z.string(),
  overdue: z.boolean(),
  moderation: z.string(),
  updatedAt: z.string(),
  lat: z.number(),
  lon: z.number(),
}) satisfies z.ZodType<CitizenChanged>;

export const wsServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribed'), channels: z.array(z.string()) }),
  z.object({
    type: z.literal('refused'),
    channel: z.string(),
    code: z.string(),
    message: z.string(),
  }),
  z.object({ type: z.literal('readings'), ...pushed, deltas: z.array(readingDeltaSchema) }),
  z.object({ type: z.literal('alert'), ...pushed, alert: alertViewSchema }),
  z.object({
    type: z.literal('rollup'),
    ...pushed,
    rollup: z.object({
      unitCode: z.string(),
      metric: z.string(),
      size: z.literal('1m'),
      bucket: z.string(),
      n: z.number(),
      sum: z.number(),
      min: z.number(),
      max: z.number(),
      mean: z.number().nullable(),
    }),
  }),
  z.object({
    type: z.literal('indicator'),
    ...pushed,
    indicator: z.object({
      unitCode: z.string(),
      indicatorCode: z.string(),
      period: z.string(),
      feedCode: z.string(),
    }) satisfies z.ZodType<IndicatorChanged>,
  }),
  z.object({
    type: z.literal('wall'),
    ...pushed,
    wall: z.object({ unitCode: z.string(), updatedAt: z.string().nullable() }),
  }),
  z.object({ type: z.literal('task'), ...pushed, task: taskChangedSchema }),
  z.object({ type: z.literal('report'), ...pushed, report: reportChangedSchema }),
  z.object({ type: z.literal('citizen'), ...pushed, citizen: citizenChangedSchema }),
  z.object({
    type: z.literal('authenticated'),
    kind: z.string(),
    displayName: z.string(),
    units: z.array(z.string()),
  }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]) satisfies z.ZodType<WsServerMessage>;
