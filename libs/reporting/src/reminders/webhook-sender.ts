import type { Delivery } from './reminder-scheduler';
import type { ReminderMessage } from './messages';

/**
 * Reminder webhooks: POSTs the message's JSON payload (same pattern as libs/live notification
 * webhooks). 2xx is delivered; any other status, a timeout or a refused connection is a failure
 * with a short reason for report_reminder.error. Redirects are not followed.
 */
export class WebhookSender {
  constructor(private readonly timeoutMs = 10_000) {}

  async post(url: string, message: ReminderMessage): Promise<Delivery> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'ioc-platform/1 (+reports)',
        },
        body: JSON.stringify(message.payload),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'manual',
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return { ok: true, error: null };
      return { ok: false, error: `HTTP ${String(res.status)}` };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      const reason =
        e.name === 'TimeoutError'
          ? `timeout after ${String(this.timeoutMs)} ms`
          : (e.cause?.code ?? e.message);
      return { ok: false, error: reason.slice(0, 500) };
    }
  }
}
