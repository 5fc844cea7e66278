import {
  DomainError,
  REPORT_STATES,
  parseInput,
  reportActionBody,
  reportReasonBody,
  type AuditSink,
  type ReportAction,
  type ReportMatrix,
  type ReportPeriodDetail,
  type ReportPeriodView,
  type ReportState,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import {
  dueDateOf,
  isLate,
  parseReportingPeriod,
  reportedPeriodOn,
  vnDay,
} from '../period/periods';
import { REASON_REQUIRED, nextState } from '../period/state-machine';
import type {
  ReportChange,
  ReportingActor,
  ReportingIndicators,
  ReportingTasks,
  ReportingUnits,
} from '../ports';
import { PeriodRepository, type StoredPeriod } from '../repo/period.repository';
import { ScheduleRepository } from '../repo/schedule.repository';
import { OwedItems } from './owed';
import { eventView, lateFirst, owedIndicatorViews, owedTaskViews, periodView } from './views';

export interface ReportingDeps<A> {
  units: ReportingUnits;
  indicators: ReportingIndicators;
  tasks: ReportingTasks;
  audit: AuditSink<A>;
  clock?: () => Date;
  /** Told after each committed step (composition forwards it to WebSocket subscribers). */
  onReportChanged?: (change: ReportChange) => void;
}

export interface PeriodQuery {
  unit?: string | undefined;
  period?: string | undefined;
  state?: string | undefined;
  late?: string | undefined;
}

/**
 * The reporting cycle: periods per schedule, what each reporter owes, the steps submit → return
 * (reason) → approve, re-open (reason); the late list and the matrix. An approved period is
 * locked (409 REPORT_LOCKED) until re-opened. Every step is a report_event and an audit row.
 */
export class ReportingService<A> {
  private readonly periods: PeriodRepository;
  private readonly schedules: ScheduleRepository;
  private readonly owed: OwedItems;
  private readonly clock: () => Date;

  constructor(
    db: Queryable,
    private readonly deps: ReportingDeps<A>,
  ) {
    this.periods = new PeriodRepository(db);
    this.schedules = new ScheduleRepository(db);
    this.owed = new OwedItems(deps.indicators, deps.tasks);
    this.clock = deps.clock ?? (() => new Date());
  }

  /** Creates, for every active schedule, the period being reported on `at` (idempotent). */
  async ensurePeriods(at: Date = this.clock()): Promise<number> {
    const today = vnDay(at);
    const schedules = await this.schedules.list({ activeOnly: true });
    return this.periods.ensureAll(
      schedules.map((s) => {
        const period = reportedPeriodOn(s.cadence, today);
        return {
          scheduleId: s.id,
          period: period.code,
          start: period.start,
          end: period.end,
          dueDate: dueDateOf(period, s.dueDay),
        };
      }),
    );
  }

  async listPeriods(q: PeriodQuery): Promise<{ asOf: string; items: ReportPeriodView[] }> {
    const now = this.clock();
    await this.ensurePeriods(now);
    const states = q.state === undefined ? undefined : parseStates(q.state);
    const stored = await this.periods.list({
      ...(await this.scope(q.unit)),
      ...(q.period === undefined ? {} : { period: requirePeriod(q.period) }),
      ...(states === undefined ? {} : { states }),
    });
    let items = await this.views(stored, vnDay(now));
    if (q.late !== undefined) items = items.filter((i) => i.late === (q.late === 'true'));
    return { asOf: now.toISOString(), items };
  }

  /** Reporters past their due date that have not submitted: late first by due date. */
  async late(q: { unit?: string | undefined; period?: string | undefined }) {
    const now = this.clock();
    const today = vnDay(now);
    await this.ensurePeriods(now);
    const stored = await this.periods.list({
      ...(await this.scope(q.unit)),
      ...(q.period === undefined ? {} : { period: requirePeriod(q.period) }),
      states: ['open', 'returned', 'reopened'],
      dueBefore: today,
    });
    const items = (await this.views(stored, today)).filter((i) => i.late);
    return { asOf: now.toISOString(), period: q.period ?? null, items: items.sort(lateFirst) };
  }

  /** Reporters × owed items × state for one period (default: the one being reported today). */
  async matrix(q: {
    unit?: string | undefined;
    period?: string | undefined;
  }): Promise<ReportMatrix> {
    const now = this.clock();
    const today = vnDay(now);
    await this.ensurePeriods(now);
    const period = q.period ?? reportedPeriodOn('monthly', today).code;
    const stored = await this.periods.list({
      ...(await this.scope(q.unit)),
      period: requirePeriod(period),
    });
    const owed = await this.owed.ofAll(stored);
    const rows = [];
    for (const p of stored) {
      const o = owed.get(p.id);
      if (o === undefined) continue;
      const unit = await this.deps.units.get(p.unitCode);
      rows.push({
        ...periodView(p, unit?.name ?? null, o, today),
        cells: [
          ...o.indicators.map((i) => ({
            kind: 'indicator' as const,
            code: i.indicatorCode,
            label: i.nameVi,
            done: i.reported,
          })),
          ...owedTaskViews(o).map((t) => ({
            kind: 'task' as const,
            code: t.code,
            label: t.titleVi,
            done: t.updated,
          })),
        ],
      });
    }
    return { period, asOf: now.toISOString(), rows: rows.sort(lateFirst) };
  }

  async getPeriod(id: string): Promise<ReportPeriodDetail> {
    const p = await this.requirePeriod(id);
    const [owed, events, unit] = await Promise.all([
      this.owed.of(p),
      this.periods.events(p.id),
      this.deps.units.get(p.unitCode),
    ]);
    return {
      ...periodView(p, unit?.name ?? null, owed, vnDay(this.clock())),
      indicators: owedIndicatorViews(owed),
      tasks: owedTaskViews(owed),
      events: events.map(eventView),
    };
  }

  /** The unit of a period, for the access check; undefined when there is no such period. */
  async unitOfPeriod(id: string): Promise<string | undefined> {
    return (await this.periods.get(id))?.unitCode;
  }

  /** submit | return {reason} | approve | reopen {reason}. */
  async act(
    id: string,
    action: ReportAction,
    body: unknown,
    who: ReportingActor,
    actor: A,
  ): Promise<ReportPeriodDetail> {
    const input = REASON_REQUIRED.has(action)
      ? parseInput(reportReasonBody, body ?? {}, 'REPORT_REASON_REQUIRED')
      : parseInput(reportActionBody, body ?? {}, 'REPORT_ACTION_INVALID');
    const p = await this.requirePeriod(id);
    const to = nextState(p.state, action);
    if (action !== 'submit') await this.requireReviewer(p, who);
    const at = this.clock();
    const moved = await this.periods.step({
      id: p.id,
      from: p.state,
      to,
      action,
      actor: who.username,
      reason: input.reason ?? null,
      at,
    });
    if (!moved) {
      // Someone else moved it in between: judge the step against the state it has now.
      nextState((await this.requirePeriod(id)).state, action);
      throw new DomainError('conflict', 'REPORT_STATE_CONFLICT', 'The report changed meanwhile');
    }
    await this.deps.audit.record(actor, {
      action: `report.${action}`,
      targetKind: 'report_period',
      targetId: p.id,
      unitCode: p.unitCode,
      detail: { period: p.period, officeId: p.officeId, from: p.state, to, reason: input.reason },
    });
    this.deps.onReportChanged?.({
      periodId: p.id,
      unitCode: p.unitCode,
      officeId: p.officeId,
      period: p.period,
      state: to,
      late: isLate(to, p.dueDate, vnDay(at)),
    });
    return this.getPeriod(p.id);
  }

  private async requireReviewer(p: StoredPeriod, who: ReportingActor): Promise<void> {
    if (!who.reviewsOnlyAsCompiler) return;
    const compiler = p.compilerOfficeId;
    if (compiler !== null && (await this.schedules.isMember(who.username, compiler))) return;
    throw new DomainError(
      'forbidden',
      'REPORT_NOT_COMPILER',
      'Only a member of the compiling office may return, approve or re-open this report',
      { issues: [], compilerOfficeId: compiler },
    );
  }

  private async requirePeriod(id: string): Promise<StoredPeriod> {
    const p = await this.periods.get(id);
    if (p === null)
      throw new DomainError('not_found', 'REPORT_PERIOD_NOT_FOUND', `No period ${id}`);
    return p;
  }

  private async scope(unit: string | undefined): Promise<{ unitCodes?: string[] }> {
    if (unit === undefined || unit === '') return {};
    if ((await this.deps.units.get(unit)) === null) {
      throw new DomainError('not_found', 'UNIT_NOT_FOUND', `No unit ${unit}`);
    }
    return { unitCodes: await this.deps.units.selfAndDescendants(unit) };
  }

  private async views(stored: readonly StoredPeriod[], today: string) {
    const owed = await this.owed.ofAll(stored);
    const names = new Map<string, string | null>();
    const out: ReportPeriodView[] = [];
    for (const p of stored) {
      if (!names.has(p.unitCode)) {
        names.set(p.unitCode, (await this.deps.units.get(p.unitCode))?.name ?? null);
      }
      const o = owed.get(p.id);
      if (o !== undefined) out.push(periodView(p, names.get(p.unitCode) ?? null, o, today));
    }
    return out;
  }
}

function requirePeriod(code: string): string {
  const p = parseReportingPeriod(code);
  if (p === null)
    throw new DomainError('invalid', 'PERIOD_INVALID', 'period: 2026-11, 2026-Q4 or 2026');
  return p.code;
}

function parseStates(list: string): ReportState[] {
  const states = list.split(',').map((s) => s.trim());
  const bad = states.filter((s) => !(REPORT_STATES as readonly string[]).includes(s));
  if (bad.length > 0) {
    throw new DomainError('invalid', 'REPORT_STATE_INVALID', `Unknown state: ${bad.join(', ')}`);
  }
  return states as ReportState[];
}
