import { describe, expect, it } from 'vitest';
import { parseServerMessage } from './serverMessage';

describe('parseServerMessage', () => {
  it('parses readings and drops malformed deltas and non-numeric values', () => {
    const msg = parseServerMessage(
      JSON.stringify({
        type: 'readings',
        channel: 'unit:48',
        asOf: '2026-03-01T00:00:01Z',
        deltas: [
          {
            deviceId: 'a',
            unitCode: '20242',
            time: '2026-03-01T00:00:00Z',
            values: { pm25: 41.2 },
          },
          { deviceId: 'b', time: '2026-03-01T00:00:00Z', values: { pm25: 'high', pm10: 3 } },
          { deviceId: 'c', time: '2026-03-01T00:00:00Z', values: { pm25: null } },
          { time: '2026-03-01T00:00:00Z', values: { pm25: 1 } },
          'junk',
        ],
      }),
    );
    expect(msg).toEqual({
      type: 'readings',
      channel: 'unit:48',
      asOf: '2026-03-01T00:00:01Z',
      deltas: [
        { deviceId: 'a', unitCode: '20242', time: '2026-03-01T00:00:00Z', values: { pm25: 41.2 } },
        { deviceId: 'b', unitCode: null, time: '2026-03-01T00:00:00Z', values: { pm10: 3 } },
      ],
    });
  });

  it('parses control messages and ignores garbage', () => {
    expect(parseServerMessage('{"type":"subscribed","channels":["unit:48"]}')).toEqual({
      type: 'subscribed',
      channels: ['unit:48'],
    });
    expect(parseServerMessage('{"type":"pong"}')).toEqual({ type: 'pong' });
    expect(parseServerMessage('not json')).toBeNull();
    expect(parseServerMessage('[1,2]')).toBeNull();
    expect(parseServerMessage('{"type":"mystery"}')).toBeNull();
  });
});
