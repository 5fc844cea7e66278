import { z } from 'zod';
import { isoTime } from './common';

/** What a connector pulls: a JSON API, a CSV export or an XML/SOAP service. */
export const CONNECTOR_SOURCE_KINDS = ['rest-json', 'csv', 'soap-xml'] as const;
/** The record kinds a mapping may produce (each has a natural key, so upserts are idempotent). */
export const CONNECTOR_TARGETS = ['indicator_value', 'dossier'] as const;
export type ConnectorTarget = (typeof CONNECTOR_TARGETS)[number];

const connectorId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'lower-case letters, digits, - and _ (2–64)');

/**
 * How a source pages. The URL (and body) template names the placeholders: `{page}`, `{offset}`,
 * `{limit}`, `{cursor}`, `{since}` (the stored watermark, empty on the first run).
 * - page: `{page}` from `start` (default 1) until a page holds fewer than `size` records;
 * - offset: `{offset}` += `size` likewise;
 * - cursor: `{cursor}` from the answer's `cursorPath` until it is missing or empty;
 * - next-link: the next request is the URL at the answer's `nextPath` until it is missing.
 */
export const connectorPagingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('page'),
    size: z.number().int().min(1).max(10_000),
    start: z.number().int().min(0).default(1),
  }),
  z.object({ kind: z.literal('offset'), size: z.number().int().min(1).max(10_000) }),
  z.object({
    kind: z.literal('cursor'),
    size: z.number().int().min(1).max(10_000).default(100),
    cursorPath: z.string().min(1),
  }),
  z.object({ kind: z.literal('next-link'), nextPath: z.string().min(1) }),
]);
export type ConnectorPaging = z.output<typeof connectorPagingSchema>;

export const connectorSourceSchema = z
  .object({
    kind: z.enum(CONNECTOR_SOURCE_KINDS),
    url: z.string().regex(/^https?:\/\//, 'an http:// or https:// URL template'),
    method: z.enum(['GET', 'POST']).default('GET'),
    /** A request body template (a SOAP envelope), placeholders as in the URL. */
    body: z.string().max(20_000).optional(),
    /** Headers that are not secrets (SOAPAction, Accept). Secrets belong in `auth`. */
    headers: z.record(z.string(), z.string().max(2_000)).default({}),
    /** Dot path to the record array in a JSON or XML answer (`data.items`); CSV: none. */
    recordsPath: z.string().max(500).optional(),
    paging: connectorPagingSchema.default({ kind: 'none' }),
    /**
     * Incremental sync: the record field holding its last update time. The newest committed
     * value is the watermark, sent back as `{since}` on the next run.
     */
    watermarkField: z.string().min(1).max(200).optional(),
  })
  .strict();
export type ConnectorSource = z.output<typeof connectorSourceSchema>;

/**
 * A JSONata expression from one source record to one target record (or an array of them).
 * `unitCodes`: the source's administrative-unit codes that differ from ours (old codes before
 * a merger), applied to the target's `unitCode` before it is checked against the unit directory.
 */
export const connectorMappingSchema = z
  .object({
    target: z.enum(CONNECTOR_TARGETS),
    expression: z.string().min(1).max(20_000),
    unitCodes: z.record(z.string(), z.string()).default({}),
  })
  .strict();
export type ConnectorMapping = z.output<typeof connectorMappingSchema>;

/** An auth profile as written: its secret fields are stored encrypted and never read back. */
export const connectorAuthInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('api-key'),
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), z.string().min(1)),
  }),
  z.object({
    kind: z.literal('lgsp'),
    appName: z.string().min(1).max(200),
    accessKey: z.string().min(1),
    secretKey: z.string().min(8),
  }),
  z.object({
    kind: z.literal('oauth2-client-credentials'),
    tokenUrl: z.string().regex(/^https?:\/\//),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    scope: z.string().optional(),
  }),
  z.object({
    kind: z.literal('basic'),
    username: z.string().min(1),
    password: z.string().min(1),
  }),
]);
export type ConnectorAuthInput = z.output<typeof connectorAuthInput>;

/** An auth profile as the API shows it: the kind and its public parts, never a secret. */
export const connectorAuthView = z.object({
  kind: z.enum(['none', 'api-key', 'lgsp', 'oauth2-client-credentials', 'basic']),
  appName: z.string().optional(),
  headerNames: z.array(z.string()).optional(),
  tokenUrl: z.string().optional(),
  clientId: z.string().optional(),
  scope: z.string().optional(),
  username: z.string().optional(),
  secretSet: z.boolean(),
});
export type ConnectorAuthView = z.output<typeof connectorAuthView>;

const cron = z
  .string()
  .trim()
  .min(9)
  .max(200)
  .meta({ examples: ['*/15 * * * *'] });

export const connectorCreateBody = z
  .object({
    id: connectorId,
    name: z.string().trim().min(1).max(300),
    department: z.string().trim().min(1).max(300),
    source: connectorSourceSchema,
    mapping: connectorMappingSchema,
    auth: connectorAuthInput.default({ kind: 'none' }),
    schedule: cron.nullable().default(null),
    rateLimitPerMinute: z.number().int().min(1).max(6_000).default(60),
    maxRetries: z.number().int().min(0).max(10).default(3),
  })
  .strict();
export type ConnectorCreate = z.output<typeof connectorCreateBody>;

const declared = connectorCreateBody.shape;
/**
 * Only what is sent changes. Built without the create body's defaults: `.partial()` keeps them,
 * and a rename would then have replaced the auth profile with `none` and dropped the schedule.
 */
export const connectorPatchBody = z
  .object({
    name: declared.name,
    department: declared.department,
    source: declared.source,
    mapping: declared.mapping,
    auth: declared.auth.unwrap(),
    schedule: declared.schedule.unwrap(),
    rateLimitPerMinute: declared.rateLimitPerMinute.unwrap(),
    maxRetries: declared.maxRetries.unwrap(),
  })
  .partial()
  .strict();
export type ConnectorPatch = z.output<typeof connectorPatchBody>;

export const connectorIdParams = z.object({ id: z.string() });

export const connectorViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    department: z.string(),
    source: connectorSourceSchema,
    mapping: connectorMappingSchema,
    auth: connectorAuthView,
    schedule: z.string().nullable(),
    rateLimitPerMinute: z.number().int(),
    maxRetries: z.number().int(),
    paused: z.boolean(),
    watermark: z.string().nullable(),
    knownFields: z.array(z.string()),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Connector' });
export type ConnectorView = z.output<typeof connectorViewSchema>;

export const connectorListResponse = z.object({
  asOf: isoTime,
  items: z.array(connectorViewSchema),
});

export const connectorRunSchema = z
  .object({
    id: z.string(),
    connectorId: z.string(),
    trigger: z.enum(['schedule', 'manual']),
    startedAt: isoTime,
    finishedAt: isoTime.nullable(),
    status: z.enum(['running', 'succeeded', 'failed']),
    pages: z.number().int(),
    recordsIn: z.number().int(),
    recordsUpserted: z.number().int(),
    recordsRejected: z.number().int(),
    watermarkFrom: z.string().nullable(),
    watermarkTo: z.string().nullable(),
    lagSeconds: z.number().nullable(),
    fieldsAdded: z.array(z.string()),
    fieldsRemoved: z.array(z.string()),
    error: z.string().nullable(),
  })
  .meta({ id: 'ConnectorRun' });
export type ConnectorRunView = z.output<typeof connectorRunSchema>;

export const connectorRunListResponse = z.object({
  asOf: isoTime,
  items: z.array(connectorRunSchema),
});

export const connectorDeadLetterSchema = z.object({
  runId: z.string(),
  reason: z.string(),
  detail: z.string().nullable(),
  record: z.string().nullable(),
  at: isoTime,
});
export const connectorDeadLetterListResponse = z.object({
  asOf: isoTime,
  items: z.array(connectorDeadLetterSchema),
});

/** `POST /api/v1/connectors/{id}/dry-run`: the first 20 mapped records, nothing written. */
export const connectorDryRunResponse = z.object({
  connectorId: z.string(),
  fetched: z.number().int(),
  records: z.array(z.record(z.string(), z.unknown())),
  rejected: z.array(z.object({ reason: z.string(), detail: z.string().nullable() })),
  fields: z.array(z.string()),
});

/** A connector on the feed-liveness board. */
export const connectorLivenessSchema = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  paused: z.boolean(),
  lastRunAt: isoTime.nullable(),
  lastStatus: z.enum(['running', 'succeeded', 'failed']).nullable(),
  lastSuccessAt: isoTime.nullable(),
  lastError: z.string().nullable(),
  recordsIn: z.number().int(),
  recordsRejected: z.number().int(),
  lagSeconds: z.number().nullable(),
  fieldsAdded: z.array(z.string()),
  fieldsRemoved: z.array(z.string()),
});
export type ConnectorLiveness = z.output<typeof connectorLivenessSchema>;

/**
 * An indicator value a connector mapping produces; natural key (indicator, unitCode, period).
 * A value, or a numerator with its denominator (rolled up as Σ/Σ).
 */
export const indicatorValueRecordSchema = z
  .object({
    indicator: z.string().trim().min(1),
    unitCode: z.string().trim().min(2).max(10),
    period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, '2026-03, 2026-Q1 or 2026'),
    value: z.number().optional(),
    numerator: z.number().optional(),
    denominator: z.number().positive().optional(),
  })
  .strict()
  .refine(
    (r) => r.value !== undefined || (r.numerator !== undefined && r.denominator !== undefined),
    'a value, or a numerator and a denominator',
  );
export type IndicatorValueRecord = z.output<typeof indicatorValueRecordSchema>;
