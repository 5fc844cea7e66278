import {
  DomainError,
  type AuditSink,
  type CitizenChanged,
  type CitizenSubmitFields,
  type CitizenSubmitResponse,
} from '@ioc/contracts';
import { inTransaction, type Queryable } from '@ioc/db';
import { WorkCalendar } from '../calendar/work-calendar';
import { boxAround, distanceMetres } from '../intake/geo-distance';
import { checkPhotos, processPhotos } from '../intake/photo-processing';
import { checkDescription, checkName, checkPhone } from '../intake/resident-text';
import { newTrackingCode } from '../intake/tracking-code';
import type {
  CitizenActor,
  CitizenUnits,
  PhotoUpload,
  SubmissionClient,
  UnitLocator,
} from '../ports';
import { CategoryRepository } from '../repo/category.repository';
import { EventRepository } from '../repo/event.repository';
import { HolidayRepository } from '../repo/holiday.repository';
import { PhotoRepository } from '../repo/photo.repository';
import type { CitizenReportRecord } from '../repo/report-record';
import { ReportRepository, type NewReport } from '../repo/report.repository';
import { toChanged } from '../views/case-state';

export interface CitizenIntakeOptions<A> {
  units: Pick<CitizenUnits, 'get' | 'selfAndDescendants'>;
  locator: UnitLocator;
  /** The province the platform serves (IOC_PROVINCE): reports outside it are refused. */
  provinceCode: string;
  audit: AuditSink<A>;
  now?: () => Date;
  /** Called after each committed submission (composition sends it to WebSocket subscribers). */
  onChanged?: (change: CitizenChanged) => void;
  /** A submission this close (metres) … */
  duplicateRadiusM?: number;
  /** … to an open case of its category received this recently (hours) is linked to it. */
  duplicateWindowHours?: number;
}

/**
 * Submissions from residents (the public form) and from apps on their behalf: checks the text,
 * the place (point → ward, inside the province) and the photos (re-encoded, metadata dropped),
 * links duplicates to the open case they repeat, and opens a case with its working-day deadline.
 */
export class CitizenIntakeService<A extends CitizenActor> {
  private readonly now: () => Date;
  private readonly categories: CategoryRepository;

  constructor(
    private readonly db: Queryable,
    private readonly opts: CitizenIntakeOptions<A>,
  ) {
    this.now = opts.now ?? (() => new Date());
    this.categories = new CategoryRepository(db);
  }

  /** Which ward of the province a point is in (the intake page's marker). */
  async locate(
    lat: number,
    lon: number,
  ): Promise<{ inside: boolean; unitCode: string | null; unitName: string | null }> {
    const unitCode = await this.unitAt(lat, lon);
    if (unitCode === null) return { inside: false, unitCode: null, unitName: null };
    return { inside: true, unitCode, unitName: await this.unitName(unitCode) };
  }

  async submit(
    fields: CitizenSubmitFields,
    photos: readonly PhotoUpload[],
    client: SubmissionClient,
    actor: A,
  ): Promise<CitizenSubmitResponse> {
    const category = await this.categories.get(fields.category);
    if (!category?.active) {
      throw new DomainError('invalid', 'CATEGORY_UNKNOWN', 'Loại phản ánh không hợp lệ', {
        issues: [{ path: 'category', message: 'unknown or inactive category' }],
      });
    }
    const description = checkDescription(fields.description);
    const reporterName = checkName(fields.name);
    const reporterPhone = checkPhone(fields.phone);
    checkPhotos(photos);
    const unitCode = await this.unitAt(fields.lat, fields.lon);
    if (unitCode === null) {
      throw new DomainError(
        'invalid',
        'OUTSIDE_PROVINCE',
        'Vị trí nằm ngoài địa bàn tỉnh/thành phố, phản ánh không được tiếp nhận · The position is outside the province',
        { issues: [{ path: 'lat', message: 'outside the province' }] },
      );
    }
    const reports = new ReportRepository(this.db);
    if (client.externalId !== undefined) {
      const earlier = await reports.byExternalId(client.source, client.externalId);
      if (earlier) return this.answer(earlier, earlier.duplicateOf !== null, reports);
    }
    const processed = await processPhotos(photos);
    const at = this.now();
    const original = await this.openDuplicate(reports, fields, at);
    const base: Omit<NewReport, 'code'> = {
      categoryCode: category.code,
      description,
      lat: fields.lat,
      lon: fields.lon,
      unitCode: original?.unitCode ?? unitCode,
      duplicateOf: original?.id ?? null,
      reporterName,
      reporterPhone,
      clientKey: client.clientKey,
      source: client.source,
      externalId: client.externalId ?? null,
      receivedAt: at,
      // A duplicate is not a case: it mirrors the open case's deadline and is never counted.
      deadlineAt:
        original?.deadlineAt ??
        new WorkCalendar(await new HolidayRepository(this.db).allDays()).deadline(
          at,
          category.deadlineDays,
        ),
    };
    const stored = await inTransaction(this.db, async (tx) => {
      const repo = new ReportRepository(tx);
      let row: CitizenReportRecord | null = null;
      // 50 random bits: a clash is rare; a few draws make a failure astronomically unlikely.
      for (let i = 0; i < 5 && row === null; i++) {
        row = await repo.insert({ ...base, code: newTrackingCode() });
      }
      if (row === null) throw new Error('no free tracking code after 5 draws');
      const photosRepo = new PhotoRepository(tx);
      for (const p of processed) await photosRepo.insert(row.id, 'report', p, at);
      const events = new EventRepository(tx);
      const who = { actor: actor.actor, actorName: actor.displayName ?? null, at };
      if (original) {
        await repo.addSupporter(original.id, at);
        await events.insert({
          ...who,
          reportId: original.id,
          kind: 'duplicate_linked',
          fromStatus: original.status,
          toStatus: original.status,
          unitCode: original.unitCode,
          note: `Phản ánh trùng ${row.code}`,
          public: false,
        });
      } else {
        await events.insert({
          ...who,
          reportId: row.id,
          kind: 'received',
          fromStatus: null,
          toStatus: 'received',
          unitCode: row.unitCode,
          note: null,
          public: true,
        });
      }
      return row;
    });
    await this.opts.audit.record(actor, {
      action: original ? 'citizen.duplicate' : 'citizen.submit',
      targetKind: 'citizen_report',
      targetId: stored.id,
      unitCode: stored.unitCode,
      // Never the name or phone: the audit trail is read by more people than the case.
      detail: {
        code: stored.code,
        category: stored.categoryCode,
        source: stored.source,
        photos: processed.length,
        ...(original ? { duplicateOf: original.code } : {}),
      },
    });
    const target = original ? await reports.byId(original.id) : stored;
    if (target) this.opts.onChanged?.(toChanged(target, this.now()));
    return this.answer(original ?? stored, original !== undefined, reports);
  }

  /** The open case of the same category within the radius and window, nearest first. */
  private async openDuplicate(
    reports: ReportRepository,
    f: CitizenSubmitFields,
    at: Date,
  ): Promise<CitizenReportRecord | undefined> {
    const radius = this.opts.duplicateRadiusM ?? 50;
    const since = new Date(at.getTime() - (this.opts.duplicateWindowHours ?? 48) * 3600_000);
    const point = { lat: f.lat, lon: f.lon };
    return (await reports.openNearby(f.category, boxAround(point, radius), since))
      .map((r) => ({ r, d: distanceMetres(point, r) }))
      .filter((x) => x.d <= radius)
      .sort((a, b) => a.d - b.d)[0]?.r;
  }

  /** What the resident is told: the case to follow (the original one for a duplicate). */
  private async answer(
    r: CitizenReportRecord,
    duplicate: boolean,
    reports: ReportRepository,
  ): Promise<CitizenSubmitResponse> {
    const followed = r.duplicateOf !== null ? ((await reports.byId(r.duplicateOf)) ?? r) : r;
    return {
      code: followed.code,
      status: followed.status,
      duplicateOf: duplicate || r.duplicateOf !== null,
      unitCode: followed.unitCode,
      unitName: await this.unitName(followed.unitCode),
      deadlineAt: followed.deadlineAt.toISOString(),
    };
  }

  /** The unit of the province containing the point; null outside it (or offshore). */
  private async unitAt(lat: number, lon: number): Promise<string | null> {
    const code = await this.opts.locator.locate(lon, lat);
    if (code === null) return null;
    const inProvince = await this.opts.units.selfAndDescendants(this.opts.provinceCode);
    return inProvince.includes(code) ? code : null;
  }

  private async unitName(code: string): Promise<string> {
    return (await this.opts.units.get(code))?.name ?? code;
  }
}
