import type { FastifyReply } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '@ioc/contracts';
import { sha256Hex } from '@ioc/auth';
import type { CitizenRefusals } from './citizen-refusals';

export interface CitizenLimitSettings {
  submitPerMinute: number;
  submitPerDay: number;
  appPerMinute: number;
  readPerMinute: number;
}

/** What a request is counted against: a client address or an app key's id. */
export type LimitKind = 'submit' | 'read' | 'app';

/**
 * Rate limits of the public citizen-report routes (rate-limiter-flexible, in this process's
 * memory: with several API processes a client gets up to that many times the limits, which the
 * deployment notes say; RateLimiterPostgres is the way to share them if that ever matters).
 * Submissions: per client address per minute and per day; app keys: per app per minute;
 * public reads: per client address per minute. Each client has its own counters, so one client
 * over its limit never slows another.
 */
export class CitizenLimits {
  private readonly limiters: Record<LimitKind, RateLimiterMemory[]>;

  constructor(
    settings: CitizenLimitSettings,
    private readonly refusals: CitizenRefusals,
  ) {
    const perMinute = (points: number, keyPrefix: string) =>
      new RateLimiterMemory({ points, duration: 60, keyPrefix });
    this.limiters = {
      submit: [
        perMinute(settings.submitPerMinute, 'submit-min'),
        new RateLimiterMemory({
          points: settings.submitPerDay,
          duration: 86_400,
          keyPrefix: 'submit-day',
        }),
      ],
      app: [perMinute(settings.appPerMinute, 'app-min')],
      read: [perMinute(settings.readPerMinute, 'read-min')],
    };
  }

  /**
   * Takes one request from the client's allowance, or refuses it: 429 `RATE_LIMITED` with
   * Retry-After, counted and dead-lettered. `client` is an address or `app:<id>`; only a hash of
   * it is kept in memory and in the dead letter.
   */
  async take(kind: LimitKind, client: string, reply: FastifyReply, source: string): Promise<void> {
    const key = sha256Hex(client).slice(0, 32);
    for (const limiter of this.limiters[kind]) {
      try {
        await limiter.consume(key);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        const wait = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
        this.refusals.record(
          'citizen_rate_limited',
          source,
          `${kind} limit of ${String(limiter.points)} per ${String(limiter.duration)} s reached by client ${key.slice(0, 12)}`,
        );
        void reply.header('retry-after', String(wait));
        throw new DomainError(
          'rate_limited',
          'RATE_LIMITED',
          `Bạn đã gửi quá nhiều yêu cầu, vui lòng thử lại sau ${String(wait)} giây (Too many requests: retry in ${String(wait)} s)`,
          { issues: [{ path: '', message: `retry after ${String(wait)} s` }] },
        );
      }
    }
  }
}
