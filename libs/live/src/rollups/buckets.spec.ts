import { describe, expect, it } from 'vitest';
import { bucketStart } from './buckets';
import { combine, meanOf } from './aggregate';
import { backoffMs } from '../notifications/webhook';

describe('bucketStart', () => {
  it('aligns minutes and hours in UTC and days at midnight in Việt Nam', () => {
    const t = Date.parse('2026-03-01T16:59:30.500Z'); // 23:59:30 local
    expect(new Date(bucketStart('1m', t)).toISOString()).toBe('2026-03-01T16:59:00.000Z');
    expect(new Date(bucketStart('1h', t)).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(new Date(bucketStart('1d', t)).toISOString()).toBe('2026-02-28T17:00:00.000Z');
    expect(new Date(bucketStart('1d', t + 30_000)).toISOString()).toBe('2026-03-01T17:00:00.000Z');
  });
});

describe('rollup cells', () => {
  it('combine with Σn and Σsum: the mean is not a mean of means', () => {
    const ward1 = { n: 1, sum: 10, min: 10, max: 10 };
    const ward2 = { n: 3, sum: 90, min: 20, max: 40 };
    const province = combine(ward1, ward2);
    expect(province).toEqual({ n: 4, sum: 100, min: 10, max: 40 });
    expect(meanOf(province)).toBe(25);
    expect(meanOf({ n: 0, sum: 0, min: 0, max: 0 })).toBeNull();
  });
});

describe('backoffMs', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000, 5000))).toEqual([1000, 2000, 4000, 5000]);
  });
});
