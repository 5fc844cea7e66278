import { describe, expect, it } from 'vitest';
import { MIN_RENEW_DELAY_MS, renewDelayMs, withToken } from './tokenTiming';

const at = (ms: number) => new Date(ms).toISOString();

describe('renewDelayMs', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');

  it('renews a quarter of the life early for mid-length tokens', () => {
    // 120 s left: lead 30 s.
    expect(renewDelayMs(at(now + 120_000), now)).toBe(90_000);
  });

  it('keeps at least 5 s and at most 60 s of lead', () => {
    expect(renewDelayMs(at(now + 12_000), now)).toBe(7_000);
    expect(renewDelayMs(at(now + 3_600_000), now)).toBe(3_540_000);
  });

  it('never fires sooner than the floor, even for an expired or unreadable time', () => {
    expect(renewDelayMs(at(now - 1_000), now)).toBe(MIN_RENEW_DELAY_MS);
    expect(renewDelayMs('not a time', now)).toBe(MIN_RENEW_DELAY_MS);
  });
});

describe('withToken', () => {
  it('adds the token to a segment URL without one', () => {
    expect(withToken('http://media:8888/cam/seg1.ts', 'abc')).toBe(
      'http://media:8888/cam/seg1.ts?token=abc',
    );
  });

  it('replaces an older token and keeps other parameters', () => {
    expect(withToken('http://media:8888/cam/index.m3u8?a=1&token=old', 'new.t+k')).toBe(
      'http://media:8888/cam/index.m3u8?a=1&token=new.t%2Bk',
    );
  });
});
