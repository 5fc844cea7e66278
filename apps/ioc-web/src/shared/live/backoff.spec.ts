import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the base and caps at ~10 s', () => {
    const top = () => 0.999_999; // jitter at its maximum
    const delays = [0, 1, 2, 3, 4, 5, 6, 50].map((n) => backoffDelay(n, undefined, top));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('jitters between half and the full step', () => {
    expect(backoffDelay(3, undefined, () => 0)).toBe(2000);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(10);
      expect(d).toBeGreaterThanOrEqual(5000);
      expect(d).toBeLessThanOrEqual(10_000);
    }
  });
});
