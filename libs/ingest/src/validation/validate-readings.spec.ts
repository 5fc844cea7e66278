import type { DecodedReading } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { metricSpecsFromRows } from './catalogue';
import { DEFAULT_MAX_AGE_MS, validateReadings } from './validate-readings';

const now = new Date('2026-03-01T01:00:00Z');
const catalogue = metricSpecsFromRows([
  { code: 'pm25', uom: 'µg/m³', min_value: 0, max_value: 1000 },
  { code: 'temperature', uom: '°C', min_value: '-20', max_value: '60' },
  { code: 'wifi_up', uom: 'bool', min_value: 0, max_value: 1 },
]);
const at = (iso: string) => new Date(iso);
const r = (over: Partial<DecodedReading>): DecodedReading => ({
  deviceId: 'aq-1',
  metric: 'pm25',
  value: 41.2,
  time: at('2026-03-01T00:59:00Z'),
  ...over,
});

describe('validateReadings', () => {
  it('accepts good readings and fills a missing time with now', () => {
    const out = validateReadings(
      [r({}), r({ metric: 'temperature', value: -5, time: undefined })],
      { catalogue, now },
    );
    expect(out).toEqual({
      accepted: [
        { deviceId: 'aq-1', metric: 'pm25', value: 41.2, time: at('2026-03-01T00:59:00Z') },
        { deviceId: 'aq-1', metric: 'temperature', value: -5, time: now },
      ],
      rejects: [],
      duplicates: 0,
    });
  });

  it('rejects each bad reading with its reason and index, keeping the good ones', () => {
    const out = validateReadings(
      [
        r({ metric: 'lux' }),
        r({ value: '41' }),
        r({ value: Number.NaN }),
        r({ value: 1000.5 }),
        r({ time: new Date(Number.NaN) }),
        r({ time: at('2026-03-01T01:05:01Z') }),
        r({ time: new Date(now.getTime() - DEFAULT_MAX_AGE_MS - 1) }),
        r({ metric: 'temperature', value: 300, uom: 'K' }),
        r({ deviceId: '' }),
        r({ value: 7 }),
      ],
      { catalogue, now },
    );
    expect(out.rejects.map((x) => [x.reason, x.index])).toEqual([
      ['unknown_metric', 0],
      ['not_numeric', 1],
      ['not_numeric', 2],
      ['out_of_range', 3],
      ['bad_timestamp', 4],
      ['future_timestamp', 5],
      ['too_old', 6],
      ['unit_conversion', 7],
      ['unknown_device', 8],
    ]);
    expect(out.rejects[0]?.deviceId).toBe('aq-1');
    expect(out.accepted.map((x) => x.value)).toEqual([7]);
  });

  it('accepts the edges of the range and of the time window', () => {
    const out = validateReadings(
      [
        r({ value: 0 }),
        r({ value: 1000, time: at('2026-03-01T01:05:00Z') }),
        r({ value: 1, time: new Date(now.getTime() - DEFAULT_MAX_AGE_MS) }),
        r({ metric: 'temperature', value: 20, uom: '°C' }),
      ],
      { catalogue, now },
    );
    expect(out.rejects).toEqual([]);
    expect(out.accepted).toHaveLength(4);
  });

  it('honours custom age and future windows', () => {
    const out = validateReadings(
      [r({ time: at('2026-03-01T00:00:00Z') }), r({ time: at('2026-03-01T01:00:02Z') })],
      {
        catalogue,
        now,
        maxAgeMs: 30 * 60_000,
        maxFutureMs: 1000,
      },
    );
    expect(out.rejects.map((x) => x.reason)).toEqual(['too_old', 'future_timestamp']);
  });

  it('collapses duplicates on (device, metric, time) into one, first kept, and counts them', () => {
    const out = validateReadings(
      [
        r({ value: 1 }),
        r({ value: 2 }),
        r({ value: 3, deviceId: 'aq-2' }),
        r({ value: 4, metric: 'temperature' }),
        r({ value: 5, time: at('2026-03-01T00:59:00.001Z') }),
        r({ value: 6 }),
        r({ value: 9999 }),
      ],
      { catalogue, now },
    );
    expect(out.accepted.map((x) => x.value)).toEqual([1, 3, 4, 5]);
    expect(out.duplicates).toBe(2);
    expect(out.rejects.map((x) => x.reason)).toEqual(['out_of_range']);
  });

  it('collapses receipt-time readings of the same metric too (same missing ts → same now)', () => {
    const out = validateReadings([r({ time: undefined }), r({ time: undefined, value: 2 })], {
      catalogue,
      now,
    });
    expect(out.accepted).toHaveLength(1);
    expect(out.duplicates).toBe(1);
  });

  it('keeps valid positions and refuses impossible ones', () => {
    const out = validateReadings(
      [
        r({ position: { lon: 108.2, lat: 16.05 } }),
        r({ value: 2, position: { lon: 181, lat: 0 } }),
      ],
      { catalogue, now },
    );
    expect(out.accepted[0]?.position).toEqual({ lon: 108.2, lat: 16.05 });
    expect(out.rejects.map((x) => x.reason)).toEqual(['bad_shape']);
  });

  it('takes any lookup with get(code), such as a refreshable catalogue object', () => {
    const lookup = {
      get: (code: string) => (code === 'rssi' ? { uom: 'dBm', min: -200, max: 0 } : undefined),
    };
    const out = validateReadings([r({ metric: 'rssi', value: -80 })], { catalogue: lookup, now });
    expect(out.accepted).toHaveLength(1);
  });
});

describe('validateReadings: too old', () => {
  it('refuses an old message once per device, naming its metrics and the setting', () => {
    const old = new Date(now.getTime() - 10 * 86_400_000);
    const out = validateReadings(
      [
        r({ metric: 'pm25', time: old }),
        r({ metric: 'wifi_up', value: 1, time: old }),
        r({ metric: 'temperature', value: 20, time: old }),
        r({ deviceId: 'aq-2', time: old }),
        r({ value: 7 }),
      ],
      { catalogue, now, maxAgeMs: 7 * 86_400_000 },
    );
    expect(out.accepted.map((x) => x.value)).toEqual([7]);
    expect(out.rejects).toEqual([
      {
        reason: 'too_old',
        deviceId: 'aq-1',
        index: 0,
        message: `pm25, wifi_up, temperature at ${old.toISOString()}: older than the accepted age of 7 days (INGEST_MAX_AGE_DAYS)`,
      },
      {
        reason: 'too_old',
        deviceId: 'aq-2',
        index: 3,
        message: `pm25 at ${old.toISOString()}: older than the accepted age of 7 days (INGEST_MAX_AGE_DAYS)`,
      },
    ]);
  });
});
