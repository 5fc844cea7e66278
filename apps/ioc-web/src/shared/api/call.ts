import type { ApiErrorBody } from '@ioc/contracts';
import { actionToken, setSession } from './session';
import { fieldErrorsOf, type FieldErrors } from './errors';

const REQUEST_TIMEOUT_MS = 15_000;
/** A photo from a tablet over a field connection may take a while. */
const UPLOAD_TIMEOUT_MS = 120_000;

/** An API refusal with what a form needs: the code, field problems and Retry-After. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: FieldErrors,
    /** Seconds from Retry-After (lockouts, backpressure), when the API sent one. */
    readonly retryAfterS: number | null,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

function errorBody(body: unknown): ApiErrorBody['error'] | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const e = body.error;
  if (typeof e !== 'object' || e === null || !('code' in e) || typeof e.code !== 'string')
    return null;
  return {
    code: e.code,
    message: 'message' in e && typeof e.message === 'string' ? e.message : e.code,
    details: 'details' in e ? e.details : undefined,
  };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CallOptions {
  /** JSON-encoded, except a FormData, which is sent as multipart/form-data (file uploads). */
  body?: unknown;
  signal?: AbortSignal;
  /** Defaults to the signed-in session; `null` sends no credential (login, setup). */
  token?: string | null;
}

/**
 * One admin API call with the person's session. Unlike the wall's reads it never uses a display
 * token, and it keeps the error's details (field problems) and Retry-After for the forms.
 */
export async function call(method: Method, path: string, options: CallOptions = {}) {
  const token = options.token === undefined ? actionToken() : options.token;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  // A FormData sets its own multipart Content-Type with the boundary.
  const form = options.body instanceof FormData ? options.body : null;
  if (options.body !== undefined && form === null) headers['Content-Type'] = 'application/json';
  const timeout = AbortSignal.timeout(form === null ? REQUEST_TIMEOUT_MS : UPLOAD_TIMEOUT_MS);
  const res = await fetch(path, {
    method,
    headers,
    body: form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
  });
  const parsed: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401 && token !== null && token === actionToken()) setSession(null);
    const retry = Number(res.headers.get('retry-after'));
    const e = errorBody(parsed);
    throw new AdminApiError(
      res.status,
      e?.code ?? 'http_error',
      e?.message ?? `${path} answered HTTP ${res.status}`,
      fieldErrorsOf(e?.details),
      Number.isFinite(retry) && retry > 0 ? retry : null,
    );
  }
  return parsed;
}

export const enc = encodeURIComponent;
