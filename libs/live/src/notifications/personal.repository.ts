import type { Queryable } from '@ioc/db';
import type { Severity } from '../alerts/severity';
import { DEFAULT_PREFERENCES, type NotificationPreferences } from './personal-policy';
import type { PushTarget } from './push';

interface PrefRow {
  email: boolean;
  push: boolean;
  sms: boolean;
  min_severity: Severity;
  quiet_start: number | null;
  quiet_end: number | null;
}

export interface StoredSubscription extends PushTarget {
  id: number;
  userAgent: string | null;
  createdAt: Date;
}

interface SubRow {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: string | null;
  created_at: Date;
}

/** notification_preference and push_subscription: a person's own notification settings. */
export class PersonalNotificationRepository {
  constructor(private readonly db: Queryable) {}

  async preferences(userId: string): Promise<NotificationPreferences> {
    const { rows } = await this.db.query<PrefRow>(
      'SELECT email, push, sms, min_severity, quiet_start, quiet_end FROM notification_preference WHERE user_id = $1',
      [userId],
    );
    const r = rows[0];
    if (!r) return DEFAULT_PREFERENCES;
    return {
      email: r.email,
      push: r.push,
      sms: r.sms,
      minSeverity: r.min_severity,
      quietHours:
        r.quiet_start !== null && r.quiet_end !== null
          ? { start: r.quiet_start, end: r.quiet_end }
          : null,
    };
  }

  async savePreferences(userId: string, p: NotificationPreferences): Promise<void> {
    await this.db.query(
      `INSERT INTO notification_preference (user_id, email, push, min_severity, quiet_start, quiet_end, sms)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id) DO UPDATE SET email = $2, push = $3, min_severity = $4,
         quiet_start = $5, quiet_end = $6, sms = $7, updated_at = now()`,
      [
        userId,
        p.email,
        p.push,
        p.minSeverity,
        p.quietHours?.start ?? null,
        p.quietHours?.end ?? null,
        p.sms,
      ],
    );
  }

  async subscriptions(userId: string): Promise<StoredSubscription[]> {
    const { rows } = await this.db.query<SubRow>(
      `SELECT id, endpoint, p256dh, auth, user_agent, created_at FROM push_subscription
       WHERE user_id = $1 ORDER BY id`,
      [userId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      endpoint: r.endpoint,
      p256dh: r.p256dh,
      auth: r.auth,
      userAgent: r.user_agent,
      createdAt: r.created_at,
    }));
  }

  /**
   * Saves a subscription for the user. An endpoint is one browser install: subscribing it again
   * (new keys, or another person signing in on the same tablet) moves it to this user.
   */
  async subscribe(userId: string, s: PushTarget, userAgent: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO push_subscription (user_id, endpoint, p256dh, auth, user_agent)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (endpoint) DO UPDATE SET user_id = $1, p256dh = $3, auth = $4,
         user_agent = $5, created_at = now()`,
      [userId, s.endpoint, s.p256dh, s.auth, userAgent],
    );
  }

  /** Removes the user's own subscription of that endpoint; false when they have none. */
  async unsubscribe(userId: string, endpoint: string): Promise<boolean> {
    const r = await this.db.query(
      'DELETE FROM push_subscription WHERE user_id = $1 AND endpoint = $2',
      [userId, endpoint],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async subscription(endpoint: string): Promise<PushTarget | null> {
    const { rows } = await this.db.query<PushTarget>(
      'SELECT endpoint, p256dh, auth FROM push_subscription WHERE endpoint = $1',
      [endpoint],
    );
    return rows[0] ?? null;
  }

  /** The push service said the subscription is gone (404/410): nobody can use it again. */
  async forget(endpoint: string): Promise<void> {
    await this.db.query('DELETE FROM push_subscription WHERE endpoint = $1', [endpoint]);
  }

  /** Whether an alert is still open, acknowledged or in progress (a held message is worth sending). */
  async alertActive(alertId: string): Promise<boolean> {
    const { rows } = await this.db.query<{ active: boolean }>(
      "SELECT status NOT IN ('resolved', 'closed') AS active FROM alert WHERE id = $1",
      [alertId],
    );
    return rows[0]?.active ?? false;
  }
}
