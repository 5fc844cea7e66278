import { describe, expect, it } from 'vitest';
import { parsePeriod, periodDueAt, periodsBetween, vnDay } from './period';

describe('parsePeriod', () => {
  it.each([
    ['2026-03', '2026-03', '2026-03-01', '2026-03-31'],
    ['2026-Q1', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026', '2026', '2026-01-01', '2026-12-31'],
    ['03/2026', '2026-03', '2026-03-01', '2026-03-31'],
    ['Tháng 2/2024', '2024-02', '2024-02-01', '2024-02-29'],
    ['T12/2025', '2025-12', '2025-12-01', '2025-12-31'],
    ['Quý IV/2025', '2025-Q4', '2025-10-01', '2025-12-31'],
    ['q2-2026', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['Năm 2025', '2025', '2025-01-01', '2025-12-31'],
  ])('%s → %s', (input, code, start, end) => {
    expect(parsePeriod(input)).toMatchObject({ code, start, end });
  });

  it.each(['2026-13', '2026-Q5', '01/03/2026', 'March', '', '26-03'])('refuses %j', (input) => {
    expect(parsePeriod(input)).toBeNull();
  });
});

describe('due dates and calendar', () => {
  it('is due at the end of day N of the next month, Vietnam time', () => {
    const p = parsePeriod('2026-03');
    expect(p).not.toBeNull();
    // 10/04/2026 24:00 ICT = 10/04/2026 17:00 UTC
    expect(periodDueAt(p!, 10).toISOString()).toBe('2026-04-10T17:00:00.000Z');
    expect(periodDueAt(parsePeriod('2025-Q4')!, 15).toISOString()).toBe('2026-01-15T17:00:00.000Z');
    expect(periodDueAt(parsePeriod('2025')!, 31 - 3).toISOString()).toBe(
      '2026-01-28T17:00:00.000Z',
    );
  });

  it('uses the Vietnamese calendar day', () => {
    expect(vnDay(new Date('2026-03-31T18:00:00Z'))).toBe('2026-04-01');
  });

  it('lists periods of a window', () => {
    expect(periodsBetween('quarter', '2025-11-05', '2026-04-01').map((p) => p.code)).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
  });
});
