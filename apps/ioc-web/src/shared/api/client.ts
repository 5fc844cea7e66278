import type { ApiErrorBody } from '@ioc/contracts';
import { actionToken, readToken, setSession } from './session';

const REQUEST_TIMEOUT_MS = 15_000;
/** Files (photos, workbooks) are larger than JSON answers. */
const FILE_TIMEOUT_MS = 60_000;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  return typeof body.error === 'object' && body.error !== null && 'code' in body.error;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request(
  method: Method,
  path: string,
  token: string | null,
  body: unknown,
  signal?: AbortSignal,
): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetchWithDeadline(
    path,
    { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
    signal,
  );
  const parsed = await readBody(res, path);
  if (!res.ok) {
    // An expired or revoked session: forget it so the page offers the sign-in again.
    if (res.status === 401 && token !== null && token === actionToken()) setSession(null);
    if (isApiErrorBody(parsed))
      throw new ApiError(res.status, parsed.error.code, parsed.error.message);
    throw new ApiError(res.status, 'http_error', `${path} answered HTTP ${res.status}`);
  }
  return parsed;
}

/**
 * fetch, given up when the server has not answered (status and headers) within the deadline.
 * Reading the body is not timed: the answer has come, and a page busy drawing its first map can
 * hold its main thread past the deadline before it gets to read it (the wall's panels failed
 * right after start-up so). The caller's `signal` still aborts either step.
 */
async function fetchWithDeadline(
  path: string,
  init: RequestInit,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const deadline = new AbortController();
  const timer = setTimeout(() => {
    deadline.abort(new DOMException(`${path} did not answer in time`, 'TimeoutError'));
  }, REQUEST_TIMEOUT_MS);
  try {
    return await fetch(path, {
      ...init,
      signal: signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal,
    });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The answer's JSON. A refusal's body is read as far as it goes (its status says enough). A 2xx
 * body that is cut off — the request timed out or was aborted while the body streamed, the
 * network dropped — fails as that, so the caller retries a timeout instead of parsing `null` as
 * if the server had answered it (the wall's panels showed a ZodError right after start-up).
 */
async function readBody(res: Response, path: string): Promise<unknown> {
  if (res.status === 204) return null;
  if (!res.ok) return res.json().catch(() => null);
  const text = await res.text();
  // An action that answers nothing (a 201 without a body) is done; there is nothing to parse.
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(
      res.status,
      'bad_response',
      `${path} answered HTTP ${res.status} without JSON`,
    );
  }
}

/**
 * GET a JSON document from the same-origin API with the page's read token (display token or
 * session), timing out so a hung request cannot freeze the periodic refresh.
 */
export function apiGet(path: string, signal?: AbortSignal): Promise<unknown> {
  return request('GET', path, readToken(), undefined, signal);
}

/** A change (POST/PUT/PATCH/DELETE) made with the signed-in person's session. */
export function apiSend(
  method: Exclude<Method, 'GET'>,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<unknown> {
  return request(method, path, actionToken(), body, signal);
}

/**
 * A report a page makes about itself with its read token (a wall screen saying what it shows):
 * not an action of a person, so a display token may send it.
 */
export function apiReport(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  return request('POST', path, readToken(), body, signal);
}

/**
 * GET a file (evidence photo, export) with the page's read token. Files need the bearer header
 * like any other read, so a plain `<img src>` or `<a href>` cannot fetch them; the caller makes
 * an object URL of the blob.
 */
export async function apiGetBlob(path: string, signal?: AbortSignal): Promise<Blob> {
  const token = readToken();
  const headers: Record<string, string> = {};
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const timeout = AbortSignal.timeout(FILE_TIMEOUT_MS);
  const res = await fetch(path, {
    headers,
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  if (!res.ok) {
    const parsed: unknown = await res.json().catch(() => null);
    if (res.status === 401 && token !== null && token === actionToken()) setSession(null);
    if (isApiErrorBody(parsed))
      throw new ApiError(res.status, parsed.error.code, parsed.error.message);
    throw new ApiError(res.status, 'http_error', `${path} answered HTTP ${res.status}`);
  }
  return res.blob();
}
