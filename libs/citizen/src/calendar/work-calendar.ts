import { nextDay, vnDay, vnDayEnd, weekday } from './vn-time';

/**
 * The Vietnamese working-day calendar: Monday to Friday, less the public holidays given (the
 * `work_holiday` rows, Tết included). Pure: the holidays are loaded by the caller
 * (WorkHolidayService.calendar()), so deadlines can be computed and tested without a database.
 */
export class WorkCalendar {
  private readonly holidays: ReadonlySet<string>;

  /** `holidays`: days `YYYY-MM-DD`. */
  constructor(holidays: Iterable<string>) {
    this.holidays = new Set(holidays);
  }

  isWorkingDay(day: string): boolean {
    const wd = weekday(day);
    return wd !== 0 && wd !== 6 && !this.holidays.has(day);
  }

  /** The n-th working day after `day` (`day` itself never counts); n ≥ 1. */
  addWorkingDays(day: string, n: number): string {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be ≥ 1: ${n}`);
    let d = day;
    // A year of holidays cannot hold more than a few weeks off: 400 steps per working day
    // asked is a guard against a corrupt calendar, not a limit anyone reaches.
    for (let left = n, guard = n * 400; left > 0; guard--) {
      if (guard === 0) throw new RangeError(`no working day found after ${day}`);
      d = nextDay(d);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /**
   * The deadline of a case received at `receivedAt` with `days` working days: the end of the
   * `days`-th working day after the day of receipt in Vietnam (the receipt day does not count,
   * whatever the hour; a case filed on a Saturday counts from Monday).
   */
  deadline(receivedAt: Date, days: number): Date {
    return vnDayEnd(this.addWorkingDays(vnDay(receivedAt), days));
  }
}
