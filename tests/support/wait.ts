/** Polls `probe` until it returns a value that is not undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`,
  );
}

/**
 * For checks that something does NOT happen: there is no event to wait on, so the only honest
 * check is to watch for a bounded window. Fails as soon as `happened` turns true within
 * `windowMs`, naming `what`; the window is the test's stated patience, not a guess at a delay.
 */
export async function expectNotWithin(
  happened: () => Promise<boolean> | boolean,
  windowMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + windowMs;
  do {
    if (await happened()) throw new Error(`${what} happened within ${windowMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  } while (Date.now() < deadline);
  if (await happened()) throw new Error(`${what} happened within ${windowMs} ms`);
}
