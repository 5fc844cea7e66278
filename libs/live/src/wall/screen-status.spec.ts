import { describe, expect, it } from 'vitest';
import { SCREEN_OFFLINE_AFTER_MS } from '@ioc/contracts';
import { screenOnline } from './screen-status';

describe('screenOnline', () => {
  const seen = new Date('2026-12-07T08:00:00Z');
  const after = (ms: number) => new Date(seen.getTime() + ms);

  it('is online up to the threshold and offline past it', () => {
    expect(screenOnline(seen, after(0))).toBe(true);
    expect(screenOnline(seen, after(SCREEN_OFFLINE_AFTER_MS))).toBe(true);
    expect(screenOnline(seen, after(SCREEN_OFFLINE_AFTER_MS + 1))).toBe(false);
  });

  it('takes the threshold as given', () => {
    expect(screenOnline(seen, after(5_000), 1_000)).toBe(false);
  });

  it('counts a report stamped a little ahead of now (clock skew) as online', () => {
    expect(screenOnline(seen, after(-3_000))).toBe(true);
  });
});
