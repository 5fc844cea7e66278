import { describe, expect, it } from 'vitest';
import { nativeJsonDecoder } from './native-json.decoder';

const ctx = { deviceId: 'aq-hn-001' };

describe('nativeJsonDecoder', () => {
  it('decodes epoch-ms and +07:00 timestamps to the same instant', () => {
    const a = nativeJsonDecoder.decode({ ts: 1772326800000, values: { pm25: 41.2 } }, ctx);
    const b = nativeJsonDecoder.decode(
      '{"ts":"2026-03-01T08:00:00+07:00","values":{"pm25":41.2}}',
      ctx,
    );
    expect(a.readings).toEqual([
      {
        deviceId: 'aq-hn-001',
        metric: 'pm25',
        value: 41.2,
        time: new Date('2026-03-01T01:00:00Z'),
      },
    ]);
    expect(b.readings).toEqual(a.readings);
  });

  it('leaves time undefined when ts is missing', () => {
    const r = nativeJsonDecoder.decode({ values: { temperature: 31 } }, ctx);
    expect(r.readings[0]?.time).toBeUndefined();
  });

  it('decodes a store-and-forward batch and rejects only the bad element, with its index', () => {
    const r = nativeJsonDecoder.decode(
      [
        { ts: 1772326800000, values: { pm25: 1 } },
        { ts: '2026-03-01 08:00', values: { pm25: 2 } },
        { ts: 1772326860000, values: { pm25: 3, pm10: 4 } },
        'oops',
      ],
      ctx,
    );
    expect(r.readings.map((x) => x.value)).toEqual([1, 3, 4]);
    expect(r.rejects).toEqual([
      expect.objectContaining({ reason: 'bad_timestamp', index: 1, deviceId: 'aq-hn-001' }),
      expect.objectContaining({ reason: 'bad_shape', index: 3, deviceId: 'aq-hn-001' }),
    ]);
  });

  it('attaches positions from "pos" or top-level lon/lat and refuses impossible ones', () => {
    const r = nativeJsonDecoder.decode(
      [
        { values: { speed_knots: 7 }, pos: { lon: 108.2, lat: 16.05 } },
        { values: { heading: 90 }, lon: 109.1, lat: 12.2 },
        { values: { heading: 91 }, lon: 200, lat: 12.2 },
        { values: { heading: 92 }, lon: 109.1 },
      ],
      { deviceId: 'vessel-1' },
    );
    expect(r.readings.map((x) => x.position)).toEqual([
      { lon: 108.2, lat: 16.05 },
      { lon: 109.1, lat: 12.2 },
    ]);
    expect(r.rejects.map((x) => [x.reason, x.index])).toEqual([
      ['bad_shape', 2],
      ['bad_shape', 3],
    ]);
  });

  it('turns booleans into 1/0 and passes other values on for validation to judge', () => {
    const r = nativeJsonDecoder.decode(
      { values: { wifi_up: true, speaker_up: false, pm25: '12' } },
      ctx,
    );
    expect(r.readings.map((x) => x.value)).toEqual([1, 0, '12']);
  });

  it('does not let payload keys reach Object.prototype', () => {
    const r = nativeJsonDecoder.decode('{"values":{"__proto__":5,"constructor":6}}', ctx);
    expect(r.readings.map((x) => x.metric).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('attributes a malformed body to the authenticated device', () => {
    expect(nativeJsonDecoder.decode('{"values":', ctx).rejects).toEqual([
      expect.objectContaining({ reason: 'malformed_json', deviceId: 'aq-hn-001' }),
    ]);
  });
});
