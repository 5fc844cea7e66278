import { Counter, type Registry } from 'prom-client';
import type { DeadLetter } from '@ioc/ingest';

/** Where refusals are kept (libs/ingest's DeadLetterSink: batched, bounded, off the hot path). */
export interface RefusalDeadLetters {
  add(item: DeadLetter): Promise<void>;
}

/** At most this much of a refused request is kept, and never a photo's bytes nor a phone number. */
const EXCERPT_CHARS = 300;

/**
 * Every refused citizen submission (rate limit, photo too large or not an image, outside the
 * province, invalid form) is counted on `ioc_citizen_refusals_total{reason}` and kept in
 * dead_letter with its reason, so an operator can see an abuse wave or a broken app.
 */
export class CitizenRefusals {
  private readonly counter: Counter<'reason'>;

  constructor(
    private readonly deadLetters: RefusalDeadLetters,
    registry: Registry,
  ) {
    this.counter = new Counter({
      name: 'ioc_citizen_refusals_total',
      help: 'Citizen-report requests refused (rate limit, photo, position, form), by reason',
      labelNames: ['reason'],
      registers: [registry],
    });
  }

  /**
   * Counts and dead-letters one refusal. `excerpt` is what may help diagnose it (category,
   * a description's start); the caller leaves out photos and phone numbers.
   */
  record(reason: string, source: string, detail: string, excerpt?: string): void {
    this.counter.inc({ reason });
    void this.deadLetters.add({
      reason,
      source,
      detail,
      ...(excerpt === undefined ? {} : { payload: excerpt.slice(0, EXCERPT_CHARS) }),
    });
  }

  /** Refusals counted so far for a reason (tests and the status page). */
  async count(reason: string): Promise<number> {
    const metric = await this.counter.get();
    return metric.values.find((v) => v.labels.reason === reason)?.value ?? 0;
  }
}
