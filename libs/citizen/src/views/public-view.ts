import type { CitizenPublicMapItem, CitizenPublicView } from '@ioc/contracts';
import { roundPublic } from '../intake/geo-distance';
import type { CitizenEventRecord } from '../repo/event.repository';
import type { CitizenPhotoRef } from '../repo/photo.repository';
import type { CitizenReportRecord } from '../repo/report-record';
import { isOverdue, reopenUntil } from './case-state';
import type { ViewNames } from './case-view';

// Public views are built field by field from an allow-list: the record's reporter name, phone,
// client key, source, app id and the handler's username are never read here, and positions are
// rounded to ~100 m. views/public-view.spec.ts serialises every view and looks for them.

/** A case as anyone holding its tracking code sees it. */
export function toPublicView(
  r: CitizenReportRecord,
  names: ViewNames,
  now: Date,
  photos: readonly CitizenPhotoRef[],
  events: readonly CitizenEventRecord[],
  reopenDays: number,
): CitizenPublicView {
  const until = reopenUntil(r, reopenDays);
  return {
    code: r.code,
    category: names.category(r.categoryCode),
    description: r.description,
    status: r.status,
    overdue: isOverdue(r, now),
    unitCode: r.unitCode,
    unitName: names.unit(r.unitCode),
    lat: roundPublic(r.lat),
    lon: roundPublic(r.lon),
    receivedAt: r.receivedAt.toISOString(),
    deadlineAt: r.deadlineAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolutionNote: r.resolutionNote,
    rejectReason: r.rejectReason,
    events: events
      .filter((e) => e.public)
      .map((e) => ({ kind: e.kind, at: e.at.toISOString(), status: e.toStatus, note: e.note })),
    photos: photos.map((p) => ({ id: p.id, kind: p.kind })),
    rating: r.rating,
    canRate: r.status === 'resolved' && r.rating === null,
    reopenUntil: until !== null && until.getTime() > now.getTime() ? until.toISOString() : null,
  };
}

/** A point of the public map: no code, no text, rounded position. */
export function toMapItem(r: CitizenReportRecord): CitizenPublicMapItem {
  return {
    category: r.categoryCode,
    status: r.status,
    unitCode: r.unitCode,
    lat: roundPublic(r.lat),
    lon: roundPublic(r.lon),
    receivedAt: r.receivedAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  };
}
