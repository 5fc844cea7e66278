/** MQTT topic contract v1 (ARCHITECTURE §3). */
export const TELEMETRY_FILTER = 'ioc/v1/telemetry/+';
export const GATEWAY_FILTER = 'ioc/v1/gateway/+/telemetry';

export type ParsedTopic =
  | { kind: 'device'; deviceId: string }
  | { kind: 'gateway'; gatewayId: string }
  | { kind: 'unknown' };

const DEVICE_PREFIX = 'ioc/v1/telemetry/';
const GATEWAY_PREFIX = 'ioc/v1/gateway/';
const GATEWAY_SUFFIX = '/telemetry';

// Runs for every message: prefix checks instead of split('/'), which allocates an array and a
// string per level.
export function parseTopic(topic: string): ParsedTopic {
  if (topic.startsWith(DEVICE_PREFIX)) {
    const id = topic.slice(DEVICE_PREFIX.length);
    return id !== '' && !id.includes('/') ? { kind: 'device', deviceId: id } : { kind: 'unknown' };
  }
  if (topic.startsWith(GATEWAY_PREFIX) && topic.endsWith(GATEWAY_SUFFIX)) {
    const id = topic.slice(GATEWAY_PREFIX.length, topic.length - GATEWAY_SUFFIX.length);
    if (id !== '' && !id.includes('/')) return { kind: 'gateway', gatewayId: id };
  }
  return { kind: 'unknown' };
}

/** The only topics a device or gateway `username` may publish to: its own. */
export function mayPublish(username: string, topic: string): boolean {
  const t = parseTopic(topic);
  if (t.kind === 'device') return t.deviceId === username;
  if (t.kind === 'gateway') return t.gatewayId === username;
  return false;
}

/** With MQTT 5 shared subscriptions, several collectors split one stream, each message once. */
export function subscriptionFilters(sharedGroup: string | undefined): string[] {
  const filters = [TELEMETRY_FILTER, GATEWAY_FILTER];
  return sharedGroup ? filters.map((f) => `$share/${sharedGroup}/${f}`) : filters;
}
