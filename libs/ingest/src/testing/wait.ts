/** Polls `check` until it holds; fails naming `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * For what must NOT happen there is no event to wait on: watch `happened` for a bounded window
 * and fail as soon as it turns true.
 */
export async function never(
  happened: () => boolean,
  what: string,
  windowMs: number,
): Promise<void> {
  const deadline = Date.now() + windowMs;
  do {
    if (happened()) throw new Error(`${what} within ${windowMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  } while (Date.now() < deadline);
  if (happened()) throw new Error(`${what} within ${windowMs} ms`);
}
