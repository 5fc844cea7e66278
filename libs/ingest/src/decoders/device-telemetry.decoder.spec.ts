import { describe, expect, it } from 'vitest';
import { deviceTelemetryDecoder, looksLikeSenml } from './device-telemetry.decoder';

const ctx = { deviceId: 'aq-1', now: new Date('2026-03-01T01:00:00Z') };

describe('deviceTelemetryDecoder', () => {
  it('tells SenML packs from native payloads by shape', () => {
    expect(looksLikeSenml([{ bn: 'aq-1:', n: 'pm25', v: 1 }])).toBe(true);
    expect(looksLikeSenml([{ ts: 1, values: { pm25: 1 } }])).toBe(false);
    expect(looksLikeSenml({ values: { pm25: 1 } })).toBe(false);
    expect(looksLikeSenml([])).toBe(false);
    expect(looksLikeSenml([7, { n: 'pm25', v: 1 }])).toBe(true);
  });

  it('decodes either format published on the device topic', () => {
    const senml = deviceTelemetryDecoder.decode('[{"n":"temp","u":"K","v":300}]', ctx);
    const native = deviceTelemetryDecoder.decode('[{"values":{"temperature":26.85}}]', ctx);
    expect(senml.readings[0]).toMatchObject({
      deviceId: 'aq-1',
      metric: 'temperature',
      value: 26.85,
    });
    expect(native.readings[0]).toMatchObject({
      deviceId: 'aq-1',
      metric: 'temperature',
      value: 26.85,
    });
  });

  it('still enforces topic ownership for SenML', () => {
    const r = deviceTelemetryDecoder.decode([{ bn: 'other:', n: 'pm25', v: 1 }], ctx);
    expect(r.rejects.map((x) => x.reason)).toEqual(['topic_not_owned']);
  });
});
