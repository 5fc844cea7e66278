interface Bucket {
  tokens: number;
  at: number;
}

export interface BucketOptions {
  /** Sustained requests per second. */
  ratePerSecond: number;
  /** Requests allowed at once after a quiet period. */
  burst: number;
  /** Most keys tracked; the least recently used is forgotten first (bounds memory under a flood of keys). */
  maxKeys?: number;
  now?: () => number;
}

/**
 * Per-key token buckets, in memory (a per-replica limit: its purpose is to stop one credential
 * from monopolising a replica, not an exact global quota).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(private readonly options: BucketOptions) {
    this.maxKeys = options.maxKeys ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  /** Takes one token; returns 0 when allowed, else the seconds until a token is available. */
  take(key: string): number {
    const now = this.now();
    const { ratePerSecond, burst } = this.options;
    let b = this.buckets.get(key);
    if (b) {
      this.buckets.delete(key); // re-inserted below: Map order doubles as LRU order
      b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * ratePerSecond);
      b.at = now;
    } else {
      b = { tokens: burst, at: now };
      if (this.buckets.size >= this.maxKeys) {
        const oldest = this.buckets.keys().next();
        if (!oldest.done) this.buckets.delete(oldest.value);
      }
    }
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / ratePerSecond));
  }

  get size(): number {
    return this.buckets.size;
  }
}
