import { describe, expect, it } from 'vitest';
import { formatClock, inQuietHours, parseClock, quietHoursEnd, vnMinutes } from './quiet-hours';

const night = { start: 22 * 60, end: 6 * 60 };
const lunch = { start: 11 * 60 + 30, end: 13 * 60 };

describe('quiet hours', () => {
  it('reads and writes 24-hour local clock times', () => {
    expect(parseClock('22:00')).toBe(1320);
    expect(parseClock('06:05')).toBe(365);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('6:00')).toBeNull();
    expect(formatClock(365)).toBe('06:05');
  });

  it('takes local time in Việt Nam, UTC+7, whatever the server zone', () => {
    expect(vnMinutes(new Date('2026-03-01T15:00:00Z'))).toBe(22 * 60);
    expect(vnMinutes(new Date('2026-03-01T23:30:00Z'))).toBe(6 * 60 + 30);
    expect(vnMinutes(new Date('2026-03-01T17:00:00Z'))).toBe(0);
  });

  it('holds a range that crosses midnight on both sides of it', () => {
    expect(inQuietHours(night, 22 * 60)).toBe(true);
    expect(inQuietHours(night, 23 * 60 + 59)).toBe(true);
    expect(inQuietHours(night, 0)).toBe(true);
    expect(inQuietHours(night, 5 * 60 + 59)).toBe(true);
    expect(inQuietHours(night, 6 * 60)).toBe(false);
    expect(inQuietHours(night, 12 * 60)).toBe(false);
    expect(inQuietHours(night, 21 * 60 + 59)).toBe(false);
  });

  it('holds a range within one day, end excluded', () => {
    expect(inQuietHours(lunch, 11 * 60 + 29)).toBe(false);
    expect(inQuietHours(lunch, 11 * 60 + 30)).toBe(true);
    expect(inQuietHours(lunch, 12 * 60 + 59)).toBe(true);
    expect(inQuietHours(lunch, 13 * 60)).toBe(false);
  });

  it('treats start = end as no quiet hours', () => {
    expect(inQuietHours({ start: 600, end: 600 }, 600)).toBe(false);
  });

  it('ends at the next local end time, the next morning after midnight', () => {
    // 23:10 on 1 March local → 06:00 on 2 March local (= 23:00Z on 1 March).
    expect(quietHoursEnd(night, new Date('2026-03-01T16:10:00Z')).toISOString()).toBe(
      '2026-03-01T23:00:00.000Z',
    );
    // 02:00 local on 2 March → 06:00 the same morning.
    expect(quietHoursEnd(night, new Date('2026-03-01T19:00:30Z')).toISOString()).toBe(
      '2026-03-01T23:00:00.000Z',
    );
    expect(quietHoursEnd(lunch, new Date('2026-03-01T05:00:00Z')).toISOString()).toBe(
      '2026-03-01T06:00:00.000Z',
    );
  });
});
