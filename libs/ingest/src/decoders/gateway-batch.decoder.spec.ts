import { describe, expect, it } from 'vitest';
import { gatewayBatchDecoder } from './gateway-batch.decoder';

const ctx = { gatewayId: 'gw-hoaxuan', frontedDeviceIds: new Set(['aq-1', 'rain-1']) };

describe('gatewayBatchDecoder', () => {
  it('decodes every fronted device and refuses the others by device id', () => {
    const r = gatewayBatchDecoder.decode(
      {
        'aq-1': [{ ts: 1772326800000, values: { pm25: 41.2 } }],
        'intruder-9': [{ values: { pm25: 999 } }],
        'rain-1': [
          { ts: '2026-03-01T08:00:00+07:00', values: { rainfall: 2.5 } },
          { ts: '2026-03-01T08:05:00+07:00', values: { rainfall: 0.5 } },
        ],
      },
      ctx,
    );
    expect(r.readings.map((x) => [x.deviceId, x.metric, x.value])).toEqual([
      ['aq-1', 'pm25', 41.2],
      ['rain-1', 'rainfall', 2.5],
      ['rain-1', 'rainfall', 0.5],
    ]);
    expect(r.rejects).toEqual([
      expect.objectContaining({ reason: 'not_fronted_by_gateway', deviceId: 'intruder-9' }),
    ]);
  });

  it('accepts a single element in place of an array', () => {
    const r = gatewayBatchDecoder.decode({ 'aq-1': { values: { pm10: 80 } } }, ctx);
    expect(r.readings).toHaveLength(1);
  });

  it('refuses a batch that is not an object keyed by device id', () => {
    const r = gatewayBatchDecoder.decode([{ values: { pm10: 80 } }], ctx);
    expect(r.rejects.map((x) => x.reason)).toEqual(['bad_shape']);
  });

  it('keeps the index of a bad element within its device array', () => {
    const r = gatewayBatchDecoder.decode(
      { 'aq-1': [{ values: { pm25: 1 } }, { values: [] }] },
      ctx,
    );
    expect(r.rejects).toEqual([
      expect.objectContaining({ reason: 'bad_shape', index: 1, deviceId: 'aq-1' }),
    ]);
  });
});
