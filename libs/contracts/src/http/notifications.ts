import { z } from 'zod';
import { ALERT_SEVERITIES } from '../vocabulary';

// Notifications to people (issue 20.2): a signed-in user's own push subscriptions and choices.

const base64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+=*$/, 'base64url');

/** `PushSubscription.toJSON()` as the browser gives it. */
export const pushSubscriptionSchema = z
  .strictObject({
    endpoint: z.url().max(2048).meta({ description: "The push service's URL for this device" }),
    expirationTime: z.number().nullable().optional(),
    keys: z.strictObject({
      p256dh: base64url(80, 100).meta({ description: 'P-256 public key (65 bytes)' }),
      auth: base64url(16, 44).meta({ description: 'Authentication secret (16 bytes)' }),
    }),
  })
  .meta({ id: 'PushSubscription' });

export const pushSubscriptionQuery = z.strictObject({ endpoint: z.url().max(2048) });

export const pushSubscriptionViewSchema = z
  .object({ endpoint: z.string(), createdAt: z.string() })
  .meta({ id: 'PushSubscriptionView' });

export const pushSubscriptionListResponse = z.object({
  items: z.array(pushSubscriptionViewSchema),
});

export const vapidPublicKeySchema = z.object({
  publicKey: z.string().meta({
    description: "The platform's VAPID public key (base64url), the applicationServerKey",
  }),
});

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour local time HH:MM (Asia/Ho_Chi_Minh)');

export const notificationPreferencesSchema = z
  .strictObject({
    email: z.boolean().meta({ description: 'E-mail to the address of the account' }),
    push: z.boolean().meta({ description: 'Web Push to the devices subscribed' }),
    sms: z
      .boolean()
      .default(false)
      .meta({ description: "SMS/Zalo through the gateway to the account's phone" }),
    minSeverity: z
      .enum(ALERT_SEVERITIES)
      .meta({ description: 'Alerts below this severity are not sent' }),
    quietHours: z.strictObject({ start: clock, end: clock }).nullable().meta({
      description:
        'Local times (Asia/Ho_Chi_Minh); a start after the end crosses midnight. Only emergency alerts are sent during them; the rest are sent when they end (dropped if the alert was resolved by then).',
    }),
  })
  .meta({ id: 'NotificationPreferences' });

export type NotificationPreferencesWire = z.infer<typeof notificationPreferencesSchema>;
export type PushSubscriptionWire = z.infer<typeof pushSubscriptionSchema>;
