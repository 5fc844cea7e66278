import { z } from 'zod';
import {
  amqpUrlList,
  basemapUrl,
  bool,
  smtpUrl,
  csvList,
  httpUrl,
  mqttUrl,
  port,
  positiveInt,
  postgresUrl,
} from './fields';
import { parseEnv } from './parse';

/** Settings of the platform process (`npm start`). Every key is documented in .env.example. */
export const apiConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: port(8080),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  DB_POOL_MAX: positiveInt(10),
  // What this process runs (docs/architecture.md, "Process roles"): everything, or one part of a
  // scaled-out deployment. Roles other than `all` need DATABASE_URL (the shared database).
  PROCESS_ROLE: z.enum(['all', 'api', 'collector', 'worker']).default('all'),
  // Seconds between a standby's tries to take a background job's lease (PostgreSQL advisory lock).
  JOB_LEASE_RETRY_S: positiveInt(5),
  // The live bus between API replicas (libs/live): `auto` = none embedded, else PostgreSQL
  // LISTEN/NOTIFY, or RabbitMQ when LIVE_BUS_AMQP_URLS is set. NOTIFY's knee, measured with
  // `npm run bench:bus`, is in docs/architecture.md ("Live bus") and composition/live-bus.ts.
  LIVE_BUS: z.enum(['auto', 'pg-notify', 'amqp']).default('auto'),
  // Every node of the RabbitMQ cluster (amqp://user:pass@host:5672, comma-separated); the bus
  // fails over between them.
  LIVE_BUS_AMQP_URLS: amqpUrlList.optional(),
  // A streaming replica for the reads that tolerate replica lag (rollups, latest values, AQI,
  // fleet, indicator views, SensorThings). Unset: every query goes to DATABASE_URL.
  DATABASE_READ_URL: postgresUrl.optional(),
  // TimescaleDB mode: compress `reading` chunks older than this, drop raw readings older than
  // that (the rollups stay). Sized by `npm run bench:compression` (simulator values, 2.4M rows):
  // a compressed reading takes 8.2 bytes against 201.6 in row store with its indexes (24.7×), so
  // a year of raw rows costs about what 15 uncompressed days do: keep 400 days (year-on-year
  // from raw rows) and compress only after the 8 days in which late readings (INGEST_MAX_AGE_DAYS
  // 7) still land and the rollup policies re-read the raw rows, where row store is cheaper.
  TSDB_COMPRESS_AFTER_DAYS: positiveInt(8),
  TSDB_RAW_RETENTION_DAYS: positiveInt(400),
  MQTT_URL: mqttUrl.optional(),
  // Where SensorThings readers subscribe (the MQTT extension's endpoint in /sta/v1.1): a load
  // balancer in front of the broker cluster. Unset: the broker this process reads, if MQTT.
  MQTT_PUBLIC_URL: mqttUrl.optional(),
  MQTT_USERNAME: z.string().optional(),
  MQTT_PASSWORD: z.string().optional(),
  MQTT_PORT: port(1883),
  // Failed CONNECTs per address per minute at the embedded broker before it stops listening to it.
  MQTT_MAX_FAILED_CONNECTS_PER_MINUTE: positiveInt(10),
  MQTT_CLIENT_ID: z.string().min(1).default('ioc-ingest-1'),
  MQTT_SHARED_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')
    .default('ioc-ingest'),
  // RabbitMQ cluster (issue 19): the collectors consume one quorum queue over AMQP.
  AMQP_URLS: csvList
    .pipe(z.array(z.string().regex(/^amqps?:\/\/\S+$/, 'each must be an amqp:// or amqps:// URL')))
    .optional(),
  AMQP_QUEUE: z
    .string()
    .regex(/^ioc\.[A-Za-z0-9._-]+$/, 'ioc. then letters, digits, ., - and _')
    .default('ioc.telemetry'),
  BROKER_AUTH_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  BROKER_SERVICE_USERNAME: z.string().min(1).optional(),
  IOC_PROVINCE: z
    .string()
    .regex(/^\d{2}$/, 'a 2-digit province code')
    .default('48'),
  IOC_BOUNDARIES: csvList.optional(),
  SEED_DEMO: bool(true),
  SIMULATOR: bool(true),
  SIMULATOR_INTERVAL_MS: positiveInt(5_000),
  INGEST_MAX_AGE_DAYS: positiveInt(7),
  INGEST_MAX_PAYLOAD_BYTES: positiveInt(262_144),
  WRITER_BATCH_SIZE: positiveInt(5_000),
  WRITER_MAX_LATENCY_MS: positiveInt(100),
  WRITER_BUFFER_LIMIT: positiveInt(200_000),
  TTN_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  CHIRPSTACK_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  // Dead-letter table bound: rows older than the age, or beyond the newest N, are deleted by a
  // periodic prune, a background job run once in the cluster (libs/ingest DeadLetterPruner).
  DEADLETTER_MAX_AGE_DAYS: positiveInt(30),
  DEADLETTER_MAX_ROWS: positiveInt(100_000),
  DEADLETTER_PRUNE_INTERVAL_S: positiveInt(600),
  WEB_DIST_DIR: z.string().default('dist/ioc-web'),
  CORS_ORIGINS: csvList.optional(),
  // Access control (libs/auth, apps/api/src/auth).
  SESSION_TTL_HOURS: positiveInt(12),
  LOGIN_MAX_ATTEMPTS: positiveInt(5),
  LOGIN_MAX_ATTEMPTS_PER_IP: positiveInt(50),
  LOGIN_LOCKOUT_MINUTES: positiveInt(15),
  INGEST_RATE_PER_SECOND: positiveInt(20),
  INGEST_RATE_BURST: positiveInt(200),
  // Per source address, whatever credential it presents: rotating credentials gains nothing.
  INGEST_RATE_PER_SOURCE_PER_SECOND: positiveInt(400),
  INGEST_RATE_SOURCE_BURST: positiveInt(4000),
  METRICS_TOKEN: z.string().min(32, 'at least 32 characters').optional(),
  // Which peers may set X-Forwarded-For (the client address for audit and login throttling).
  // Trusting everyone would let any client pick a fresh address per login attempt.
  TRUST_PROXY: z
    .string()
    .default('loopback,linklocal,uniquelocal')
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : v)),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  // Basemap of the web app's maps (GET /api/v1/web-config): a MapLibre style URL or a PMTiles
  // archive. Unset: the bundled offline style.
  BASEMAP_URL: basemapUrl.optional(),
  // E-mail (composition/smtp.ts: one transport for reporting reminders and alert e-mail):
  // smtp:// or smtps:// with credentials in the URL. Unset: no e-mail is sent; webhooks still go.
  SMTP_URL: smtpUrl.optional(),
  SMTP_FROM: z.string().trim().min(3).default('IOC <no-reply@localhost>'),
  // How often the reminder scheduler looks for reminders and late notices to send.
  REMINDER_INTERVAL_S: positiveInt(3_600),
  // Every ward and commune of IOC_PROVINCE reports monthly by the 15th unless an administrator
  // gave it another schedule (or switched its schedule off); false: only the schedules made.
  REPORT_SCHEDULE_DEFAULTS: bool(true),
  // Web Push to the people alerts are handed to (apps/api/src/composition/web-push.ts). The VAPID
  // key pair (base64url, as `npx web-push generate-vapid-keys` prints it): both or neither;
  // neither = the platform generates a pair once and keeps it in the database.
  WEB_PUSH: bool(true),
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, 'a base64url P-256 public key (87 characters)')
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'a base64url P-256 private key (43 characters)')
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, 'a mailto: or https: address')
    .default('mailto:no-reply@localhost'),
  // Push endpoints over plain http (a local push service in tests); browsers only give https.
  PUSH_ALLOW_HTTP_ENDPOINTS: bool(false),
  // SMS/Zalo to the person an alert is assigned to (apps/api/src/composition/sms-gateway.ts):
  // the gateway URL and a JSON body template (mustache) over {{phone}}, {{text}}, {{alertId}},
  // {{severity}}, {{what}}, {{unitCode}}, {{deviceId}}, {{value}}, {{link}}. Unset URL: none sent.
  SMS_GATEWAY_URL: httpUrl.optional(),
  SMS_GATEWAY_TEMPLATE: z.string().min(2).default('{"to":"{{phone}}","text":"{{text}}"}'),
  // Address of the web app as residents reach it (links in citizen-report messages). Unset: the
  // messages carry the tracking code without a link.
  PUBLIC_URL: httpUrl.optional(),
  // Citizen reports (libs/citizen, apps/api/src/citizen): submissions per client address per
  // minute and per day, per app key per minute; rate limits are kept in each process's memory.
  CITIZEN_RATE_PER_MIN: positiveInt(10),
  CITIZEN_RATE_PER_DAY: positiveInt(60),
  CITIZEN_APP_RATE_PER_MIN: positiveInt(600),
  // Days after a resolution during which the resident may reopen the case with its code.
  CITIZEN_REOPEN_DAYS: positiveInt(7),
  // Status changes are POSTed as JSON (no phone number) to the webhook; the SMS gateway gets
  // {to, text} for cases that left a phone number. Unset: not sent.
  CITIZEN_WEBHOOK_URL: httpUrl.optional(),
  CITIZEN_SMS_URL: httpUrl.optional(),
  // Open data (/sta/ and /api/v1/public/open-data/): requests per client address per minute, and
  // at most OPEN_DATA_BURST_PER_SEC of them in any one second; kept in each process's memory.
  OPEN_DATA_RATE_PER_MIN: positiveInt(600),
  OPEN_DATA_BURST_PER_SEC: positiveInt(50),
  // Cameras (libs/cameras): the province's media server (MediaMTX, go2rtc) as browsers reach it —
  // the base of its WebRTC/WHEP listener and of its HLS listener. Unset: no stream URL is given
  // (POST /api/v1/cameras/{id}/view answers 503 unless the camera has a snapshot URL).
  MEDIA_WHEP_URL: httpUrl.optional(),
  MEDIA_HLS_URL: httpUrl.optional(),
  // Lifetime of a viewing token (the media server's auth hook refuses it after that).
  CAMERA_VIEW_TOKEN_TTL_S: z.coerce.number().int().min(10).max(3_600).default(300),
  // Key viewing tokens are signed with. Unset: one is generated once and kept in the database
  // (table camera_token_key), shared by every API process.
  CAMERA_TOKEN_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  // The credential the media server's publishers (NVR, ffmpeg) present; both or none. Unset:
  // the auth hook lets nobody publish.
  MEDIA_PUBLISH_USER: z.string().min(1).max(200).optional(),
  MEDIA_PUBLISH_PASSWORD: z.string().min(16, 'at least 16 characters').optional(),
  // Connectors (libs/connectors): the AES-256-GCM key sealing the secrets of their auth profiles,
  // 32 bytes as 64 hex characters or base64url. Required in production; elsewhere unset means
  // profiles with secrets are refused (there is no default key).
  CONNECTOR_SECRET_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9_-]{43}=?)$/, '32 bytes: 64 hex characters or base64url')
    .optional(),
  // Scheduled connector runs in this process (false: runs only when asked, e.g. a second replica).
  CONNECTOR_SCHEDULER: bool(true),
  // Public-service dossiers (libs/dossiers): warn the officer and the unit leader this many hours
  // before a dossier falls due, checking every DOSSIER_WARNING_INTERVAL_S seconds; each warning
  // also goes as a JSON POST to DOSSIER_WEBHOOK_URL when set.
  DOSSIER_WARNING_HOURS: positiveInt(24),
  DOSSIER_WARNING_INTERVAL_S: positiveInt(300),
  DOSSIER_WEBHOOK_URL: httpUrl.optional(),
  // AI-camera events (libs/camera-events): days events and their snapshots are kept.
  CAMERA_EVENT_RETENTION_DAYS: positiveInt(30),
  // The broker Frigate publishes `frigate/events` on (mqtt:// or mqtts://), and its login. Unset:
  // Frigate sources are not subscribed (Hikvision and generic webhooks work without it).
  FRIGATE_MQTT_URL: mqttUrl.optional(),
  FRIGATE_MQTT_USERNAME: z.string().optional(),
  FRIGATE_MQTT_PASSWORD: z.string().optional(),
});

/** Raw readings are kept longer than the rollup policies look back (9 days). */
const MIN_RAW_RETENTION_DAYS = 10;

/** Checks across keys, and settings production may not run without (no default secrets). */
const productionChecked = apiConfigSchema.superRefine((c, ctx) => {
  // The continuous-aggregate policies re-read the last 9 days of raw rows (the 8-day late-data
  // window and a day bucket): a refresh over dropped raw chunks would empty those buckets.
  if (c.TSDB_RAW_RETENTION_DAYS < MIN_RAW_RETENTION_DAYS) {
    ctx.addIssue({
      code: 'custom',
      path: ['TSDB_RAW_RETENTION_DAYS'],
      message: `at least ${String(MIN_RAW_RETENTION_DAYS)} days (the rollup refresh window)`,
    });
  }
  if (c.TSDB_COMPRESS_AFTER_DAYS >= c.TSDB_RAW_RETENTION_DAYS) {
    ctx.addIssue({
      code: 'custom',
      path: ['TSDB_COMPRESS_AFTER_DAYS'],
      message: 'must be fewer days than TSDB_RAW_RETENTION_DAYS',
    });
  }
  if (c.DATABASE_READ_URL !== undefined && c.DATABASE_URL === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['DATABASE_READ_URL'],
      message: 'needs DATABASE_URL (the embedded database has no replica)',
    });
  }
  if (c.PROCESS_ROLE !== 'all' && c.DATABASE_URL === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['PROCESS_ROLE'],
      message: `'${c.PROCESS_ROLE}' needs DATABASE_URL: the embedded mode is one process (role 'all')`,
    });
  }
  if (c.LIVE_BUS === 'amqp' && c.LIVE_BUS_AMQP_URLS === undefined && c.AMQP_URLS === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['LIVE_BUS_AMQP_URLS'],
      message: 'required when LIVE_BUS=amqp (unless AMQP_URLS is set)',
    });
  }
  if (c.NODE_ENV === 'production' && c.CONNECTOR_SECRET_KEY === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['CONNECTOR_SECRET_KEY'],
      message: 'required in production (the key sealing connector secrets)',
    });
  }
});

export type ApiConfig = z.infer<typeof apiConfigSchema>;

export function loadApiConfig(env: Record<string, string | undefined>): ApiConfig {
  return parseEnv(productionChecked, env);
}
