import Mustache from 'mustache';
import type { ApiConfig } from '@ioc/config';
import { postJson, type SmsSender } from '@ioc/live';

/** A value placed inside a JSON string of the template: quotes, backslashes, newlines escaped. */
function jsonEscape(value: unknown): string {
  return JSON.stringify(String(value)).slice(1, -1);
}

/**
 * The SMS/Zalo gateway an administrator configures: SMS_GATEWAY_URL and a JSON body template
 * (mustache) over the alert's fields and the phone — `{"to":"{{phone}}","text":"{{text}}"}` by
 * default, or a Zalo ZNS body with `{{alertId}}`, `{{what}}`, `{{link}}`…. Values are escaped
 * for JSON strings, not HTML. Undefined without a URL.
 */
export function smsGateway(
  config: Pick<ApiConfig, 'SMS_GATEWAY_URL' | 'SMS_GATEWAY_TEMPLATE'>,
): SmsSender | undefined {
  const url = config.SMS_GATEWAY_URL;
  if (url === undefined) return undefined;
  const template = config.SMS_GATEWAY_TEMPLATE;
  return {
    async send(phone, fields) {
      let body: unknown;
      try {
        body = JSON.parse(
          Mustache.render(template, { ...fields, phone }, {}, { escape: jsonEscape }),
        );
      } catch (err) {
        return { ok: false, error: `template: ${(err as Error).message}`.slice(0, 500) };
      }
      return postJson(url, body, { 'x-ioc-event': 'alert.assigned' }, 10_000);
    },
  };
}
