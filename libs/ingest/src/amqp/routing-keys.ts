import { GATEWAY_FILTER, TELEMETRY_FILTER } from '../mqtt/topics';

/**
 * RabbitMQ 3.x's MQTT plugin publishes an MQTT message to `amq.topic` with the topic as routing
 * key, each `/` turned into `.` (`ioc/v1/telemetry/aq-1` → `ioc.v1.telemetry.aq-1`), binds a
 * subscription's filter the same way with `+` → `*` (`#` stays), and delivers a routing key to
 * MQTT subscribers with each `.` turned back into `/`. A `.` inside an MQTT topic level does not
 * survive that (3.10: `v1.1/x` is routed as `v1.1.x` and delivered as `v1/1/x`): device ids with
 * a dot cannot publish through RabbitMQ (their topic no longer names them, so they are refused),
 * and SensorThings subscribers see `v1/1/…` topic names (infra/README.md).
 */
function map(s: string, pairs: Readonly<Record<string, string>>): string {
  let out = '';
  for (const ch of s) out += pairs[ch] ?? ch;
  return out;
}

/** The MQTT topic of a routing key (a delivered message, or a publish the broker asks about). */
export function routingKeyToTopic(key: string): string {
  return map(key, { '.': '/' });
}

/** The routing key an MQTT topic is published under (the platform's own `v1.1/` messages). */
export function topicToRoutingKey(topic: string): string {
  return map(topic, { '/': '.' });
}

/** The MQTT filter of a binding key (a subscription the broker asks about). */
export function bindingKeyToFilter(key: string): string {
  return map(key, { '.': '/', '*': '+' });
}

/** The binding key of an MQTT filter. */
export function filterToBindingKey(filter: string): string {
  return map(filter, { '/': '.', '+': '*' });
}

/** What the collectors' queue is bound to: every topic devices and gateways publish telemetry on. */
export const TELEMETRY_BINDING_KEYS = [TELEMETRY_FILTER, GATEWAY_FILTER].map(filterToBindingKey);
