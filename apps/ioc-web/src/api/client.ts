import type { ApiErrorBody } from '@ioc/contracts';
import { displayParams } from '../app/urlParams';

const REQUEST_TIMEOUT_MS = 15_000;

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

/**
 * GET a JSON document from the same-origin API. Adds the display token when the page was opened
 * with one, and times out so a hung request cannot freeze the periodic refresh.
 */
export async function apiGet(path: string, signal?: AbortSignal): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const { token } = displayParams();
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const res = await fetch(path, {
    headers,
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (isApiErrorBody(body)) throw new ApiError(res.status, body.error.code, body.error.message);
    throw new ApiError(res.status, 'http_error', `${path} answered HTTP ${res.status}`);
  }
  return body;
}
