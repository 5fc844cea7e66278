import { describe, expect, it } from 'vitest';
import { deviceStatus } from './status';

const now = Date.UTC(2026, 2, 1, 12, 0, 0);
const ago = (s: number): number => now - s * 1000;

describe('deviceStatus', () => {
  it('is online up to 1.5 × the interval, late up to 3 ×, offline beyond', () => {
    // interval 300 s: online ≤ 450 s, late ≤ 900 s
    expect(deviceStatus(ago(0), 300, now)).toBe('online');
    expect(deviceStatus(ago(450), 300, now)).toBe('online');
    expect(deviceStatus(ago(451), 300, now)).toBe('late');
    expect(deviceStatus(ago(900), 300, now)).toBe('late');
    expect(deviceStatus(ago(901), 300, now)).toBe('offline');
  });

  it('keeps never-heard devices apart from lost ones, and counts a future last_seen as online', () => {
    expect(deviceStatus(null, 300, now)).toBe('never');
    expect(deviceStatus(now + 60_000, 300, now)).toBe('online');
  });

  it('rejects a non-positive interval', () => {
    expect(() => deviceStatus(now, 0, now)).toThrow(RangeError);
  });
});
