import { z } from 'zod';
import { bool, csvList, mqttUrl, port, positiveInt, postgresUrl } from './fields';
import { parseEnv } from './parse';

/** Settings of the platform process (`npm start`). Every key is documented in .env.example. */
export const apiConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: port(8080),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  DB_POOL_MAX: positiveInt(10),
  MQTT_URL: mqttUrl.optional(),
  MQTT_USERNAME: z.string().optional(),
  MQTT_PASSWORD: z.string().optional(),
  MQTT_PORT: port(1883),
  MQTT_CLIENT_ID: z.string().min(1).default('ioc-ingest-1'),
  MQTT_SHARED_GROUP: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only').default('ioc-ingest'),
  IOC_PROVINCE: z.string().regex(/^\d{2}$/, 'a 2-digit province code').default('48'),
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
  WEB_DIST_DIR: z.string().default('dist/ioc-web'),
  CORS_ORIGINS: csvList.optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type ApiConfig = z.infer<typeof apiConfigSchema>;

export function loadApiConfig(env: Record<string, string | undefined>): ApiConfig {
  return parseEnv(apiConfigSchema, env);
}
