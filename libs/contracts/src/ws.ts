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

/** Server → client. */
export type WsServerMessage =
  | { type: 'subscribed'; channels: string[] }
  | { type: 'refused'; channel: string; code: string; message: string }
  | { type: 'readings'; channel: string; asOf: string; deltas: ReadingDelta[] }
  | { type: 'alert'; channel: string; asOf: string; alert: unknown }
  | { type: 'rollup'; channel: string; asOf: string; rollup: unknown }
  | { type: 'indicator'; channel: string; asOf: string; indicator: unknown }
  | { type: 'wall'; channel: string; asOf: string; wall: WallChanged }
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
  z.object({
    type: z.literal('authenticated'),
    kind: z.string(),
    displayName: z.string(),
    units: z.array(z.string()),
  }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]) satisfies z.ZodType<WsServerMessage>;
