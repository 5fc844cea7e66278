export interface BackoffOptions {
  /** Delay before the first retry, ms. */
  baseMs: number;
  /** Upper bound, ms: a wall should be back within ~10 s of the server returning. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 10_000 };

/**
 * Exponential backoff with jitter between 50 % and 100 % of the step, so a room full of walls
 * does not reconnect in lock-step after an API restart (thundering herd).
 * `attempt` counts failures since the last good connection, starting at 0.
 */
export function backoffDelay(
  attempt: number,
  opts: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const step = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(step * (0.5 + random() * 0.5));
}
