import { describe, expect, it } from 'vitest';
import { monthRange, statusAt, taskStatus, vnDay, vnDayStart, vnMonth } from './status';

const at = (iso: string) => () => new Date(iso);

describe('task status with an injected clock', () => {
  it('is overdue from the day after the due date, in Vietnam', () => {
    // 2026-03-31 23:30 in Vietnam is still the due day.
    expect(statusAt('in_progress', '2026-03-31', at('2026-03-31T16:30:00Z'))).toBe('in_progress');
    // 00:30 on 1 April in Vietnam, still 31 March in UTC: overdue.
    expect(statusAt('in_progress', '2026-03-31', at('2026-03-31T17:30:00Z'))).toBe('overdue');
    expect(statusAt('not_started', '2026-03-31', at('2026-04-02T00:00:00Z'))).toBe('overdue');
  });

  it('is never overdue when done, cancelled or without a due date', () => {
    expect(taskStatus('done', '2020-01-01', '2026-01-01')).toBe('done');
    expect(taskStatus('cancelled', '2020-01-01', '2026-01-01')).toBe('cancelled');
    expect(taskStatus('not_started', null, '2026-01-01')).toBe('not_started');
  });

  it('reads days and months in Vietnam time', () => {
    expect(vnDay(new Date('2026-11-15T17:00:00Z'))).toBe('2026-11-16');
    expect(vnMonth(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12');
    expect(vnDayStart('2026-11-16').toISOString()).toBe('2026-11-15T17:00:00.000Z');
    expect(monthRange('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
  });
});
