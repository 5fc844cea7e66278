// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiGet, ApiError } from './client';

/** A fetch whose answer (status and headers) comes after `headersMs`, its body after `bodyMs`. */
function slowFetch(headersMs: number, bodyMs: number, body = '{"ok":true}') {
  vi.stubGlobal('fetch', (_path: string, init: RequestInit = {}) => {
    return new Promise<Response>((resolve, reject) => {
      const signal = init.signal;
      const fail = () => {
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', fail);
      setTimeout(() => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            signal?.addEventListener('abort', () => {
              controller.error(signal.reason);
            });
            setTimeout(() => {
              controller.enqueue(new TextEncoder().encode(body));
              controller.close();
            }, bodyMs);
          },
        });
        signal?.removeEventListener('abort', fail);
        resolve(new Response(stream, { status: 200 }));
      }, headersMs);
    });
  });
}

describe('apiGet', () => {
  beforeEach(() => {
    // Whatever timer the client uses runs on the test's clock (AbortSignal.timeout is not faked).
    vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms: number) => {
      const c = new AbortController();
      setTimeout(() => {
        c.abort(new DOMException('timed out', 'TimeoutError'));
      }, ms);
      return c.signal;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('reads an answer that came in time even when the page gets to its body late', async () => {
    vi.useFakeTimers();
    slowFetch(1_000, 20_000);
    const got = apiGet('/api/v1/units?parent=48');
    await vi.advanceTimersByTimeAsync(21_000);
    await expect(got).resolves.toEqual({ ok: true });
  });

  it('gives up on a server that has not answered within 15 s, as a timeout', async () => {
    vi.useFakeTimers();
    slowFetch(16_000, 0);
    const got = apiGet('/api/v1/units?parent=48');
    const check = expect(got).rejects.toMatchObject({ name: 'TimeoutError' });
    await vi.advanceTimersByTimeAsync(15_500);
    await check;
  });

  it('fails an answer that is not JSON instead of handing on null', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('<html>', { status: 200 })));
    const err = await apiGet('/api/v1/units').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'bad_response', status: 200 });
  });

  it('takes an empty 2xx body (an action that answers nothing) as null', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 201 })));
    await expect(apiGet('/api/v1/alerts/a1/ack')).resolves.toBeNull();
  });

  it('fails a body cut off by the caller, rather than parsing it as null', async () => {
    vi.useFakeTimers();
    slowFetch(10, 5_000);
    const stop = new AbortController();
    const got = apiGet('/api/v1/units', stop.signal);
    const check = expect(got).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(100);
    stop.abort();
    await vi.advanceTimersByTimeAsync(10);
    await check;
  });
});
