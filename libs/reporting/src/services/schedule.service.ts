import {
  DomainError,
  parseInput,
  reportScheduleCreateBody,
  reportSchedulePatchBody,
  type AuditSink,
  type ReportScheduleView,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { ReportingUnits } from '../ports';
import { ScheduleRepository, type Schedule } from '../repo/schedule.repository';

/** Who reports, how often, by which day, who is reminded: admin API and CLI share this. */
export class ScheduleService<A> {
  private readonly repo: ScheduleRepository;

  constructor(
    db: Queryable,
    private readonly units: ReportingUnits,
    private readonly audit: AuditSink<A>,
  ) {
    this.repo = new ScheduleRepository(db);
  }

  async list(q: { unit?: string | undefined }) {
    const unitCodes =
      q.unit === undefined || q.unit === ''
        ? undefined
        : await this.units.selfAndDescendants(q.unit);
    const items = await this.repo.list(unitCodes === undefined ? {} : { unitCodes });
    return {
      asOf: new Date().toISOString(),
      items: await Promise.all(items.map((s) => this.view(s))),
    };
  }

  /** The unit a schedule belongs to (access checks); undefined when there is none. */
  async unitOf(id: string): Promise<string | undefined> {
    return (await this.repo.get(id))?.unitCode;
  }

  /**
   * Gives every listed unit without a schedule of its own the plan's default: monthly, due by
   * the 15th of the following month, reminders 5 and 1 days before (the ward plans make every
   * unit report monthly before the 15th). A unit that has one, active or switched off, keeps it.
   * Returns how many were added; the addition is audited once.
   */
  async ensureDefaults(unitCodes: readonly string[], actor: A): Promise<number> {
    const added: string[] = [];
    for (const unitCode of unitCodes) {
      const id = await this.repo.insert(parseInput(reportScheduleCreateBody, { unitCode }));
      if (id !== null) added.push(unitCode);
    }
    if (added.length > 0) {
      await this.audit.record(actor, {
        action: 'report_schedule.defaults',
        targetKind: 'report_schedule',
        targetId: null,
        unitCode: null,
        detail: { added: added.length, units: added },
      });
    }
    return added.length;
  }

  async create(body: unknown, actor: A): Promise<ReportScheduleView> {
    const input = parseInput(reportScheduleCreateBody, body, 'REPORT_SCHEDULE_INVALID');
    if ((await this.units.get(input.unitCode)) === null) {
      throw new DomainError('not_found', 'UNIT_NOT_FOUND', `No unit ${input.unitCode}`);
    }
    await this.requireOffice(input.officeId, input.unitCode, 'officeId');
    await this.requireOffice(input.compilerOfficeId, null, 'compilerOfficeId');
    const id = await this.repo.insert(input);
    if (id === null) {
      throw new DomainError(
        'conflict',
        'REPORT_SCHEDULE_EXISTS',
        `${input.unitCode}${input.officeId === null ? '' : ` / ${input.officeId}`} already has a schedule`,
      );
    }
    await this.audit.record(actor, {
      action: 'report_schedule.create',
      targetKind: 'report_schedule',
      targetId: id,
      unitCode: input.unitCode,
      detail: { ...input },
    });
    return this.get(id);
  }

  async patch(id: string, body: unknown, actor: A): Promise<ReportScheduleView> {
    const before = await this.requireSchedule(id);
    const input = parseInput(reportSchedulePatchBody, body, 'REPORT_SCHEDULE_INVALID');
    if (input.compilerOfficeId !== undefined) {
      await this.requireOffice(input.compilerOfficeId, null, 'compilerOfficeId');
    }
    await this.repo.update(id, input);
    await this.audit.record(actor, {
      action: 'report_schedule.update',
      targetKind: 'report_schedule',
      targetId: id,
      unitCode: before.unitCode,
      detail: { ...input },
    });
    return this.get(id);
  }

  async get(id: string): Promise<ReportScheduleView> {
    return this.view(await this.requireSchedule(id));
  }

  private async requireSchedule(id: string): Promise<Schedule> {
    const s = await this.repo.get(id);
    if (s === null)
      throw new DomainError('not_found', 'REPORT_SCHEDULE_NOT_FOUND', `No schedule ${id}`);
    return s;
  }

  /**
   * An office named by a schedule must exist; the reporting office must belong to the schedule's
   * unit (`unitCode`), while the compiling office may sit higher up (a ward reports to the
   * province), hence `null` there.
   */
  private async requireOffice(officeId: string | null, unitCode: string | null, field: string) {
    if (officeId === null) return;
    const office = await this.repo.officeOfUnit(officeId);
    if (office === null || (unitCode !== null && office.unitCode !== unitCode)) {
      const message = unitCode === null ? 'no such office' : `not an office of ${unitCode}`;
      throw new DomainError('invalid', 'OFFICE_INVALID', `${field}: ${officeId}: ${message}`, {
        issues: [{ path: field, message }],
      });
    }
  }

  private async view(s: Schedule): Promise<ReportScheduleView> {
    return {
      id: s.id,
      unitCode: s.unitCode,
      unitName: (await this.units.get(s.unitCode))?.name ?? null,
      officeId: s.officeId,
      officeName: s.officeName,
      cadence: s.cadence,
      dueDay: s.dueDay,
      remindDays: s.remindDays,
      emails: s.emails,
      webhookUrl: s.webhookUrl,
      compilerOfficeId: s.compilerOfficeId,
      active: s.active,
      createdAt: s.createdAt.toISOString(),
    };
  }
}
