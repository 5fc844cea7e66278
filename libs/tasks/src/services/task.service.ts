import {
  DomainError,
  TASK_STATUSES,
  type AuditSink,
  type TaskCreateBody,
  type TaskDetail,
  type TaskListQuery,
  type TaskListResponse,
  type TaskPatchBody,
  type TaskStatus,
  type TaskView,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { TaskActor, TaskChanged, TaskOffices, TaskUnits } from '../ports';
import type { TaskFilter } from '../repo/task-filter';
import { TaskRepository, type TaskCursor } from '../repo/task.repository';
import type { TaskRecord } from '../repo/task-row';
import { UpdateRepository } from '../repo/update.repository';
import { monthRange, vnDay, vnDayStart } from '../status';
import { leadNames, toTaskDetail, toTaskView } from './task-views';

export interface TaskServiceOptions<A> {
  units: TaskUnits;
  offices: TaskOffices;
  audit: AuditSink<A>;
  /** The clock `overdue` and update times are read from. */
  now?: () => Date;
  /** Called after each committed change (composition sends it to WebSocket subscribers). */
  onTaskChanged?: (change: TaskChanged) => void;
}

/**
 * Plan tasks: lists with counts for walls and tablets, the detail with its updates, and the
 * planners' writes. Scope is the edge's job (the task's lead unit); every change is audited.
 * Progress and evidence are in TaskProgressService.
 */
export class TaskService<A extends TaskActor> {
  readonly repo: TaskRepository;
  readonly updates: UpdateRepository;
  readonly now: () => Date;

  constructor(
    readonly db: Queryable,
    readonly opts: TaskServiceOptions<A>,
  ) {
    this.repo = new TaskRepository(db);
    this.updates = new UpdateRepository(db);
    this.now = opts.now ?? (() => new Date());
  }

  async list(q: TaskListQuery): Promise<TaskListResponse> {
    const now = this.now();
    const today = vnDay(now);
    const filter: TaskFilter = {
      units: q.unit === undefined ? null : await this.unitsBelow(q.unit),
      officeId: q.office,
      source: q.source,
      q: q.q,
      statuses: q.status as TaskStatus[] | undefined,
      today,
    };
    if (q.due === 'overdue') filter.statuses = ['overdue'];
    else if (q.due !== undefined) {
      const month = monthRange(q.due === 'this_month' ? today.slice(0, 7) : q.due);
      filter.dueFrom = month.first;
      filter.dueTo = month.last;
    }
    const rows = await this.repo.list(filter, q.limit + 1, decodeCursor(q.cursor));
    const page = rows.slice(0, q.limit);
    const byStatus = await this.repo.countByStatus(filter);
    const overdue = await this.repo.overdueByLead(filter);
    const names = await leadNames(
      this.opts.units,
      this.opts.offices,
      [...page, ...overdue].map((t) => t.leadUnitCode),
      [...page, ...overdue].map((t) => t.leadOfficeId),
    );
    const last = page.at(-1);
    return {
      asOf: now.toISOString(),
      items: page.map((t) => toTaskView(t, names, today)),
      nextCursor: rows.length > q.limit && last ? encodeCursor(this.repo.cursorOf(last)) : null,
      counts: {
        byStatus: Object.fromEntries(TASK_STATUSES.map((s) => [s, byStatus.get(s) ?? 0])) as Record<
          TaskStatus,
          number
        >,
        overdueByLead: overdue.map((o) => ({
          ...o,
          name: names.office(o.leadOfficeId) ?? names.unit(o.leadUnitCode) ?? o.leadUnitCode,
        })),
      },
    };
  }

  async get(id: string): Promise<TaskDetail> {
    const task = await this.record(id);
    return toTaskDetail(await this.view(task), await this.updates.ofTask(id));
  }

  /** The lead unit of a task (the access gate's lookup); undefined when there is none. */
  unitOf(id: string): Promise<string | undefined> {
    return /^\d{1,18}$/.test(id) ? this.repo.unitOf(id) : Promise.resolve(undefined);
  }

  async create(body: TaskCreateBody, actor: A): Promise<TaskView> {
    if (!(await this.opts.units.exists(body.leadUnitCode))) throw unknownUnit('leadUnitCode');
    await this.checkOffice(body.leadOfficeId ?? null, body.leadUnitCode);
    const id = await this.repo.insert({
      code: body.code ?? null,
      source: body.source ?? null,
      number: body.number ?? null,
      groupVi: body.groupVi ?? null,
      parentVi: null,
      titleVi: body.titleVi,
      titleEn: body.titleEn ?? null,
      detailVi: body.detailVi ?? null,
      areaCode: body.areaCode ?? body.leadUnitCode,
      leadUnitCode: body.leadUnitCode,
      leadOfficeId: body.leadOfficeId ?? null,
      leadVi: body.leadVi ?? null,
      leadUncertain: false,
      cooperatingVi: body.cooperatingVi ?? null,
      supervisorVi: null,
      periodVi: body.periodVi ?? null,
      dueDate: body.dueDate ?? null,
      recurring: body.recurring,
      cadence: body.cadence ?? null,
      productVi: body.productVi ?? null,
      kpiVi: body.kpiVi ?? null,
      relatedIndicators: body.relatedIndicators,
      ref: body.ref ?? null,
      notes: body.notes ?? null,
    });
    if (id === null) throw new DomainError('conflict', 'TASK_EXISTS', `task ${body.code} exists`);
    return this.changed(id, actor, 'task.create', { task: body });
  }

  async patch(id: string, body: TaskPatchBody, actor: A): Promise<TaskView> {
    const before = await this.record(id);
    if (body.leadOfficeId !== undefined)
      await this.checkOffice(body.leadOfficeId, before.leadUnitCode);
    await this.repo.update(id, body, this.now());
    return this.changed(id, actor, 'task.update', { changes: body });
  }

  async cancel(id: string, reason: string, actor: A): Promise<TaskView> {
    const before = await this.record(id);
    if (before.status === 'cancelled') {
      throw new DomainError('conflict', 'TASK_CANCELLED', 'the task is already cancelled');
    }
    await this.repo.setState(
      id,
      { status: 'cancelled', progress: before.progress, cancelReason: reason },
      this.now(),
    );
    return this.changed(id, actor, 'task.cancel', { reason, from: before.status });
  }

  /** Open tasks led by the unit (officeId null) or by one of its offices (reporting's port). */
  async openTasksOf(unitCode: string, officeId: string | null): Promise<TaskView[]> {
    return this.views(await this.repo.openOf(unitCode, officeId));
  }

  /** Which of these tasks had progress posted between two days, inclusive (Vietnam). */
  progressPostedIn(
    taskIds: readonly string[],
    periodStart: string,
    periodEnd: string,
  ): Promise<string[]> {
    const end = vnDayStart(periodEnd);
    end.setUTCDate(end.getUTCDate() + 1);
    return this.updates.postedIn(taskIds, vnDayStart(periodStart), end);
  }

  /** Overdue tasks everywhere (the alert engine's signal), one key per task. */
  async overdueTasks(
    now: Date,
  ): Promise<{ key: string; unitCode: string; title: string; dueDate: string }[]> {
    const rows = await this.repo.overdue(vnDay(now));
    return rows.map((t) => ({
      key: `task:${t.id}`,
      unitCode: t.leadUnitCode,
      title: `${t.code} — ${t.titleVi}`,
      dueDate: t.dueDate ?? '',
    }));
  }

  async record(id: string): Promise<TaskRecord> {
    const task = /^\d{1,18}$/.test(id) ? await this.repo.get(id) : null;
    if (!task) throw new DomainError('not_found', 'TASK_NOT_FOUND', `no task ${id}`);
    return task;
  }

  async view(t: TaskRecord): Promise<TaskView> {
    return (await this.views([t]))[0] as TaskView;
  }

  /** Audits a committed change, tells subscribers, answers the task as it is now. */
  async changed(
    id: string,
    actor: A,
    action: string,
    detail: Record<string, unknown>,
  ): Promise<TaskView> {
    const view = await this.view(await this.record(id));
    await this.opts.audit.record(actor, {
      action,
      targetKind: 'task',
      targetId: id,
      unitCode: view.leadUnitCode,
      detail: { code: view.code, ...detail },
    });
    this.opts.onTaskChanged?.({
      taskId: view.id,
      code: view.code,
      leadUnitCode: view.leadUnitCode,
      status: view.status,
      progress: view.progress,
      updatedAt: view.updatedAt,
    });
    return view;
  }

  private async views(rows: TaskRecord[]): Promise<TaskView[]> {
    const names = await leadNames(
      this.opts.units,
      this.opts.offices,
      rows.map((t) => t.leadUnitCode),
      rows.map((t) => t.leadOfficeId),
    );
    const today = vnDay(this.now());
    return rows.map((t) => toTaskView(t, names, today));
  }

  private async unitsBelow(unit: string): Promise<string[]> {
    if (!(await this.opts.units.exists(unit))) throw unknownUnit('unit');
    return this.opts.units.selfAndDescendants(unit);
  }

  private async checkOffice(officeId: string | null, unitCode: string): Promise<void> {
    if (officeId === null) return;
    if ((await this.opts.offices.unitOf(officeId)) !== unitCode) {
      throw new DomainError(
        'invalid',
        'OFFICE_NOT_OF_UNIT',
        `office ${officeId} is not an office of ${unitCode}`,
        {
          issues: [{ path: 'leadOfficeId', message: `not an office of ${unitCode}` }],
        },
      );
    }
  }
}

function unknownUnit(path: string): DomainError {
  return new DomainError('invalid', 'UNIT_UNKNOWN', 'unknown unit', {
    issues: [{ path, message: 'unknown unit' }],
  });
}

function encodeCursor(c: TaskCursor): string {
  return Buffer.from(JSON.stringify([c.due, c.id])).toString('base64url');
}

function decodeCursor(s: string | undefined): TaskCursor | undefined {
  if (s === undefined) return undefined;
  try {
    const [due, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof due === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(due) &&
      typeof id === 'string' &&
      /^\d{1,18}$/.test(id)
    ) {
      return { due, id };
    }
  } catch {
    // fall through to the refusal
  }
  throw new DomainError('invalid', 'CURSOR_INVALID', 'cursor is not one this API gave', {
    issues: [{ path: 'cursor', message: 'not a cursor of this list' }],
  });
}
