import { severityRank, type Severity } from '../alerts/severity';
import { inQuietHours, quietHoursEnd, vnMinutes, type QuietHours } from './quiet-hours';

export type PersonalChannel = 'email' | 'push' | 'sms';

/** What a person asked to be told, and how. */
export interface NotificationPreferences {
  email: boolean;
  push: boolean;
  /** SMS/Zalo through the gateway to the account's phone; off unless the person turns it on. */
  sms: boolean;
  /** Alerts below this severity are not sent to the person at all. */
  minSeverity: Severity;
  quietHours: QuietHours | null;
}

/** A person who set nothing hears of everything on every channel, at any hour. */
export const DEFAULT_PREFERENCES: NotificationPreferences = {
  email: true,
  push: true,
  sms: false,
  minSeverity: 'info',
  quietHours: null,
};

/** The severity that breaks through quiet hours: danger to life does not wait for morning. */
export const QUIET_HOURS_BREAKTHROUGH: Severity = 'emergency';

export interface PersonalPlan {
  channels: PersonalChannel[];
  /** When the notifications are due: now, or the end of the quiet hours. */
  dueAt: Date;
  /** True when quiet hours hold them back (dropped if the alert is resolved by then). */
  held: boolean;
}

/**
 * Which of a person's channels to use for an alert of `severity` handed to them at `at`.
 * During quiet hours everything below emergency waits until they end — it is queued, not
 * dropped, so the person reads it in the morning; one resolved in the meantime is dropped then.
 */
export function planPersonal(
  prefs: NotificationPreferences,
  severity: Severity,
  at: Date,
): PersonalPlan {
  const channels: PersonalChannel[] = [];
  if (severityRank(severity) >= severityRank(prefs.minSeverity)) {
    if (prefs.email) channels.push('email');
    if (prefs.push) channels.push('push');
    if (prefs.sms) channels.push('sms');
  }
  const q = prefs.quietHours;
  if (
    channels.length > 0 &&
    q !== null &&
    severity !== QUIET_HOURS_BREAKTHROUGH &&
    inQuietHours(q, vnMinutes(at))
  )
    return { channels, dueAt: quietHoursEnd(q, at), held: true };
  return { channels, dueAt: at, held: false };
}
