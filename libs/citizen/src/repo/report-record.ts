import type { CitizenModeration, CitizenStatus } from '@ioc/contracts';

/** A citizen_report row as the lib reads it. */
export interface CitizenReportRecord {
  id: string;
  code: string;
  categoryCode: string;
  description: string;
  lat: number;
  lon: number;
  unitCode: string;
  status: CitizenStatus;
  moderation: CitizenModeration;
  duplicateOf: string | null;
  supporters: number;
  reporterName: string | null;
  reporterPhone: string | null;
  clientKey: string;
  source: string;
  externalId: string | null;
  officeId: string | null;
  assignee: string | null;
  receivedAt: Date;
  deadlineAt: Date;
  resolvedAt: Date | null;
  resolutionNote: string | null;
  rejectReason: string | null;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: Date | null;
  reopenCount: number;
  updatedAt: Date;
}

/** The columns of a record, named as the record's fields. */
export const REPORT_COLUMNS = `id::text AS id, code, category_code AS "categoryCode", description, lat, lon,
  unit_code AS "unitCode", status, moderation, duplicate_of::text AS "duplicateOf", supporters,
  reporter_name AS "reporterName", reporter_phone AS "reporterPhone", client_key AS "clientKey",
  source, external_id AS "externalId", office_id AS "officeId", assignee,
  received_at AS "receivedAt", deadline_at AS "deadlineAt", resolved_at AS "resolvedAt",
  resolution_note AS "resolutionNote", reject_reason AS "rejectReason", rating,
  rating_comment AS "ratingComment", rated_at AS "ratedAt", reopen_count AS "reopenCount",
  updated_at AS "updatedAt"`;

/** Fields a workflow step may change (the rest is fixed at intake). */
export interface ReportPatch {
  unitCode?: string;
  status?: CitizenStatus;
  moderation?: CitizenModeration;
  officeId?: string | null;
  assignee?: string | null;
  deadlineAt?: Date;
  resolvedAt?: Date | null;
  resolutionNote?: string | null;
  rejectReason?: string | null;
  rating?: number | null;
  ratingComment?: string | null;
  ratedAt?: Date | null;
  reopenCount?: number;
}

export const PATCH_COLUMNS: Record<keyof ReportPatch, string> = {
  unitCode: 'unit_code',
  status: 'status',
  moderation: 'moderation',
  officeId: 'office_id',
  assignee: 'assignee',
  deadlineAt: 'deadline_at',
  resolvedAt: 'resolved_at',
  resolutionNote: 'resolution_note',
  rejectReason: 'reject_reason',
  rating: 'rating',
  ratingComment: 'rating_comment',
  ratedAt: 'rated_at',
  reopenCount: 'reopen_count',
};

/** Open = still being handled: in the queue, counted for deadlines and alerts. */
export const OPEN_SQL = `status IN ('received', 'assigned', 'in_progress')`;
/** A case (not a linked duplicate) that is not spam. */
export const COUNTED_SQL = `duplicate_of IS NULL AND moderation = 'ok'`;
