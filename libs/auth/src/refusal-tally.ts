import type { AuditSink } from '@ioc/contracts';
import type { AuditActor } from './model';

/** Where the tally writes (AuditLog satisfies it). */
export type RefusalAudit = AuditSink<AuditActor>;

export interface RefusalTallyOptions {
  /** Refusals of one address and code within this window share one summary row. */
  windowMs?: number;
  /** Most (address, code) pairs counted per window; the rest are counted under one key. */
  maxKeys?: number;
  now?: () => number;
  onError?: (err: unknown) => void;
}

interface Count {
  ip: string | null;
  code: string;
  first: string;
  routes: Set<string>;
  extra: number;
}

/**
 * Unauthenticated requests (401) in the audit trail without letting a flood of them flood it:
 * the first refusal of an address and code in a window is written at once (`access.unauthenticated`,
 * count 1); the ones after it are counted and written as one row with their count when the window
 * ends. A credential-guessing run is then one or two rows a minute per address, with how many.
 */
export class RefusalTally {
  private counts = new Map<string, Count>();
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly audit: RefusalAudit,
    private readonly options: RefusalTallyOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 60_000;
    this.maxKeys = options.maxKeys ?? 5_000;
    this.timer = setInterval(() => {
      void this.flush();
    }, this.windowMs);
    this.timer.unref();
  }

  note(ip: string | null, code: string, route: string): void {
    let key = `${ip ?? '-'}|${code}`;
    if (!this.counts.has(key) && this.counts.size >= this.maxKeys) key = `*|${code}`;
    const known = this.counts.get(key);
    if (known) {
      known.extra++;
      if (known.routes.size < 10) known.routes.add(route.slice(0, 120));
      return;
    }
    const first = new Date(this.options.now?.() ?? Date.now()).toISOString();
    const ipOf = key.startsWith('*|') ? null : ip;
    this.counts.set(key, {
      ip: ipOf,
      code,
      first,
      routes: new Set([route.slice(0, 120)]),
      extra: 0,
    });
    void this.write(ipOf, code, { count: 1, routes: [route.slice(0, 120)] });
  }

  /** Writes the counted repeats of the window that ends now and starts a new window. */
  async flush(): Promise<void> {
    const ended = this.counts;
    this.counts = new Map();
    const writes: Promise<void>[] = [];
    for (const c of ended.values()) {
      if (c.extra === 0) continue;
      writes.push(
        this.write(c.ip, c.code, { count: c.extra, since: c.first, routes: [...c.routes] }),
      );
    }
    await Promise.all(writes);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private write(ip: string | null, code: string, detail: Record<string, unknown>): Promise<void> {
    return this.audit
      .record(
        { actor: 'anonymous', actorKind: 'user', displayName: 'anonymous', ip },
        { action: 'access.unauthenticated', targetKind: 'http', detail: { code, ...detail } },
      )
      .catch((err: unknown) => {
        this.options.onError?.(err);
      });
  }
}
