import { describe, expect, it } from 'vitest';
import { isStale, STALE_AFTER_MS } from './staleness';

const base = { now: 1_000_000, startedAt: 0, hasConnected: true } as const;

describe('isStale', () => {
  it('is fresh with an open socket and recent data', () => {
    expect(isStale({ ...base, phase: 'open', lastDataAt: base.now - 1000 })).toBe(false);
  });

  it('turns stale after two minutes without data', () => {
    expect(isStale({ ...base, phase: 'open', lastDataAt: base.now - STALE_AFTER_MS - 1 })).toBe(
      true,
    );
  });

  it('is stale at once when the socket is lost or reconnecting', () => {
    expect(isStale({ ...base, phase: 'closed', lastDataAt: base.now })).toBe(true);
    expect(isStale({ ...base, phase: 'connecting', lastDataAt: base.now })).toBe(true);
  });

  it('gives the first connection time before flagging', () => {
    const first = { ...base, hasConnected: false, phase: 'connecting' as const, lastDataAt: null };
    expect(isStale({ ...first, startedAt: base.now - 5000 })).toBe(false);
    expect(isStale({ ...first, startedAt: base.now - STALE_AFTER_MS - 1 })).toBe(true);
  });
});
