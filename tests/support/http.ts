export interface ApiAnswer {
  status: number;
  /** Parsed JSON, or null for an empty body (204). */
  body: unknown;
  /** The body as sent, for checks on what an answer must never contain. */
  text: string;
}

/**
 * A JSON call against a running platform with an optional bearer token, for suites that check
 * status codes and bodies side by side.
 */
export async function callApi(
  baseUrl: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, text };
}
