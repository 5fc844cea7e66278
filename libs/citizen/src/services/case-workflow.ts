import {
  DomainError,
  type CitizenSpamBody,
  type CitizenStatus,
  type CitizenTransferBody,
} from '@ioc/contracts';
import { inTransaction, type Queryable } from '@ioc/db';
import { vnMonth } from '../calendar/vn-time';
import { WorkCalendar } from '../calendar/work-calendar';
import type { ProcessedPhoto } from '../intake/photo-processing';
import type { CitizenActor, CitizenIndicatorRow } from '../ports';
import { EventRepository, type NewCitizenEvent } from '../repo/event.repository';
import { HolidayRepository } from '../repo/holiday.repository';
import { PhotoRepository } from '../repo/photo.repository';
import type { CitizenReportRecord, ReportPatch } from '../repo/report-record';
import { ReportRepository } from '../repo/report.repository';
import { toChanged } from '../views/case-state';
import type { CaseReader } from './case-reader';
import { noticeText } from './case-notices';
import { assertStep, stepInvalid, type CaseStep } from './case-steps';
import type { CitizenCaseOptions } from './citizen-case.service';
import { citizenIndicatorRows } from './indicator-rows';

type FlowOptions<A> = CitizenCaseOptions<A> & { now: () => Date; reopenDays: number };
type EventDraft = Pick<NewCitizenEvent, 'kind' | 'note' | 'public'> & { toStatus?: CitizenStatus };

/** One step to commit: the row's changes, its history, its audit record, its side effects. */
interface Step {
  step: CaseStep;
  r: CitizenReportRecord;
  patch: ReportPatch;
  events: EventDraft[];
  photos?: readonly ProcessedPhoto[];
  detail?: Record<string, unknown>;
  /** Notify the resident of the new status (public status changes only). */
  notify?: { transferredTo?: string };
  /** Months (`YYYY-MM`) whose indicator rows change with the step. */
  indicatorMonths?: string[];
}

/** The steps of CitizenCaseService, each committed in one transaction. */
export class CaseWorkflow<A extends CitizenActor> {
  constructor(
    private readonly db: Queryable,
    private readonly reader: CaseReader,
    private readonly opts: FlowOptions<A>,
  ) {}

  async assign(id: string, b: { officeId: string; assignee?: string }, actor: A) {
    const r = await this.workable(id, 'assign');
    const officeUnit = await this.opts.offices.unitOf(b.officeId);
    // The ward's own offices, or a department of the province.
    if (officeUnit !== r.unitCode && officeUnit !== this.opts.provinceCode) {
      throw new DomainError(
        'invalid',
        'CITIZEN_OFFICE_INVALID',
        'Cơ quan không thuộc đơn vị xử lý phản ánh',
        {
          issues: [
            { path: 'officeId', message: 'an office of the case’s unit or of the province' },
          ],
        },
      );
    }
    const office = (await this.opts.offices.namesOf([b.officeId])).get(b.officeId) ?? b.officeId;
    return this.commit(
      {
        step: 'assign',
        r,
        patch: { status: 'assigned', officeId: b.officeId, assignee: b.assignee ?? null },
        events: [{ kind: 'assigned', toStatus: 'assigned', note: office, public: true }],
        detail: { officeId: b.officeId, assignee: b.assignee ?? null },
        notify: {},
      },
      actor,
    );
  }

  async start(id: string, actor: A) {
    const r = await this.workable(id, 'start');
    return this.commit(
      {
        step: 'start',
        r,
        patch: { status: 'in_progress' },
        events: [{ kind: 'started', toStatus: 'in_progress', note: null, public: true }],
        notify: {},
      },
      actor,
    );
  }

  async resolve(id: string, note: string, photos: readonly ProcessedPhoto[], actor: A) {
    const r = await this.workable(id, 'resolve');
    const at = this.opts.now();
    return this.commit(
      {
        step: 'resolve',
        r,
        patch: { status: 'resolved', resolvedAt: at, resolutionNote: note },
        events: [{ kind: 'resolved', toStatus: 'resolved', note, public: true }],
        photos,
        detail: { note, photos: photos.length, onTime: at <= r.deadlineAt },
        notify: {},
        indicatorMonths: [vnMonth(at)],
      },
      actor,
    );
  }

  async reject(id: string, reason: string, actor: A) {
    const r = await this.workable(id, 'reject');
    return this.commit(
      {
        step: 'reject',
        r,
        patch: { status: 'rejected', rejectReason: reason },
        events: [{ kind: 'rejected', toStatus: 'rejected', note: reason, public: true }],
        detail: { reason },
        notify: {},
      },
      actor,
    );
  }

  /**
   * Moves the case to another ward of the province or to the province itself, back to
   * `received` there without an office. The deadline does not move: the resident's clock keeps
   * running whoever handles the case.
   */
  async transfer(id: string, b: CitizenTransferBody, actor: A) {
    const r = await this.workable(id, 'transfer');
    const inProvince = await this.opts.units.selfAndDescendants(this.opts.provinceCode);
    if (b.unitCode === r.unitCode || !inProvince.includes(b.unitCode)) {
      throw new DomainError('invalid', 'CITIZEN_TRANSFER_UNIT', 'Đơn vị nhận không hợp lệ', {
        issues: [{ path: 'unitCode', message: 'another unit of the province' }],
      });
    }
    const name = (await this.opts.units.get(b.unitCode))?.name ?? b.unitCode;
    return this.commit(
      {
        step: 'transfer',
        r,
        patch: { unitCode: b.unitCode, status: 'received', officeId: null, assignee: null },
        events: [
          { kind: 'transferred', toStatus: 'received', note: `Chuyển đến ${name}`, public: true },
          { kind: 'commented', note: `Lý do chuyển: ${b.reason}`, public: false },
        ],
        detail: { from: r.unitCode, to: b.unitCode, reason: b.reason },
        notify: { transferredTo: name },
      },
      actor,
    );
  }

  async comment(id: string, note: string, actor: A) {
    const r = await this.reader.record(id);
    assertStep('comment', r.status);
    return this.commit(
      {
        step: 'comment',
        r,
        patch: {},
        events: [{ kind: 'commented', note, public: false }],
        detail: { note },
      },
      actor,
    );
  }

  /** Spam leaves the queue, the stats and the public map; unmarking brings the case back. */
  async spam(id: string, b: CitizenSpamBody, actor: A) {
    const r = await this.reader.record(id);
    if ((r.moderation === 'spam') === b.spam) {
      throw stepInvalid(
        'spam',
        r.status,
        b.spam ? 'Phản ánh đã bị đánh dấu rác' : 'Phản ánh không bị đánh dấu rác',
      );
    }
    const months = [r.resolvedAt, r.ratedAt].flatMap((d) => (d ? [vnMonth(d)] : []));
    return this.commit(
      {
        step: 'spam',
        r,
        patch: { moderation: b.spam ? 'spam' : 'ok' },
        events: [
          { kind: b.spam ? 'marked_spam' : 'unmarked_spam', note: b.reason ?? null, public: false },
        ],
        detail: { spam: b.spam, reason: b.reason ?? null },
        indicatorMonths: months,
      },
      actor,
    );
  }

  /** Back to the office that had it (or to the unit's intake), with a new deadline from now. */
  async reopen(r: CitizenReportRecord, reason: string, actor: A) {
    assertStep('reopen', r.status);
    const at = this.opts.now();
    const until = (r.resolvedAt?.getTime() ?? 0) + this.opts.reopenDays * 24 * 3600_000;
    if (at.getTime() > until) {
      throw stepInvalid(
        'reopen',
        r.status,
        `Đã quá ${this.opts.reopenDays} ngày kể từ khi giải quyết, không thể mở lại`,
      );
    }
    const category = await this.reader.categories.get(r.categoryCode);
    const calendar = new WorkCalendar(await new HolidayRepository(this.db).allDays());
    const status: CitizenStatus = r.officeId === null ? 'received' : 'assigned';
    const months = [r.resolvedAt, r.ratedAt].flatMap((d) => (d ? [vnMonth(d)] : []));
    return this.commit(
      {
        step: 'reopen',
        r,
        patch: {
          status,
          deadlineAt: calendar.deadline(at, category?.deadlineDays ?? 10),
          resolvedAt: null,
          resolutionNote: null,
          rating: null,
          ratingComment: null,
          ratedAt: null,
          reopenCount: r.reopenCount + 1,
        },
        events: [{ kind: 'reopened', toStatus: status, note: reason, public: true }],
        detail: { reason },
        notify: {},
        indicatorMonths: months,
      },
      actor,
    );
  }

  async rate(r: CitizenReportRecord, b: { rating: number; comment?: string }, actor: A) {
    assertStep('rate', r.status);
    const at = this.opts.now();
    return this.commit(
      {
        step: 'rate',
        r,
        patch: { rating: b.rating, ratingComment: b.comment ?? null, ratedAt: at },
        events: [{ kind: 'rated', note: null, public: true }],
        detail: { rating: b.rating },
        indicatorMonths: [vnMonth(at)],
      },
      actor,
    );
  }

  /** A case a staff step may act on: not spam (unmark it first). */
  private async workable(id: string, step: CaseStep): Promise<CitizenReportRecord> {
    const r = await this.reader.record(id);
    assertStep(step, r.status);
    if (r.moderation === 'spam') {
      throw stepInvalid(
        step,
        r.status,
        'Phản ánh đang bị đánh dấu rác · The case is marked as spam',
      );
    }
    return r;
  }

  private async commit(s: Step, actor: A): Promise<CitizenReportRecord> {
    const at = this.opts.now();
    const { r } = s;
    await inTransaction(this.db, async (tx) => {
      if (!(await new ReportRepository(tx).update(r.id, r.status, s.patch, at))) {
        throw stepInvalid(
          s.step,
          r.status,
          'Phản ánh vừa được người khác cập nhật, hãy tải lại · Changed meanwhile',
        );
      }
      const photos = new PhotoRepository(tx);
      for (const p of s.photos ?? []) await photos.insert(r.id, 'resolution', p, at);
      const events = new EventRepository(tx);
      for (const e of s.events) {
        await events.insert({
          reportId: r.id,
          at,
          kind: e.kind,
          actor: actor.actor,
          actorName: actor.displayName ?? null,
          fromStatus: r.status,
          toStatus: e.toStatus ?? r.status,
          unitCode: s.patch.unitCode ?? r.unitCode,
          note: e.note,
          public: e.public,
        });
      }
    });
    const after = await this.reader.record(r.id);
    await this.opts.audit.record(actor, {
      action: `citizen.${s.step === 'spam' && s.patch.moderation === 'ok' ? 'unspam' : s.step}`,
      targetKind: 'citizen_report',
      targetId: r.id,
      unitCode: after.unitCode,
      detail: { code: r.code, from: r.status, to: after.status, ...s.detail },
    });
    this.opts.onChanged?.(
      toChanged(after, at),
      after.unitCode !== r.unitCode ? r.unitCode : undefined,
    );
    if (s.notify) await this.notify(after, s.notify.transferredTo);
    for (const month of new Set(s.indicatorMonths ?? []))
      await this.indicators(after.unitCode, month);
    return after;
  }

  private async notify(r: CitizenReportRecord, transferredTo?: string): Promise<void> {
    if (!this.opts.notifier) return;
    try {
      await this.opts.notifier.notify({
        code: r.code,
        status: r.status,
        phone: r.reporterPhone,
        text: noticeText(r.code, r.status, this.opts.publicUrl, transferredTo),
      });
    } catch (err) {
      this.opts.onBackgroundError?.('notify', err);
    }
  }

  /** Recomputes a ward's month for the indicator feed (the province rolls its wards up). */
  private async indicators(unitCode: string, month: string): Promise<void> {
    if (!this.opts.indicators || unitCode === this.opts.provinceCode) return;
    try {
      const rows: CitizenIndicatorRow[] = await citizenIndicatorRows(
        this.db,
        unitCode,
        month,
        this.opts.now(),
      );
      if (rows.length > 0) await this.opts.indicators.record(rows);
    } catch (err) {
      this.opts.onBackgroundError?.('indicators', err);
    }
  }
}
