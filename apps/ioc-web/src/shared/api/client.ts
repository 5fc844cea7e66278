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
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  const parsed: unknown = res.status === 204 ? null : await res.json().catch(() => null);
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
