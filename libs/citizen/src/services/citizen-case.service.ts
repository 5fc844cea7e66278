import {
  type CitizenAssignBody,
  type CitizenCaseView,
  type CitizenListQuery,
  type CitizenListResponse,
  type CitizenPublicView,
  type CitizenRateBody,
  type CitizenReopenBody,
  type CitizenResolveFields,
  type CitizenSpamBody,
  type CitizenTransferBody,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { vnDay } from '../calendar/vn-time';
import { processPhotos } from '../intake/photo-processing';
import { normaliseTrackingCode } from '../intake/tracking-code';
import type { CitizenActor, PhotoUpload } from '../ports';
import type { CitizenReportRecord } from '../repo/report-record';
import { isOverdue } from '../views/case-state';
import { CaseReader } from './case-reader';
import { stepInvalid } from './case-steps';
import { CaseWorkflow } from './case-workflow';
import type { CitizenCaseOptions, CitizenOverdueSignal } from './case-options';

/**
 * The handling of cases: the staff queue and detail, each workflow step (assign, start,
 * resolve, reject, transfer, comment, spam) and the resident's reopening and rating by tracking
 * code. Scope is the edge's job (`unitOf` is the access gate's lookup). Every step writes a
 * citizen_event and an audit record, then calls onChanged; public status changes notify the
 * resident.
 */
export class CitizenCaseService<A extends CitizenActor> {
  readonly now: () => Date;
  readonly reopenDays: number;
  private readonly reader: CaseReader;
  private readonly flow: CaseWorkflow<A>;

  constructor(db: Queryable, opts: CitizenCaseOptions<A>) {
    this.now = opts.now ?? (() => new Date());
    this.reopenDays = opts.reopenDays ?? 7;
    this.reader = new CaseReader(db, opts.units, opts.offices);
    this.flow = new CaseWorkflow(db, this.reader, {
      ...opts,
      now: this.now,
      reopenDays: this.reopenDays,
    });
  }

  list(q: CitizenListQuery): Promise<CitizenListResponse> {
    return this.reader.list(q, this.now());
  }

  async get(id: string): Promise<CitizenCaseView> {
    return this.reader.caseView(await this.reader.record(id), this.now());
  }

  /** The unit of a case (the access gate's lookup); undefined when there is none. */
  unitOf(id: string): Promise<string | undefined> {
    return this.reader.reports.unitOf(id);
  }

  async photo(id: string, photoId: string): Promise<{ contentType: string; data: Buffer }> {
    return this.reader.photo(await this.reader.record(id), photoId);
  }

  async assign(id: string, body: CitizenAssignBody, actor: A): Promise<CitizenCaseView> {
    return this.staffView(await this.flow.assign(id, body, actor));
  }

  async start(id: string, actor: A): Promise<CitizenCaseView> {
    return this.staffView(await this.flow.start(id, actor));
  }

  /** Resolution: a note and 1–3 after-photos (re-encoded like the resident's). */
  async resolve(
    id: string,
    fields: CitizenResolveFields,
    photos: readonly PhotoUpload[],
    actor: A,
  ): Promise<CitizenCaseView> {
    const processed = await processPhotos(photos, 1);
    return this.staffView(await this.flow.resolve(id, fields.note, processed, actor));
  }

  async reject(id: string, body: { reason: string }, actor: A): Promise<CitizenCaseView> {
    return this.staffView(await this.flow.reject(id, body.reason, actor));
  }

  async transfer(id: string, body: CitizenTransferBody, actor: A): Promise<CitizenCaseView> {
    return this.staffView(await this.flow.transfer(id, body, actor));
  }

  async comment(id: string, body: { note: string }, actor: A): Promise<CitizenCaseView> {
    return this.staffView(await this.flow.comment(id, body.note, actor));
  }

  async spam(id: string, body: CitizenSpamBody, actor: A): Promise<CitizenCaseView> {
    return this.staffView(await this.flow.spam(id, body, actor));
  }

  /** The resident reopens a resolved case by its tracking code, within `reopenDays`. */
  async reopen(code: string, body: CitizenReopenBody, actor: A): Promise<CitizenPublicView> {
    const r = await this.reader.byCode(normaliseTrackingCode(code));
    return this.reader.publicView(
      await this.flow.reopen(r, body.reason, actor),
      this.now(),
      this.reopenDays,
    );
  }

  /** The resident rates a resolved case once (again after a reopening). */
  async rate(code: string, body: CitizenRateBody, actor: A): Promise<CitizenPublicView> {
    const r = await this.reader.byCode(normaliseTrackingCode(code));
    if (r.rating !== null)
      throw stepInvalid('rate', r.status, 'Phản ánh đã được đánh giá · Already rated');
    return this.reader.publicView(
      await this.flow.rate(r, body, actor),
      this.now(),
      this.reopenDays,
    );
  }

  /** Open cases past their deadline at `now` (spam and duplicates never), for work alerts. */
  async overdueCases(now: Date): Promise<CitizenOverdueSignal[]> {
    const rows = (await this.reader.reports.overdue(now)).filter((r) => isOverdue(r, now));
    const categories = new Map(
      (await this.reader.categories.list(false)).map((c) => [c.code, c.nameVi]),
    );
    return rows.map((r) => ({
      key: `citizen:${r.code}`,
      unitCode: r.unitCode,
      title: `Phản ánh ${r.code} — ${categories.get(r.categoryCode) ?? r.categoryCode}`,
      dueDate: vnDay(r.deadlineAt),
    }));
  }

  private staffView(r: CitizenReportRecord): Promise<CitizenCaseView> {
    return this.reader.caseView(r, this.now());
  }
}
