import type { AlertView } from '../alerts/alert-view';
import { pushMessage } from './push';
import type { DeliveryResult } from './webhook';

/** The alert's fields a gateway body template may use ({{text}}, {{phone}}, {{alertId}}, …). */
export interface SmsFields {
  text: string;
  alertId: string;
  severity: AlertView['severity'];
  what: string;
  unitCode: string;
  deviceId: string;
  value: string;
  link: string;
}

/**
 * Sends one text to a phone through the SMS/Zalo gateway the administrator configured (the
 * composition renders its body template); a failure is returned, never thrown.
 */
export interface SmsSender {
  send(phone: string, fields: SmsFields): Promise<DeliveryResult>;
}

/** A short Vietnamese text (one SMS segment where it fits) and the fields it is made of. */
export function smsFields(alert: AlertView, link: string): SmsFields {
  const m = pushMessage(alert);
  return {
    text: `[IOC] ${m.title}. ${m.body}. ${link}`.slice(0, 480),
    alertId: alert.id,
    severity: alert.severity,
    what: alert.message || alert.ruleName || alert.id,
    unitCode: alert.unitCode ?? '',
    deviceId: alert.deviceId ?? '',
    value: alert.value !== null ? String(alert.value) : '',
    link,
  };
}
