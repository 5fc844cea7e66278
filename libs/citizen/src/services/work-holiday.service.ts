import {
  DomainError,
  type AuditSink,
  type WorkHolidayPutBody,
  type WorkHolidayView,
} from '@ioc/contracts';
import { inTransaction, type Queryable } from '@ioc/db';
import { WorkCalendar } from '../calendar/work-calendar';
import type { CitizenActor } from '../ports';
import { HolidayRepository } from '../repo/holiday.repository';

/**
 * The public holidays of the working-day calendar, per year (admin API and CLI). The yearly
 * notice of the Ministry of Home Affairs may move days; admins edit them here. Deadlines already
 * set are not recomputed: a case keeps the deadline it was given.
 */
export class WorkHolidayService<A extends CitizenActor> {
  private readonly repo: HolidayRepository;

  constructor(
    private readonly db: Queryable,
    private readonly audit: AuditSink<A>,
  ) {
    this.repo = new HolidayRepository(db);
  }

  async list(year: number): Promise<{ year: number; items: WorkHolidayView[] }> {
    return { year, items: await this.repo.ofYear(year) };
  }

  async put(day: string, body: WorkHolidayPutBody, actor: A): Promise<WorkHolidayView> {
    const stored = await this.repo.put({ day, nameVi: body.nameVi, nameEn: body.nameEn });
    await this.audit.record(actor, {
      action: 'citizen.holiday.put',
      targetKind: 'work_holiday',
      targetId: day,
      detail: { ...body },
    });
    return stored;
  }

  async remove(day: string, actor: A): Promise<void> {
    if (!(await this.repo.remove(day))) {
      throw new DomainError('not_found', 'HOLIDAY_NOT_FOUND', `Không có ngày nghỉ ${day}`);
    }
    await this.audit.record(actor, {
      action: 'citizen.holiday.delete',
      targetKind: 'work_holiday',
      targetId: day,
    });
  }

  /** Replaces a whole year's list (the CLI loads a year from a file); every day in that year. */
  async replaceYear(year: number, items: readonly WorkHolidayView[], actor: A): Promise<number> {
    const outside = items.find((h) => !h.day.startsWith(`${year}-`));
    if (outside) {
      throw new DomainError('invalid', 'HOLIDAY_YEAR', `${outside.day} không thuộc năm ${year}`);
    }
    await inTransaction(this.db, async (tx) => {
      const repo = new HolidayRepository(tx);
      await repo.clearYear(year);
      for (const h of items) await repo.put(h);
    });
    await this.audit.record(actor, {
      action: 'citizen.holiday.replace_year',
      targetKind: 'work_holiday',
      targetId: String(year),
      detail: { days: items.map((h) => h.day) },
    });
    return items.length;
  }

  /** The calendar as stored now (a few dozen rows a year: read at each use, never stale). */
  async calendar(): Promise<WorkCalendar> {
    return new WorkCalendar(await this.repo.allDays());
  }
}
