import { Logger } from '@nestjs/common';
import { postJson } from '@ioc/live';

/** A status change told to the resident (libs/citizen's ResidentNotifier port). */
export interface ResidentMessage {
  code: string;
  status: string;
  phone: string | null;
  text: string;
}

export interface ResidentChannels {
  /** Gets `{event:'citizen.status', code, status, text, at}`: never the phone number. */
  webhookUrl?: string | undefined;
  /** An SMS gateway: gets `{to, text}` for cases that left a phone number. */
  smsUrl?: string | undefined;
  clock?: () => Date;
}

const TIMEOUT_MS = 5_000;
const log = new Logger('citizen');

/**
 * The resident notifier: HTTP POSTs to the province's webhook and SMS gateway (the same
 * postJson as alert webhooks). A failure is logged and never blocks the step that caused it;
 * the promise settles once both were tried.
 */
export function residentNotifier(channels: ResidentChannels): {
  notify(message: ResidentMessage): Promise<void>;
} {
  const clock = channels.clock ?? (() => new Date());
  return {
    async notify(m) {
      const sends: Promise<void>[] = [];
      if (channels.webhookUrl) {
        const body = {
          event: 'citizen.status',
          code: m.code,
          status: m.status,
          text: m.text,
          at: clock().toISOString(),
        };
        sends.push(deliver('webhook', channels.webhookUrl, body, m.code));
      }
      if (channels.smsUrl && m.phone) {
        sends.push(deliver('SMS', channels.smsUrl, { to: m.phone, text: m.text }, m.code));
      }
      await Promise.all(sends);
    },
  };
}

async function deliver(what: string, url: string, body: unknown, code: string): Promise<void> {
  const r = await postJson(url, body, {}, TIMEOUT_MS);
  if (!r.ok) log.warn(`citizen ${code}: ${what} notification not delivered: ${r.error ?? '?'}`);
}
