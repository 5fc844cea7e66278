import {
  CITIZEN_STATUSES,
  DomainError,
  type CitizenCaseView,
  type CitizenListQuery,
  type CitizenListResponse,
  type CitizenPublicView,
  type CitizenStatus,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { CitizenOffices, CitizenUnits } from '../ports';
import { CategoryRepository } from '../repo/category.repository';
import { EventRepository } from '../repo/event.repository';
import { PhotoRepository } from '../repo/photo.repository';
import type { ReportFilter } from '../repo/report-filter';
import type { CitizenReportRecord } from '../repo/report-record';
import { ReportRepository } from '../repo/report.repository';
import { toCaseView } from '../views/case-view';
import { toPublicView } from '../views/public-view';
import { loadViewNames } from './view-names';

/** Reads of cases for staff and residents, shared by the case and public services. */
export class CaseReader {
  readonly reports: ReportRepository;
  readonly photos: PhotoRepository;
  readonly events: EventRepository;
  readonly categories: CategoryRepository;

  constructor(
    db: Queryable,
    private readonly units: CitizenUnits,
    private readonly offices: CitizenOffices | null,
  ) {
    this.reports = new ReportRepository(db);
    this.photos = new PhotoRepository(db);
    this.events = new EventRepository(db);
    this.categories = new CategoryRepository(db);
  }

  /** A case by id; duplicates are not cases (404), whatever their id. */
  async record(id: string): Promise<CitizenReportRecord> {
    const r = await this.reports.byId(id);
    if (!r || r.duplicateOf !== null) throw notFound();
    return r;
  }

  /** A case by tracking code (as a resident types it). */
  async byCode(code: string): Promise<CitizenReportRecord> {
    const r = await this.reports.byCode(code);
    if (!r || r.duplicateOf !== null || r.moderation === 'spam') throw notFound();
    return r;
  }

  async list(q: CitizenListQuery, now: Date): Promise<CitizenListResponse> {
    const filter: ReportFilter = {
      units: q.unit === undefined ? null : await this.units.selfAndDescendants(q.unit),
      status: q.status,
      category: q.category,
      q: q.q,
      spam: q.spam === 'true',
      now,
    };
    const rows = await this.reports.list(filter, q.limit, q.offset);
    const counts = await this.reports.counts(filter);
    const names = await loadViewNames(
      this.categories,
      this.units,
      this.offices,
      rows.map((r) => r.unitCode),
      rows.map((r) => r.officeId),
    );
    const items = [];
    for (const r of rows) items.push(toCaseView(r, names, now, await this.photos.refs(r.id)));
    return {
      items,
      total: await this.reports.count(filter),
      counts: {
        byStatus: Object.fromEntries(
          CITIZEN_STATUSES.map((s) => [s, counts.byStatus.get(s) ?? 0]),
        ) as Record<CitizenStatus, number>,
        overdue: counts.overdue,
      },
      asOf: now.toISOString(),
    };
  }

  async caseView(r: CitizenReportRecord, now: Date): Promise<CitizenCaseView> {
    const names = await loadViewNames(
      this.categories,
      this.units,
      this.offices,
      [r.unitCode],
      [r.officeId],
    );
    return toCaseView(
      r,
      names,
      now,
      await this.photos.refs(r.id),
      await this.events.ofReport(r.id),
    );
  }

  async publicView(
    r: CitizenReportRecord,
    now: Date,
    reopenDays: number,
  ): Promise<CitizenPublicView> {
    const names = await loadViewNames(this.categories, this.units, null, [r.unitCode], []);
    return toPublicView(
      r,
      names,
      now,
      await this.photos.refs(r.id),
      await this.events.ofReport(r.id, true),
      reopenDays,
    );
  }

  async photo(
    r: CitizenReportRecord,
    photoId: string,
  ): Promise<{ contentType: string; data: Buffer }> {
    const p = await this.photos.get(r.id, photoId);
    if (!p) throw new DomainError('not_found', 'CITIZEN_PHOTO_NOT_FOUND', 'Không có ảnh này');
    return p;
  }
}

export function notFound(): DomainError {
  return new DomainError('not_found', 'CITIZEN_REPORT_NOT_FOUND', 'Không tìm thấy phản ánh');
}
