import { GATEWAY_FILTER, TELEMETRY_FILTER } from '../mqtt/topics';

/**
 * RabbitMQ's MQTT plugin publishes an MQTT message to `amq.topic` with the topic as routing key,
 * `/` and `.` swapped (`ioc/v1/telemetry/aq-1.a` → `ioc.v1.telemetry.aq-1/a`), and binds a
 * subscription's filter the same way with `+` → `*` (`#` stays). These undo and redo that.
 */
function swap(s: string, from: string, to: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === '/') out += '.';
    else if (ch === '.') out += '/';
    else if (ch === from) out += to;
    else out += ch;
  }
  return out;
}

/** The MQTT topic a routing key came from (a message's, or a publish the broker asks about). */
export function routingKeyToTopic(key: string): string {
  return swap(key, '', '');
}

/** The routing key an MQTT topic is published under (the platform's own `v1.1/` messages). */
export function topicToRoutingKey(topic: string): string {
  return swap(topic, '', '');
}

/** The MQTT filter a binding key stands for (a subscription the broker asks about). */
export function bindingKeyToFilter(key: string): string {
  return swap(key, '*', '+');
}

/** The binding key of an MQTT filter. */
export function filterToBindingKey(filter: string): string {
  return swap(filter, '+', '*');
}

/** What the collectors' queue is bound to: every topic devices and gateways publish telemetry on. */
export const TELEMETRY_BINDING_KEYS = [TELEMETRY_FILTER, GATEWAY_FILTER].map(filterToBindingKey);
