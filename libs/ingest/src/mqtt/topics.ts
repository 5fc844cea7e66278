/** MQTT topic contract v1 (ARCHITECTURE §3). */
export const TELEMETRY_FILTER = 'ioc/v1/telemetry/+';
export const GATEWAY_FILTER = 'ioc/v1/gateway/+/telemetry';

export type ParsedTopic =
  | { kind: 'device'; deviceId: string }
  | { kind: 'gateway'; gatewayId: string }
  | { kind: 'unknown' };

export function parseTopic(topic: string): ParsedTopic {
  const parts = topic.split('/');
  if (
    parts.length === 4 &&
    parts[0] === 'ioc' &&
    parts[1] === 'v1' &&
    parts[2] === 'telemetry' &&
    parts[3]
  ) {
    return { kind: 'device', deviceId: parts[3] };
  }
  if (
    parts.length === 5 &&
    parts[0] === 'ioc' &&
    parts[1] === 'v1' &&
    parts[2] === 'gateway' &&
    parts[3] &&
    parts[4] === 'telemetry'
  ) {
    return { kind: 'gateway', gatewayId: parts[3] };
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
