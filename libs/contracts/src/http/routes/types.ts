import type { z } from 'zod';

/**
 * The credentials a route accepts. Routes with none are public.
 * - session: `Authorization: Bearer iocs_…` from `POST /api/v1/auth/login`.
 * - display: a wall screen's read-only token `iocd_…`, as a bearer or `?token=`.
 * - device: a device's or gateway's token, as a bearer (telemetry).
 * - feedKey: a report feed's key, as a bearer or `X-Api-Key`.
 * - webhookSecret: the `X-Webhook-Secret` configured for a LoRaWAN network server.
 * - setupToken: the one-time token printed at first start, in the body of `POST /auth/setup`.
 * - metricsToken: the static `METRICS_TOKEN` bearer a Prometheus scraper holds.
 * - appKey: an app's key `ioca_…` for citizen reports on a resident's behalf, as a bearer or
 *   `X-Api-Key` (`POST /api/v1/citizen/apps` issues it).
 * - brokerSecret: `BROKER_AUTH_SECRET`, in the path of the RabbitMQ auth-backend routes (the
 *   plugin can send no header).
 */
export const CREDENTIALS = [
  'session',
  'display',
  'device',
  'feedKey',
  'webhookSecret',
  'setupToken',
  'metricsToken',
  'appKey',
  'brokerSecret',
] as const;
export type Credential = (typeof CREDENTIALS)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A text in both languages of the platform: Vietnamese first. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface ResponseContract {
  description: string;
  /** Absent: no body (204). */
  schema?: z.ZodType;
  /** Default application/json. */
  contentType?: string;
}

export interface RouteContract {
  method: HttpMethod;
  /** OpenAPI style: `/api/v1/devices/{id}`. */
  path: string;
  operationId: string;
  /** Group of the reference (Units, Devices, Ingest, …). */
  tag: string;
  summary: Bilingual;
  description?: Bilingual;
  /** Any one of these is enough; [] = public. */
  security: readonly Credential[];
  request?: {
    params?: z.ZodObject;
    query?: z.ZodObject;
    headers?: z.ZodObject;
    body?: z.ZodType;
    /** Default application/json. */
    bodyTypes?: readonly string[];
  };
  /** By status; the error answers (one shape, `apiErrorSchema`) are listed as statuses. */
  responses: Readonly<Record<number, ResponseContract>>;
  errors?: readonly number[];
}

/** A route, typed (lets the table be written as plain objects). */
export function route(r: RouteContract): RouteContract {
  return r;
}

export function ok(schema: z.ZodType, description = 'OK', contentType?: string): ResponseContract {
  return contentType === undefined ? { description, schema } : { description, schema, contentType };
}

export const NO_CONTENT: ResponseContract = { description: 'Done, no body' };

/** Credentials of the people's routes: a session, or a wall's display token where it may read. */
export const READERS: readonly Credential[] = ['session', 'display'];
export const SESSION: readonly Credential[] = ['session'];
export const PUBLIC: readonly Credential[] = [];
