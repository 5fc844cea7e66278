import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  dueDateOf,
  isLate,
  parseReportingPeriod,
  periodContaining,
  reportedPeriodOn,
  vnDay,
} from './periods';

describe('reporting periods', () => {
  it('reads the calendar day in Vietnam (UTC+7), not in UTC', () => {
    expect(vnDay(new Date('2026-11-30T16:59:59Z'))).toBe('2026-11-30');
    expect(vnDay(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
  });

  it('finds the month, quarter and year containing a day', () => {
    expect(periodContaining('monthly', '2028-02-10')).toEqual({
      code: '2028-02',
      kind: 'month',
      start: '2028-02-01',
      end: '2028-02-29',
    });
    expect(periodContaining('quarterly', '2026-11-05')).toMatchObject({
      code: '2026-Q4',
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect(periodContaining('yearly', '2026-06-01')).toMatchObject({
      code: '2026',
      end: '2026-12-31',
    });
  });

  it('reports on a day the period before (across the year boundary too)', () => {
    expect(reportedPeriodOn('monthly', '2026-12-10').code).toBe('2026-11');
    expect(reportedPeriodOn('monthly', '2027-01-16').code).toBe('2026-12');
    expect(reportedPeriodOn('quarterly', '2027-01-05').code).toBe('2026-Q4');
    expect(reportedPeriodOn('yearly', '2027-01-05').code).toBe('2026');
  });

  it('puts the due date on the due day of the month after the period', () => {
    expect(dueDateOf(parseReportingPeriod('2026-11')!, 15)).toBe('2026-12-15');
    expect(dueDateOf(parseReportingPeriod('2026-12')!, 15)).toBe('2027-01-15');
    expect(dueDateOf(parseReportingPeriod('2026-Q1')!, 20)).toBe('2026-04-20');
    expect(dueDateOf(parseReportingPeriod('2026')!, 1)).toBe('2027-01-01');
  });

  it('parses only canonical codes', () => {
    expect(parseReportingPeriod('2026-Q4')?.start).toBe('2026-10-01');
    expect(parseReportingPeriod('2026-13')).toBeNull();
    expect(parseReportingPeriod('11/2026')).toBeNull();
  });

  it('counts days and adds them', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-10', '2026-12-15')).toBe(5);
  });

  it('is late only after the due day and only while still owed', () => {
    expect(isLate('open', '2026-12-15', '2026-12-15')).toBe(false);
    expect(isLate('open', '2026-12-15', '2026-12-16')).toBe(true);
    expect(isLate('returned', '2026-12-15', '2026-12-16')).toBe(true);
    expect(isLate('reopened', '2026-12-15', '2026-12-16')).toBe(true);
    expect(isLate('submitted', '2026-12-15', '2026-12-16')).toBe(false);
    expect(isLate('approved', '2026-12-15', '2027-03-01')).toBe(false);
  });
});
