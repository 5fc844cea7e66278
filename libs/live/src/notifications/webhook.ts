/** Outcome of one HTTP delivery. */
export interface DeliveryResult {
  ok: boolean;
  error: string | null;
}

/**
 * POSTs a JSON notification. 2xx is delivered; anything else (status, timeout, refused
 * connection) is a failure with a short reason for notification_attempt.error.
 */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<DeliveryResult> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'ioc-platform/1 (+alerts)',
        ...headers,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    // Drain the body so the connection can be reused.
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, error: null };
    return { ok: false, error: `HTTP ${String(res.status)}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const reason =
      e.name === 'TimeoutError'
        ? `timeout after ${String(timeoutMs)} ms`
        : (e.cause?.code ?? e.message);
    return { ok: false, error: reason.slice(0, 500) };
  }
}

/** Delay before retry n (1-based): base × 2^(n−1), capped. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
