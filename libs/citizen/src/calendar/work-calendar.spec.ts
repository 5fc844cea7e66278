import { describe, expect, it } from 'vitest';
import { WorkCalendar } from './work-calendar';

// The 2026 holidays as announced (and seeded by 0050): Tết Bính Ngọ 14–22/2, Giỗ Tổ 26/4
// (Sunday) with Monday 27/4 in lieu, 30/4, 1/5, Quốc khánh 1–2/9.
const HOLIDAYS_2026 = [
  '2026-01-01',
  ...['14', '15', '16', '17', '18', '19', '20', '21', '22'].map((d) => `2026-02-${d}`),
  '2026-04-26',
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
];
const calendar = () => new WorkCalendar(HOLIDAYS_2026);
/** An instant in Vietnam (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('WorkCalendar', () => {
  it('knows weekends and holidays are not working days', () => {
    const c = calendar();
    expect(c.isWorkingDay('2026-02-13')).toBe(true); // Friday before Tết
    expect(c.isWorkingDay('2026-02-14')).toBe(false); // Saturday, Tết
    expect(c.isWorkingDay('2026-02-18')).toBe(false); // Wednesday, Tết
    expect(c.isWorkingDay('2026-02-23')).toBe(true); // Monday after Tết
    expect(c.isWorkingDay('2026-03-07')).toBe(false); // an ordinary Saturday
  });

  it('files on the Friday before Tết: 3 working days end on Wednesday 25/2/2026', () => {
    // Mon 16 – Fri 20 Tết, Sat 21 / Sun 22 → Mon 23 (1), Tue 24 (2), Wed 25 (3).
    expect(calendar().deadline(vn('2026-02-13T09:30:00'), 3).toISOString()).toBe(
      vn('2026-02-25T23:59:59.999').toISOString(),
    );
  });

  it('files on the Friday before Giỗ Tổ: 3 working days end on Monday 4/5/2026', () => {
    // Mon 27/4 in lieu, Tue 28 (1), Wed 29 (2), Thu 30/4 and Fri 1/5 holidays, weekend,
    // Mon 4/5 (3).
    expect(calendar().deadline(vn('2026-04-24T16:45:00'), 3)).toEqual(
      vn('2026-05-04T23:59:59.999'),
    );
  });

  it('files on the Friday before Quốc khánh (28/8/2026): 2 days end on Thursday 3/9', () => {
    // Mon 31/8 (1), Tue 1/9 and Wed 2/9 holidays, Thu 3/9 (2).
    expect(calendar().deadline(vn('2026-08-28T08:00:00'), 2)).toEqual(
      vn('2026-09-03T23:59:59.999'),
    );
  });

  it('does not count the day of receipt, whatever the hour', () => {
    const c = calendar();
    // Tuesday 10/3/2026, one minute after midnight and one minute before it: both → Wed 11/3.
    expect(c.deadline(vn('2026-03-10T00:01:00'), 1)).toEqual(vn('2026-03-11T23:59:59.999'));
    expect(c.deadline(vn('2026-03-10T23:59:00'), 1)).toEqual(vn('2026-03-11T23:59:59.999'));
  });

  it('reads the day of receipt in Vietnam, not in UTC', () => {
    // 2026-03-06T18:00Z is Saturday 7/3 01:00 in Vietnam: counts from Monday 9/3 (1).
    expect(calendar().deadline(new Date('2026-03-06T18:00:00Z'), 1)).toEqual(
      vn('2026-03-09T23:59:59.999'),
    );
  });

  it('counts a Saturday or Sunday filing from Monday', () => {
    const c = calendar();
    // Sat 7/3/2026 and Sun 8/3 with 2 days: Mon 9 (1), Tue 10 (2).
    expect(c.deadline(vn('2026-03-07T10:00:00'), 2)).toEqual(vn('2026-03-10T23:59:59.999'));
    expect(c.deadline(vn('2026-03-08T10:00:00'), 2)).toEqual(vn('2026-03-10T23:59:59.999'));
  });

  it('files during Tết: counts from the first working day after it', () => {
    // Wed 18/2/2026 with 10 days: Mon 23 … Fri 27 (5), Mon 2/3 … Fri 6/3 (10).
    expect(calendar().deadline(vn('2026-02-18T12:00:00'), 10)).toEqual(
      vn('2026-03-06T23:59:59.999'),
    );
  });

  it('without holidays, only weekends are skipped', () => {
    // Friday 13/2/2026 with 3 days and an empty calendar: Mon 16, Tue 17, Wed 18.
    expect(new WorkCalendar([]).deadline(vn('2026-02-13T09:30:00'), 3)).toEqual(
      vn('2026-02-18T23:59:59.999'),
    );
  });

  it('refuses a count below one', () => {
    expect(() => calendar().addWorkingDays('2026-03-10', 0)).toThrow(RangeError);
  });
});
