import {
  DomainError,
  invalidInput,
  notificationPreferencesSchema,
  parseInput,
  pushSubscriptionQuery,
  pushSubscriptionSchema,
  type NotificationPreferencesWire,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { NotificationPreferences } from './personal-policy';
import { PersonalNotificationRepository } from './personal.repository';
import { formatClock, parseClock } from './quiet-hours';

export interface PersonalNotificationOptions {
  /** The VAPID public key browsers subscribe with; null when push is off. */
  vapidPublicKey: string | null;
  /**
   * Accept push endpoints over plain http (a test's local push service). Browsers only ever
   * hand out https endpoints; refusing others keeps a signed-in user from pointing the
   * platform's POSTs at an address inside the network.
   */
  allowHttpEndpoints: boolean;
}

function toWire(p: NotificationPreferences): NotificationPreferencesWire {
  return {
    email: p.email,
    push: p.push,
    sms: p.sms,
    minSeverity: p.minSeverity,
    quietHours: p.quietHours
      ? { start: formatClock(p.quietHours.start), end: formatClock(p.quietHours.end) }
      : null,
  };
}

/** A signed-in person's own notification settings: preferences and push subscriptions. */
export class PersonalNotificationService {
  private readonly repo: PersonalNotificationRepository;

  constructor(
    db: Queryable,
    private readonly options: PersonalNotificationOptions,
  ) {
    this.repo = new PersonalNotificationRepository(db);
  }

  vapidPublicKey(): { publicKey: string } {
    if (this.options.vapidPublicKey === null) throw pushOff();
    return { publicKey: this.options.vapidPublicKey };
  }

  async preferences(userId: string): Promise<NotificationPreferencesWire> {
    return toWire(await this.repo.preferences(userId));
  }

  async setPreferences(userId: string, body: unknown): Promise<NotificationPreferencesWire> {
    const w = parseInput(notificationPreferencesSchema, body);
    const q = w.quietHours;
    const prefs: NotificationPreferences = {
      email: w.email,
      push: w.push,
      sms: w.sms,
      minSeverity: w.minSeverity,
      quietHours: q ? { start: parseClock(q.start) ?? 0, end: parseClock(q.end) ?? 0 } : null,
    };
    await this.repo.savePreferences(userId, prefs);
    return toWire(prefs);
  }

  async subscriptions(
    userId: string,
  ): Promise<{ items: { endpoint: string; createdAt: string }[] }> {
    const subs = await this.repo.subscriptions(userId);
    return {
      items: subs.map((s) => ({ endpoint: s.endpoint, createdAt: s.createdAt.toISOString() })),
    };
  }

  async subscribe(
    userId: string,
    body: unknown,
    userAgent: string | null,
  ): Promise<{ endpoint: string; createdAt: string }> {
    if (this.options.vapidPublicKey === null) throw pushOff();
    const s = parseInput(pushSubscriptionSchema, body);
    if (!this.options.allowHttpEndpoints && !s.endpoint.startsWith('https://'))
      throw invalidInput('INVALID_REQUEST', [
        { path: 'endpoint', message: 'must be an https:// URL' },
      ]);
    await this.repo.subscribe(
      userId,
      { endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth },
      userAgent?.slice(0, 300) ?? null,
    );
    return { endpoint: s.endpoint, createdAt: new Date().toISOString() };
  }

  /** Only the caller's own subscription: another person's endpoint is 404, as an unknown one. */
  async unsubscribe(userId: string, query: unknown): Promise<void> {
    const { endpoint } = parseInput(pushSubscriptionQuery, query, 'QUERY_INVALID');
    if (!(await this.repo.unsubscribe(userId, endpoint)))
      throw new DomainError(
        'not_found',
        'PUSH_SUBSCRIPTION_NOT_FOUND',
        'no such push subscription of yours',
      );
  }
}

function pushOff(): DomainError {
  return new DomainError('unavailable', 'PUSH_UNAVAILABLE', 'Web Push is not configured');
}
