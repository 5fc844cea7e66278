import type { CitizenStatus } from '@ioc/contracts';
import { inTransaction, type Queryable } from '@ioc/db';
import type { ProcessedPhoto } from '../intake/photo-processing';
import type { CitizenActor, CitizenIndicatorRow } from '../ports';
import { EventRepository, type NewCitizenEvent } from '../repo/event.repository';
import { PhotoRepository } from '../repo/photo.repository';
import type { CitizenReportRecord, ReportPatch } from '../repo/report-record';
import { ReportRepository } from '../repo/report.repository';
import { toChanged } from '../views/case-state';
import type { CaseReader } from './case-reader';
import { noticeText } from './case-notices';
import { stepInvalid, type CaseStep } from './case-steps';
import type { CitizenCaseOptions } from './case-options';
import { citizenIndicatorRows } from './indicator-rows';

export type FlowOptions<A> = CitizenCaseOptions<A> & { now: () => Date; reopenDays: number };
export type EventDraft = Pick<NewCitizenEvent, 'kind' | 'note' | 'public'> & {
  toStatus?: CitizenStatus;
};

/** One step to commit: the row's changes, its history, its audit record, its side effects. */
export interface Step {
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

/**
 * Commits a step: the row's change (only if the case is still in the status it was read in),
 * photos and history in one transaction; then the audit record, onChanged, the resident's
 * notice and the indicator recompute, whose failures never undo the step.
 */
export class StepCommitter<A extends CitizenActor> {
  constructor(
    private readonly db: Queryable,
    private readonly reader: CaseReader,
    private readonly opts: FlowOptions<A>,
  ) {}

  async commit(s: Step, actor: A): Promise<CitizenReportRecord> {
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
