import type { CitizenCaseView, CitizenCategoryView } from '@ioc/contracts';
import type { CitizenEventRecord } from '../repo/event.repository';
import type { CitizenPhotoRef } from '../repo/photo.repository';
import type { CitizenReportRecord } from '../repo/report-record';
import { isOverdue } from './case-state';

/** Names a view needs besides the record. */
export interface ViewNames {
  category(code: string): Pick<CitizenCategoryView, 'code' | 'nameVi' | 'nameEn' | 'icon'>;
  unit(code: string): string;
  office(id: string | null): string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A case as the handlers see it (staff only: it carries the reporter's name and phone). */
export function toCaseView(
  r: CitizenReportRecord,
  names: ViewNames,
  now: Date,
  photos: readonly CitizenPhotoRef[] = [],
  events: readonly CitizenEventRecord[] = [],
): CitizenCaseView {
  return {
    id: r.id,
    code: r.code,
    category: names.category(r.categoryCode),
    description: r.description,
    status: r.status,
    overdue: isOverdue(r, now),
    moderation: r.moderation,
    unitCode: r.unitCode,
    unitName: names.unit(r.unitCode),
    lat: r.lat,
    lon: r.lon,
    reporterName: r.reporterName,
    reporterPhone: r.reporterPhone,
    source: r.source,
    officeId: r.officeId,
    officeName: names.office(r.officeId),
    assignee: r.assignee,
    supporters: r.supporters,
    receivedAt: r.receivedAt.toISOString(),
    deadlineAt: r.deadlineAt.toISOString(),
    resolvedAt: iso(r.resolvedAt),
    resolutionNote: r.resolutionNote,
    rejectReason: r.rejectReason,
    rating: r.rating,
    ratingComment: r.ratingComment,
    ratedAt: iso(r.ratedAt),
    reopenCount: r.reopenCount,
    updatedAt: r.updatedAt.toISOString(),
    photos: photos.map((p) => ({ id: p.id, kind: p.kind })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      actor: e.actor,
      actorName: e.actorName,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      unitCode: e.unitCode,
      note: e.note,
      public: e.public,
    })),
  };
}
