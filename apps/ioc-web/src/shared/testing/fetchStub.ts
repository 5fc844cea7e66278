import { vi } from 'vitest';

export interface StubbedCall {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

type Answer = { status?: number; body?: unknown; headers?: Record<string, string> };
type Route = (call: StubbedCall) => Answer | Promise<Answer> | undefined;

/**
 * Replaces `fetch` (the web app's one boundary to the API) for a render test: each request is
 * recorded and answered by the first route that returns an answer; anything else is a 404.
 * Restore with `vi.unstubAllGlobals()`.
 */
export function stubFetch(...routes: Route[]) {
  const calls: StubbedCall[] = [];
  vi.stubGlobal('fetch', async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const raw = init.body;
    const call: StubbedCall = {
      method: init.method ?? 'GET',
      url,
      body: typeof raw === 'string' ? (JSON.parse(raw) as unknown) : (raw ?? null),
      headers: Object.fromEntries(new Headers(init.headers).entries()),
    };
    calls.push(call);
    let answer: Answer | undefined;
    for (const route of routes) {
      answer = await route(call);
      if (answer) break;
    }
    const a = answer ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: url } } };
    return new Response(a.body === undefined ? null : JSON.stringify(a.body), {
      status: a.status ?? 200,
      headers: { 'content-type': 'application/json', ...a.headers },
    });
  });
  return calls;
}

/** A route answering `method path` (path without the query) with `answer`. */
export function on(
  method: string,
  path: string,
  answer: Answer | ((c: StubbedCall) => Answer),
): Route {
  return (c) =>
    c.method === method && c.url.split('?')[0] === path
      ? typeof answer === 'function'
        ? answer(c)
        : answer
      : undefined;
}
