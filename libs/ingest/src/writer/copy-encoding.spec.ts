import { describe, expect, it } from 'vitest';
import { encodeCopyChunk } from './copy-encoding';

describe('encodeCopyChunk', () => {
  it('writes tab-separated rows with NULL units and escapes', () => {
    const out = encodeCopyChunk([
      {
        time: new Date('2026-03-01T00:00:00Z'),
        deviceId: 'a\tb',
        metric: 'pm25',
        value: 41.5,
        unitCode: null,
      },
      {
        time: new Date('2026-03-01T00:01:00Z'),
        deviceId: 'c',
        metric: 'pm10',
        value: -1e-7,
        unitCode: '20314',
      },
    ]);
    expect(out).toBe(
      '2026-03-01T00:00:00.000Z\ta\\tb\tpm25\t41.5\t\\N\n2026-03-01T00:01:00.000Z\tc\tpm10\t-1e-7\t20314\n',
    );
  });
});
