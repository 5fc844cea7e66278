import type { Queryable } from '@ioc/db';
import type { AlertView } from '../alerts/alert-view';
import type { LiveLogger } from '../common/logger';
import {
  NotificationRepository,
  type NewNotification,
  type NotificationAttempt,
} from './notification.repository';
import type { AlertMailer, MailContent } from './alert-mail';
import { backoffMs, postJson, type DeliveryResult } from './webhook';
import { PersonalNotificationRepository } from './personal.repository';
import type { PushSender } from './push';
import type { SmsFields, SmsSender } from './sms';

export interface NotifierOptions {
  /** How often due retries are looked for (new notifications are also sent at once). */
  tickMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Attempts per notification before it is marked gave_up. */
  maxAttempts: number;
  timeoutMs: number;
  /** A claimed attempt returns to the queue after this long if its sender died. */
  leaseMs: number;
  batch: number;
}

export const DEFAULT_NOTIFIER_OPTIONS: NotifierOptions = {
  tickMs: 1000,
  backoffBaseMs: 10_000,
  backoffMaxMs: 3_600_000,
  maxAttempts: 8,
  timeoutMs: 5000,
  leaseMs: 60_000,
  batch: 20,
};

export type NotificationEvent =
  'alert.opened' | 'alert.reopened' | 'alert.worsened' | 'alert.escalated' | 'alert.assigned';

export interface NotifyRule {
  id: string;
  name: string;
  webhookUrl: string | null;
}

/**
 * The notifications a rule asks for about an alert change: none without a webhook. The caller
 * queues them through a NotificationRepository over the change's own transaction.
 */
export function notificationFor(
  alert: AlertView,
  event: NotificationEvent,
  rule: NotifyRule,
): NewNotification | null {
  if (!rule.webhookUrl) return null;
  return {
    alertId: alert.id,
    channel: 'webhook',
    target: rule.webhookUrl,
    event,
    payload: {
      event,
      at: new Date().toISOString(),
      rule: { id: rule.id, name: rule.name },
      alert,
    },
  };
}

/**
 * Alert notifications. A notification is queued in the same transaction as the alert change
 * that caused it (so it is sent if and only if the change committed), then delivered by this
 * loop with retries and exponential backoff; every attempt is a notification_attempt row.
 *
 * Channels: a JSON webhook per rule; e-mail (one row per mailbox) to the office or person an
 * alert is handed to, sent through the `AlertMailer` the composition plugs in (SMTP); and Web
 * Push (one row per subscribed device of the person) through the `PushSender`. All retry with
 * the same backoff; without a transport a row fails with the reason, visible in the alert's
 * notification history. A push subscription the push service calls gone (404/410) is deleted
 * and its row given up; a row held by quiet hours is dropped, with that reason, if its alert
 * was resolved before it fell due.
 */
export class Notifier {
  private readonly repo: NotificationRepository;
  private readonly personal: PersonalNotificationRepository;
  private options: NotifierOptions;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    db: Queryable,
    private readonly log: LiveLogger,
    options: Partial<NotifierOptions> = {},
    /** When a retry is due is computed from this clock (tests inject theirs). */
    private readonly clock: () => number = Date.now,
    /** The e-mail transport (SMTP); null when the platform has none configured. */
    private readonly mailer: AlertMailer | null = null,
    /** Web Push with the platform's VAPID keys; null when push is off. */
    private readonly push: PushSender | null = null,
    /** The SMS/Zalo gateway (webhook with the administrator's body template); null when off. */
    private readonly sms: SmsSender | null = null,
  ) {
    this.repo = new NotificationRepository(db);
    this.personal = new PersonalNotificationRepository(db);
    this.options = { ...DEFAULT_NOTIFIER_OPTIONS, ...options };
  }

  /** Runtime tuning (drills, tests): backoff and timing. */
  configure(options: Partial<NotifierOptions>): void {
    this.options = { ...this.options, ...options };
    if (this.timer) {
      this.stop();
      this.stopped = false;
      this.start();
    }
  }

  get settings(): Readonly<NotifierOptions> {
    return this.options;
  }

  start(): void {
    this.stopped = false;
    this.timer ??= setInterval(() => {
      this.kick();
    }, this.options.tickMs);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Delivers what is due now (after a commit that queued something, and on every tick). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
  }

  history(alertId: string): Promise<NotificationAttempt[]> {
    return this.repo.forAlert(alertId);
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        const claimed = await this.repo.claimDue(this.options.batch, this.options.leaseMs);
        await Promise.all(claimed.map((c) => this.deliver(c)));
        if (claimed.length === this.options.batch) this.again = true;
      } catch (err) {
        this.log.warn(`notifications: ${(err as Error).message}`);
      }
    } while (this.again && !this.stopped);
  }

  private async deliver(c: NotificationAttempt): Promise<void> {
    const attempt = c.status === 'pending' ? c.attempt : c.attempt + 1;
    const o = this.options;
    const result = await this.send(c, attempt);
    const retryAt =
      !result.ok && !result.final && attempt < o.maxAttempts && this.retried(c.channel)
        ? new Date(this.clock() + backoffMs(attempt, o.backoffBaseMs, o.backoffMaxMs))
        : null;
    if (!result.ok)
      this.log.warn(
        `${c.channel} for alert ${c.alertId} failed (attempt ${String(attempt)}): ${result.error ?? ''}`,
      );
    await this.repo.record(c, { ok: result.ok, error: result.error, retryAt });
    if (retryAt && retryAt.getTime() - this.clock() < o.tickMs) {
      // A retry due before the next tick: look again then rather than waiting a whole tick.
      setTimeout(
        () => {
          this.kick();
        },
        Math.max(0, retryAt.getTime() - this.clock() + 5),
      ).unref();
    }
  }

  private async send(
    c: NotificationAttempt,
    attempt: number,
  ): Promise<DeliveryResult & { final?: boolean }> {
    const payload = c.payload as { held?: boolean; push?: unknown; sms?: SmsFields } | null;
    if (payload?.held === true && !(await this.personal.alertActive(c.alertId)))
      return { ok: false, error: 'dropped: alert resolved during quiet hours', final: true };
    if (c.channel === 'push') return this.sendPush(c.target, payload?.push);
    if (c.channel === 'sms') {
      if (!this.sms) return { ok: false, error: 'channel sms is not supported (no gateway)' };
      if (!payload?.sms) return { ok: false, error: 'sms row without a message', final: true };
      return this.sms.send(c.target, payload.sms);
    }
    return this.sendOther(c, attempt);
  }

  private async sendPush(
    endpoint: string,
    message: unknown,
  ): Promise<DeliveryResult & { final?: boolean }> {
    if (!this.push) return { ok: false, error: 'channel push is not supported (no VAPID keys)' };
    const sub = await this.personal.subscription(endpoint);
    // Unsubscribed (or gone) since the row was queued: nobody to send it to.
    if (!sub) return { ok: false, error: 'subscription removed', final: true };
    const r = await this.push.send(sub, JSON.stringify(message ?? {}));
    if (r.gone) {
      await this.personal.forget(endpoint);
      return { ok: false, error: `${r.error ?? 'gone'}: subscription removed`, final: true };
    }
    return { ok: r.ok, error: r.error };
  }

  private sendOther(c: NotificationAttempt, attempt: number): Promise<DeliveryResult> {
    if (c.channel === 'webhook')
      return postJson(
        c.target,
        c.payload,
        {
          'x-ioc-event': c.event ?? 'alert',
          'x-ioc-delivery': `${c.alertId}:${String(c.id)}`,
          'x-ioc-attempt': String(attempt),
        },
        this.options.timeoutMs,
      );
    if (c.channel === 'email') {
      if (!this.mailer)
        return Promise.resolve({
          ok: false,
          error: 'channel email is not supported (no SMTP_URL)',
        });
      const mail = (c.payload as { mail?: MailContent } | null)?.mail;
      if (!mail) return Promise.resolve({ ok: false, error: 'e-mail row without a message' });
      return this.mailer.send(c.target, mail);
    }
    return Promise.resolve({ ok: false, error: `channel ${c.channel} is not supported` });
  }

  /** Whether a failure is worth retrying: not on a channel this process cannot deliver at all. */
  private retried(channel: string): boolean {
    return (
      channel === 'webhook' ||
      (channel === 'email' && this.mailer !== null) ||
      (channel === 'push' && this.push !== null) ||
      (channel === 'sms' && this.sms !== null)
    );
  }
}
