import { describe, expect, it } from 'vitest';
import { dayText, periodText, stepsFor } from './steps';

describe('stepsFor', () => {
  it('offers submit to operators while the report is open, returned or re-opened', () => {
    expect(stepsFor('ward_operator', 'open')).toEqual(['submit']);
    expect(stepsFor('ward_operator', 'returned')).toEqual(['submit']);
    expect(stepsFor('ward_leader', 'open')).toEqual([]);
    expect(stepsFor('province_leader', 'open')).toEqual([]);
  });

  it('offers approve and return on a submitted report, re-open on an approved one', () => {
    expect(stepsFor('province_leader', 'submitted')).toEqual(['approve', 'return']);
    expect(stepsFor('admin', 'approved')).toEqual(['reopen']);
    expect(stepsFor('province_operator', 'approved')).toEqual(['reopen']);
  });

  it('offers nothing to a read-only role', () => {
    expect(stepsFor('viewer', 'submitted')).toEqual([]);
  });
});

describe('period and day text', () => {
  it('writes periods and days the Vietnamese way', () => {
    expect(periodText('2026-11')).toBe('11/2026');
    expect(periodText('2026-Q4')).toBe('Q4/2026');
    expect(periodText('2026')).toBe('2026');
    expect(dayText('2026-12-15')).toBe('15/12/2026');
  });
});
