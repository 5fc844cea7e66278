/** One HTTP request of a run, with the headers auth adds. */
export interface SourceRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Thrown when the source could not be read even after the retries; the run fails with it. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

export interface SourceClientOptions {
  /** Requests per minute to this source (spaced evenly: a burst would trip the LGSP quota). */
  ratePerMinute: number;
  /** Attempts after the first one. */
  maxRetries: number;
  /** First backoff; doubled per attempt, with up to 25 % jitter. */
  backoffMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  nowMs?: () => number;
  /** Called before each attempt for fresh auth headers (a new nonce per request). */
  authHeaders: (method: string, url: string) => Promise<Record<string, string>>;
  /** A 401 forgets a cached OAuth2 token before the retry. */
  onUnauthorized?: () => void;
}

const sleepReal = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Retry what may pass on its own: network errors, timeouts, 408, 425, 429 and 5xx (and 401 once). */
function retryable(status: number): boolean {
  return status === 401 || status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * Reads a source politely: spaced to its rate limit, retried with exponential backoff (a
 * Retry-After in seconds is honoured when it asks for longer), redirects refused.
 */
export class SourceClient {
  private nextSlot = 0;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly nowMs: () => number;

  constructor(private readonly o: SourceClientOptions) {
    this.sleep = o.sleep ?? sleepReal;
    this.nowMs = o.nowMs ?? Date.now;
  }

  async fetchText(
    req: Omit<SourceRequest, 'headers'> & { headers?: Record<string, string> },
  ): Promise<string> {
    let last = '';
    const attempts = this.o.maxRetries + 1;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await this.waitForSlot();
      let waitMs = (this.o.backoffMs ?? 1_000) * 2 ** (attempt - 1);
      waitMs += Math.floor(Math.random() * waitMs * 0.25);
      try {
        const auth = await this.o.authHeaders(req.method, req.url);
        const res = await fetch(req.url, {
          method: req.method,
          headers: { 'user-agent': 'ioc-platform/1 (+connectors)', ...req.headers, ...auth },
          ...(req.body === undefined ? {} : { body: req.body }),
          redirect: 'manual',
          signal: AbortSignal.timeout(this.o.timeoutMs ?? 30_000),
        });
        const text = await res.text();
        if (res.status >= 200 && res.status < 300) return text;
        last = `HTTP ${String(res.status)}${text ? `: ${text.slice(0, 200)}` : ''}`;
        if (!retryable(res.status)) throw new SourceError(last, attempt);
        if (res.status === 401) this.o.onUnauthorized?.();
        const after = Number(res.headers.get('retry-after'));
        if (Number.isFinite(after) && after > 0) waitMs = Math.max(waitMs, after * 1000);
      } catch (err) {
        if (err instanceof SourceError) throw err;
        const e = err as Error & { cause?: { code?: string } };
        last = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message);
      }
      if (attempt < attempts) await this.sleep(waitMs);
    }
    throw new SourceError(`${last} (after ${String(attempts)} attempts)`, attempts);
  }

  private async waitForSlot(): Promise<void> {
    const gap = 60_000 / this.o.ratePerMinute;
    const now = this.nowMs();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + gap;
    if (at > now) await this.sleep(at - now);
  }
}
