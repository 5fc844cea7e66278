import { describe, expect, it } from 'vitest';
import { mayPublish, parseTopic, subscriptionFilters } from './topics';

describe('topics', () => {
  it('parses device and gateway topics', () => {
    expect(parseTopic('ioc/v1/telemetry/aq-1')).toEqual({ kind: 'device', deviceId: 'aq-1' });
    expect(parseTopic('ioc/v1/gateway/gw-7/telemetry')).toEqual({
      kind: 'gateway',
      gatewayId: 'gw-7',
    });
    expect(parseTopic('ioc/v1/telemetry/aq-1/extra')).toEqual({ kind: 'unknown' });
    expect(parseTopic('ioc/v2/telemetry/aq-1')).toEqual({ kind: 'unknown' });
  });
  it('lets a client publish only under its own id', () => {
    expect(mayPublish('aq-1', 'ioc/v1/telemetry/aq-1')).toBe(true);
    expect(mayPublish('aq-1', 'ioc/v1/telemetry/aq-2')).toBe(false);
    expect(mayPublish('gw-7', 'ioc/v1/gateway/gw-7/telemetry')).toBe(true);
    expect(mayPublish('gw-7', 'ioc/v1/gateway/gw-8/telemetry')).toBe(false);
    expect(mayPublish('aq-1', 'other')).toBe(false);
  });
  it('prefixes shared subscriptions', () => {
    expect(subscriptionFilters('ioc-ingest')[0]).toBe('$share/ioc-ingest/ioc/v1/telemetry/+');
    expect(subscriptionFilters(undefined)[1]).toBe('ioc/v1/gateway/+/telemetry');
  });
});
