import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('allows a burst, then the sustained rate, per key', () => {
    let now = 0;
    const b = new TokenBuckets({ ratePerSecond: 2, burst: 3, now: () => now });
    expect([b.take('a'), b.take('a'), b.take('a')]).toEqual([0, 0, 0]);
    expect(b.take('a')).toBe(1);
    expect(b.take('b')).toBe(0);
    now += 500;
    expect(b.take('a')).toBe(0);
    expect(b.take('a')).toBeGreaterThan(0);
  });

  it('forgets the least recently used key beyond its bound', () => {
    const b = new TokenBuckets({ ratePerSecond: 1, burst: 1, maxKeys: 2 });
    b.take('a');
    b.take('b');
    b.take('c');
    expect(b.size).toBe(2);
    expect(b.take('a')).toBe(0); // 'a' was forgotten: a fresh bucket
  });
});
