import { z } from 'zod';
import { isoTime } from './common';

/** `GET /api/v1/health`: 200 when the database and broker answer, 503 (same body) otherwise. */
export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    role: z.enum(['all', 'api', 'collector', 'worker']).meta({
      description: 'PROCESS_ROLE: what this process runs',
    }),
    asOf: isoTime,
    storage: z.string().meta({ description: 'timescaledb, postgres or pglite' }),
    broker: z.string().meta({ description: 'embedded or external' }),
    mqttPort: z.number().int().nullable(),
    database: z.enum(['up', 'down']),
    brokerConnection: z.enum(['up', 'down', 'none']).meta({
      description: 'none: this process reads no broker (role api)',
    }),
    migrationVersion: z.number().int(),
    versions: z.object({ platform: z.string(), node: z.string() }),
    uptimeSeconds: z.number().int(),
    ingest: z.object({
      buffered: z.number().int(),
      stored: z.number().int(),
      healthy: z.boolean(),
    }),
  })
  .meta({ id: 'Health' });

/** Harmless settings the web app needs before anyone signs in. */
export const webConfigSchema = z.object({
  basemap: z.string().nullable().meta({
    description: 'MapLibre style URL or pmtiles:// archive; null = bundled offline style',
  }),
});
export type WebConfig = z.output<typeof webConfigSchema>;

/** Text answers (Prometheus exposition, CSV, HTML, GeoJSON served as a string). */
export const textBody = z.string();
