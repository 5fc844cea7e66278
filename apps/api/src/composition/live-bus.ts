import { ConfigError, type ApiConfig } from '@ioc/config';
import type { LiveOperationsDeps } from '@ioc/live';

/**
 * Which bus carries live updates between API replicas (LIVE_BUS).
 *
 * `auto`: the embedded single process needs none (and PGlite is single-session, so it could not
 * hold a LISTEN connection); with PostgreSQL, LISTEN/NOTIFY — no extra service — unless RabbitMQ
 * nodes are configured (LIVE_BUS_AMQP_URLS, else the collectors' AMQP_URLS). Where to switch: `npm run bench:bus` (2 shared cores, one publisher,
 * 2 and 4 subscribers, readings and rollups, three runs) saw NOTIFY keep up to 5,000 items/s
 * in every run (10,000 when the machine was calmer) and fall behind between 10,000 and 40,000,
 * delivering 18–26k/s at best and 6–9k/s with the machine loaded, p99 then 0.5–4.8 s (one
 * session's NOTIFYs through PostgreSQL's single notification queue, ≈ 40 items per 7.9 KB
 * payload). RabbitMQ carried 35–40k items/s in the same runs (28k loaded, with 4 subscribers).
 * So configure RabbitMQ when the replicas' live items pass about 5,000/s sustained (the last
 * rate NOTIFY kept up with in every run), or when alerts over 8000 bytes must travel whole
 * (NOTIFY sends those by id).
 */
export function liveBusChoice(
  config: Pick<ApiConfig, 'LIVE_BUS' | 'LIVE_BUS_AMQP_URLS' | 'AMQP_URLS'>,
  db: { embedded: boolean; url: string },
): LiveOperationsDeps['bus'] {
  // The collectors' RabbitMQ cluster carries the bus too unless another one is named.
  const amqp = config.LIVE_BUS_AMQP_URLS ?? config.AMQP_URLS;
  switch (config.LIVE_BUS) {
    case 'amqp':
      if (!amqp)
        throw new ConfigError(['LIVE_BUS_AMQP_URLS: required when LIVE_BUS=amqp (or AMQP_URLS)']);
      return { kind: 'amqp', urls: amqp };
    case 'pg-notify':
      if (db.embedded)
        throw new ConfigError(['LIVE_BUS: pg-notify needs DATABASE_URL (PostgreSQL)']);
      return { kind: 'pg-notify', url: db.url };
    case 'auto':
      if (db.embedded) return { kind: 'local' };
      return amqp ? { kind: 'amqp', urls: amqp } : { kind: 'pg-notify', url: db.url };
  }
}
