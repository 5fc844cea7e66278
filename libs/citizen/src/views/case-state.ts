import { CITIZEN_OPEN_STATUSES, type CitizenChanged, type CitizenStatus } from '@ioc/contracts';
import type { CitizenReportRecord } from '../repo/report-record';

const OPEN = new Set<CitizenStatus>(CITIZEN_OPEN_STATUSES);

export function isOpen(status: CitizenStatus): boolean {
  return OPEN.has(status);
}

/** Open, counted (not spam, not a duplicate) and past its deadline at `now`. */
export function isOverdue(r: CitizenReportRecord, now: Date): boolean {
  return (
    isOpen(r.status) &&
    r.moderation === 'ok' &&
    r.duplicateOf === null &&
    r.deadlineAt.getTime() < now.getTime()
  );
}

/** The resident may reopen a resolved case until then; null when not resolved. */
export function reopenUntil(r: CitizenReportRecord, reopenDays: number): Date | null {
  if (r.status !== 'resolved' || r.resolvedAt === null) return null;
  return new Date(r.resolvedAt.getTime() + reopenDays * 24 * 3600 * 1000);
}

/** What the live side sends after a committed change (WS `citizen`). */
export function toChanged(r: CitizenReportRecord, now: Date): CitizenChanged {
  return {
    caseId: r.id,
    code: r.code,
    unitCode: r.unitCode,
    status: r.status,
    overdue: isOverdue(r, now),
    moderation: r.moderation,
    updatedAt: r.updatedAt.toISOString(),
    lat: r.lat,
    lon: r.lon,
  };
}
