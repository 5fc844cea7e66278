import type { AlertView } from '../alerts/alert-view';
import type { DeliveryResult } from './webhook';

/** A browser's Web Push subscription: its push-service endpoint and its ECDH keys (RFC 8291). */
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** `gone`: the push service answered 404/410 — the subscription no longer exists. */
export interface PushResult extends DeliveryResult {
  gone: boolean;
}

/**
 * Sends one encrypted Web Push message (the composition plugs in `web-push` with the platform's
 * VAPID keys); a failure is returned, never thrown.
 */
export interface PushSender {
  send(target: PushTarget, payload: string): Promise<PushResult>;
}

/** What the tablet's service worker shows; `url` opens the alert on the tablet. */
export interface PushMessage {
  title: string;
  body: string;
  url: string;
  alertId: string;
  severity: AlertView['severity'];
}

const SEVERITY_VI: Record<AlertView['severity'], string> = {
  info: 'Thông tin',
  warning: 'Cảnh báo',
  critical: 'Nghiêm trọng',
  emergency: 'Khẩn cấp',
};

/** Where the tablet shows one alert (the alerts list, scrolled to it). */
export function tabletAlertPath(alert: Pick<AlertView, 'id'>): string {
  return `/tablet#canh-bao-${alert.id}`;
}

/**
 * The notification of an alert handed to a person: short enough for a lock screen, Vietnamese
 * (the tablet's language), naming what, where and the value.
 */
export function pushMessage(alert: AlertView): PushMessage {
  const what = alert.message || alert.ruleName || alert.id;
  const where = [
    alert.unitCode ? `đơn vị ${alert.unitCode}` : null,
    alert.deviceId ? `thiết bị ${alert.deviceId}` : null,
    alert.value !== null ? `giá trị ${String(alert.value)}` : null,
  ].filter((x): x is string => x !== null);
  return {
    title: `${SEVERITY_VI[alert.severity]}: ${what}`.slice(0, 120),
    body: ['Cảnh báo được giao cho bạn.', ...where].join(' · ').slice(0, 300),
    url: tabletAlertPath(alert),
    alertId: alert.id,
    severity: alert.severity,
  };
}
