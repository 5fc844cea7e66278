import {
  DomainError,
  type CitizenSpamBody,
  type CitizenStatus,
  type CitizenTransferBody,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { vnMonth } from '../calendar/vn-time';
import { WorkCalendar } from '../calendar/work-calendar';
import type { ProcessedPhoto } from '../intake/photo-processing';
import type { CitizenActor } from '../ports';
import { HolidayRepository } from '../repo/holiday.repository';
import type { CitizenReportRecord } from '../repo/report-record';
import type { CaseReader } from './case-reader';
import { assertStep, stepInvalid, type CaseStep } from './case-steps';
import { StepCommitter, type FlowOptions } from './step-commit';

/** The steps of CitizenCaseService, each committed in one transaction. */
export class CaseWorkflow<A extends CitizenActor> {
  private readonly committer: StepCommitter<A>;

  constructor(
    private readonly db: Queryable,
    private readonly reader: CaseReader,
    private readonly opts: FlowOptions<A>,
  ) {
    this.committer = new StepCommitter(db, reader, opts);
  }

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
    return this.committer.commit(
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
    return this.committer.commit(
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
    return this.committer.commit(
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
    return this.committer.commit(
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
    return this.committer.commit(
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
    return this.committer.commit(
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
    return this.committer.commit(
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
    return this.committer.commit(
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
    return this.committer.commit(
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
}
