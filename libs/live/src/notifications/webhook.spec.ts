import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookReceiver } from '../testing/webhook-receiver';
import { backoffMs, postJson } from './webhook';

describe('postJson', () => {
  let hook: Awaited<ReturnType<typeof webhookReceiver>>;
  beforeAll(async () => {
    hook = await webhookReceiver();
  });
  afterAll(async () => {
    await hook.close();
  });

  it('delivers JSON with the caller’s headers; any 2xx is delivered', async () => {
    hook.state.statuses = [202];
    expect(
      await postJson(`${hook.base}/hook`, { a: 1 }, { 'x-ioc-event': 'alert.opened' }, 5000),
    ).toEqual({ ok: true, error: null });
    expect(hook.received.at(-1)).toMatchObject({
      path: '/hook',
      headers: { 'content-type': 'application/json', 'x-ioc-event': 'alert.opened' },
      body: { a: 1 },
    });
  });

  it('reports a refusing status as a failure, and never follows a redirect', async () => {
    hook.state.statuses = [503];
    expect(await postJson(`${hook.base}/hook`, {}, {}, 5000)).toEqual({
      ok: false,
      error: 'HTTP 503',
    });
    const before = hook.received.length;
    hook.state.statuses = [302];
    expect(await postJson(`${hook.base}/hook`, {}, {}, 5000)).toEqual({
      ok: false,
      error: 'HTTP 302',
    });
    expect(hook.received.slice(before).map((r) => r.path)).toEqual(['/hook']);
  });

  it('names a refused connection and a receiver that never answers', async () => {
    // A port that was free a moment ago: nothing listens on it.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => {
          resolve(p);
        });
      });
    });
    expect(await postJson(`http://127.0.0.1:${String(port)}/`, {}, {}, 5000)).toEqual({
      ok: false,
      error: 'ECONNREFUSED',
    });
    hook.state.hang = true;
    try {
      expect(await postJson(`${hook.base}/slow`, {}, {}, 50)).toEqual({
        ok: false,
        error: 'timeout after 50 ms',
      });
    } finally {
      hook.state.hang = false;
    }
  });
});

describe('backoffMs', () => {
  it('doubles from the base with each attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, 10_000, 100_000))).toEqual([
      10_000, 20_000, 40_000, 80_000, 100_000, 100_000,
    ]);
    expect(backoffMs(0, 10_000, 100_000)).toBe(10_000);
  });
});
