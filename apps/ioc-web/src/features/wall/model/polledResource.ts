import { backoffDelay, type BackoffOptions } from '../../../shared/live/backoff';

export interface PolledSnapshot<T> {
  /** The last good answer, kept through failures so a panel never goes blank. */
  data: T | null;
  /** The source's own "as of" of `data` (server clock, ISO). */
  asOf: string | null;
  /** Client clock of the last good answer; null before the first. */
  lastOkAt: number | null;
  /** Failed attempts since the last good one. */
  failures: number;
  startedAt: number;
}

export interface PolledOptions<T> {
  load: (signal: AbortSignal) => Promise<T>;
  asOfOf: (data: T) => string | null;
  /** Refresh period after a success. */
  intervalMs: number;
  /** Retry schedule after failures (never slower than `intervalMs`). */
  backoff?: BackoffOptions;
}

export const REST_BACKOFF: BackoffOptions = { baseMs: 1000, capMs: 15_000 };

/**
 * A REST source a wall panel shows: loads at start, refreshes on a period, retries failures
 * with jittered backoff and keeps the last good data (marked stale by `isPolledStale`), and
 * retries at once when the browser reports the network back. Framework-free; React reads it
 * through `subscribe`/`getSnapshot` (hooks/usePolled).
 */
export class PolledResource<T> {
  private snapshot: PolledSnapshot<T>;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private abort: AbortController | null = null;
  private running = false;

  constructor(private readonly opts: PolledOptions<T>) {
    this.snapshot = { data: null, asOf: null, lastOkAt: null, failures: 0, startedAt: Date.now() };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.snapshot = { ...this.snapshot, startedAt: Date.now() };
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    void this.refresh();
  }

  stop(): void {
    this.running = false;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    this.clearTimer();
    this.abort?.abort();
    this.listeners.clear();
  }

  /** Loads now (e.g. after an action changed the data), then resumes the schedule. */
  async refresh(): Promise<void> {
    if (!this.running) return;
    this.clearTimer();
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    try {
      const data = await this.opts.load(abort.signal);
      if (abort.signal.aborted || !this.isRunning()) return;
      this.update({
        data,
        asOf: this.opts.asOfOf(data),
        lastOkAt: Date.now(),
        failures: 0,
      });
      this.schedule(this.opts.intervalMs);
    } catch (err) {
      if (abort.signal.aborted || !this.isRunning()) return;
      console.warn('Panel refresh failed; retrying', err);
      const failures = this.snapshot.failures + 1;
      this.update({ failures });
      const delay = backoffDelay(failures - 1, this.opts.backoff ?? REST_BACKOFF);
      this.schedule(Math.min(delay, this.opts.intervalMs));
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PolledSnapshot<T> => this.snapshot;

  /** A method, not the field, so the check after an await is not narrowed away. */
  private isRunning(): boolean {
    return this.running;
  }

  private readonly onOnline = (): void => {
    if (this.snapshot.failures > 0) void this.refresh();
  };

  private schedule(ms: number): void {
    this.clearTimer();
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private update(patch: Partial<PolledSnapshot<T>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}

/**
 * Late = the last refresh failed, or the last good answer is older than `maxAgeMs` (a hung
 * source, a sleeping tab). Before the first answer, late once `maxAgeMs` passed since start.
 */
export function isPolledStale(
  s: Pick<PolledSnapshot<unknown>, 'failures' | 'lastOkAt' | 'startedAt'>,
  now: number,
  maxAgeMs: number,
): boolean {
  if (s.failures > 0) return true;
  return now - (s.lastOkAt ?? s.startedAt) > maxAgeMs;
}
