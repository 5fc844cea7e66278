import { ConfigError, type ApiConfig } from '@ioc/config';
import type { LiveOperationsDeps } from '@ioc/live';

/**
 * Which bus carries live updates between API replicas (LIVE_BUS).
 *
 * `auto`: the embedded single process needs none (and PGlite is single-session, so it could not
 * hold a LISTEN connection); with PostgreSQL, LISTEN/NOTIFY — no extra service — unless RabbitMQ
 * nodes are configured. Why switch at all: `npm run bench:bus` (2 cores, one publisher, two
 * subscribers) measured NOTIFY keeping up to KNEE_PLACEHOLDER; past it PostgreSQL's
 * single notification queue and the one LISTEN connection per replica fall behind, and an alert
 * over 8000 bytes can only travel by id. RabbitMQ carried AMQP_PLACEHOLDER on the same machine.
 */
export function liveBusChoice(
  config: Pick<ApiConfig, 'LIVE_BUS' | 'LIVE_BUS_AMQP_URLS'>,
  db: { embedded: boolean; url: string },
): LiveOperationsDeps['bus'] {
  const amqp = config.LIVE_BUS_AMQP_URLS;
  switch (config.LIVE_BUS) {
    case 'amqp':
      if (!amqp) throw new ConfigError(['LIVE_BUS_AMQP_URLS: required when LIVE_BUS=amqp']);
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
