import type { FastifyInstance } from 'fastify';
import { Counter, type Registry } from 'prom-client';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiErrorBody } from '@ioc/contracts';
import { clientIp } from '../auth/principal';

/** The public open-data surface: SensorThings and the dataset catalogue (no session needed). */
export const OPEN_DATA_PREFIXES = ['/sta/', '/api/v1/public/open-data/'] as const;

export interface OpenDataLimitSettings {
  perMinute: number;
  /** At most this many in any one second, so a client cannot spend its minute in a burst. */
  burstPerSecond: number;
}

/**
 * Rate limits of the public open-data surface, per client address (the one behind TRUST_PROXY's
 * proxies), in this process's memory (rate-limiter-flexible): no database work, so refusing a
 * flood costs a map lookup and a small JSON answer, and the wall's API is not slowed by it.
 * Every refusal is counted on `ioc_open_data_refusals_total`; a refused read is not
 * dead-lettered (nothing was lost), unlike a refused citizen submission.
 */
export class OpenDataLimits {
  private readonly limiters: readonly RateLimiterMemory[];
  private readonly refusals: Counter<'reason'>;

  constructor(settings: OpenDataLimitSettings, registry: Registry) {
    this.limiters = [
      new RateLimiterMemory({ points: settings.perMinute, duration: 60, keyPrefix: 'od-min' }),
      new RateLimiterMemory({ points: settings.burstPerSecond, duration: 1, keyPrefix: 'od-sec' }),
    ];
    this.refusals = new Counter({
      name: 'ioc_open_data_refusals_total',
      help: 'Requests to the public open-data routes (/sta/, /api/v1/public/open-data/) refused, by reason',
      labelNames: ['reason'],
      registers: [registry],
    });
  }

  /** Takes one request from the client's allowance: null when allowed, else seconds to wait. */
  async take(client: string): Promise<number | null> {
    for (const limiter of this.limiters) {
      try {
        await limiter.consume(client);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        this.refusals.inc({ reason: 'rate_limited' });
        return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      }
    }
    return null;
  }

  /** Refusals counted so far (tests, the status page). */
  async refused(): Promise<number> {
    const metric = await this.refusals.get();
    return metric.values.find((v) => v.labels.reason === 'rate_limited')?.value ?? 0;
  }
}

export function isOpenDataPath(url: string): boolean {
  return OPEN_DATA_PREFIXES.some((p) => url.startsWith(p));
}

/**
 * Installs the limits as a Fastify onRequest hook, so a refused request never reaches routing's
 * guards, controllers or the database: 429 `RATE_LIMITED` with Retry-After, in the API's error
 * shape, in both languages.
 */
export function installOpenDataLimits(fastify: FastifyInstance, limits: OpenDataLimits): void {
  fastify.addHook('onRequest', async (req, reply) => {
    if (!isOpenDataPath(req.url)) return undefined;
    const wait = await limits.take(clientIp(req) ?? 'unknown');
    if (wait === null) return undefined;
    const body: ApiErrorBody = {
      error: {
        code: 'RATE_LIMITED',
        message: `Quá nhiều yêu cầu, vui lòng thử lại sau ${String(wait)} giây (Too many requests: retry in ${String(wait)} s)`,
        details: { issues: [{ path: '', message: `retry after ${String(wait)} s` }] },
      },
    };
    await reply
      .status(429)
      .header('retry-after', String(wait))
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(body);
    return reply;
  });
}
