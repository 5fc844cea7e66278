import type { AlertView } from '../alerts/alert-view';
import { assignmentMail } from './alert-mail';
import type { NewNotification } from './notification.repository';
import { planPersonal, type NotificationPreferences } from './personal-policy';
import { pushMessage, tabletAlertPath } from './push';
import { smsFields } from './sms';

/** Who an alert was handed to, as the recipients port and the person's settings say. */
export interface AssignmentRecipients {
  /** The assignee's name as the mail says it. */
  name: string;
  /** Mailboxes: an office's shared address, or a person's own. */
  emails: string[];
  /** A person: their preferences and the endpoints of their installed apps. */
  person: {
    preferences: NotificationPreferences;
    pushEndpoints: string[];
    phone: string | null;
  } | null;
}

/** The channels this process can deliver (no SMTP server: no e-mail is queued at all). */
export interface AvailableChannels {
  email: boolean;
  push: boolean;
  /** An SMS/Zalo gateway is configured. */
  sms?: boolean;
  /** The web app's public address (PUBLIC_URL): e-mail links are absolute with it. */
  publicUrl?: string | undefined;
}

/**
 * The notifications an assignment queues. An office gets its mailbox at once; a person gets
 * what their preferences allow — the channels they chose, from their minimum severity up, and
 * during their quiet hours everything below emergency is due when the quiet hours end.
 */
export function assignmentNotices(
  alert: AlertView,
  to: AssignmentRecipients,
  available: AvailableChannels,
  now: Date,
): NewNotification[] {
  const plan = to.person
    ? planPersonal(to.person.preferences, alert.severity, now)
    : { channels: ['email'], dueAt: now, held: false };
  const base = { event: 'alert.assigned', at: now.toISOString(), alert, held: plan.held };
  const out: NewNotification[] = [];
  if (available.email && plan.channels.includes('email')) {
    const origin = available.publicUrl?.replace(/\/+$/, '') ?? '';
    const mail = assignmentMail(alert, to.name, `${origin}${tabletAlertPath(alert)}`);
    for (const target of to.emails)
      out.push({
        alertId: alert.id,
        channel: 'email',
        target,
        event: 'alert.assigned',
        payload: { ...base, mail },
        dueAt: plan.dueAt,
      });
  }
  if (available.push && to.person && plan.channels.includes('push')) {
    const push = pushMessage(alert);
    for (const target of to.person.pushEndpoints)
      out.push({
        alertId: alert.id,
        channel: 'push',
        target,
        event: 'alert.assigned',
        payload: { ...base, push },
        dueAt: plan.dueAt,
      });
  }
  const phone = to.person?.phone ?? null;
  if (available.sms === true && phone !== null && plan.channels.includes('sms')) {
    const origin = available.publicUrl?.replace(/\/+$/, '') ?? '';
    out.push({
      alertId: alert.id,
      channel: 'sms',
      target: phone,
      event: 'alert.assigned',
      payload: { ...base, sms: smsFields(alert, `${origin}${tabletAlertPath(alert)}`) },
      dueAt: plan.dueAt,
    });
  }
  return out;
}
