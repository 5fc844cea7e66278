import {
  citizenCaseViewSchema,
  citizenCategoryListResponse,
  citizenListResponse,
  citizenStatsResponse,
  officeListResponse,
  type CitizenCaseView,
  type CitizenCategoryView,
  type CitizenListResponse,
  type CitizenStatsResponse,
  type CitizenStatsRow,
  type CitizenStatus,
  type OfficeView,
} from '@ioc/contracts';
import { apiGet } from './client';
import { call, enc } from './call';

// Citizen reports (issue 14), staff side: the queue, one case, its photos and the handling
// steps, read with the page's token and changed with the person's session; every answer is
// parsed with the contract's schema.

export type CitizenCase = CitizenCaseView;
export type CitizenList = CitizenListResponse;
export type CitizenStats = CitizenStatsResponse;
export type CitizenWardStats = CitizenStatsRow;
export type CitizenCategory = CitizenCategoryView;
export type Office = OfficeView;

/** A status, or the two views of the open ones the API offers. */
export type CitizenStatusFilter = CitizenStatus | 'open' | 'overdue';

export interface CitizenListParams {
  unit: string;
  status?: CitizenStatusFilter | null;
  category?: string | null;
  q?: string | null;
  limit?: number;
  offset?: number;
}

export function citizenListPath(p: CitizenListParams): string {
  const q = new URLSearchParams({ unit: p.unit });
  if (p.status) q.set('status', p.status);
  if (p.category) q.set('category', p.category);
  if (p.q?.trim()) q.set('q', p.q.trim());
  if (p.limit !== undefined) q.set('limit', String(p.limit));
  if (p.offset !== undefined && p.offset > 0) q.set('offset', String(p.offset));
  return `/api/v1/citizen/reports?${q.toString()}`;
}

export async function fetchCitizenCases(
  p: CitizenListParams,
  signal?: AbortSignal,
): Promise<CitizenList> {
  return citizenListResponse.parse(await apiGet(citizenListPath(p), signal));
}

export async function fetchCitizenCase(id: string, signal?: AbortSignal): Promise<CitizenCase> {
  return citizenCaseViewSchema.parse(await apiGet(`/api/v1/citizen/reports/${enc(id)}`, signal));
}

/** On-time rate and satisfaction per ward of `unit` for a month (default: this month). */
export async function fetchCitizenStats(
  unit: string,
  month: string | null,
  signal?: AbortSignal,
): Promise<CitizenStats> {
  const q = new URLSearchParams({ unit });
  if (month !== null) q.set('month', month);
  return citizenStatsResponse.parse(await apiGet(`/api/v1/citizen/stats?${q.toString()}`, signal));
}

/** The categories with their names and icons (the public list: no account needed). */
export async function fetchCitizenCategories(signal?: AbortSignal): Promise<CitizenCategory[]> {
  const list = citizenCategoryListResponse.parse(
    await apiGet('/api/v1/public/citizen/categories', signal),
  );
  return list.items;
}

/** Offices a case may be assigned to: those of the unit (a ward's) or of the province. */
export async function fetchOffices(unit: string, signal?: AbortSignal): Promise<Office[]> {
  const list = officeListResponse.parse(await apiGet(`/api/v1/offices?unit=${enc(unit)}`, signal));
  return list.items.filter((o) => o.retiredAt === null);
}

/** A photo's address on the staff route (read with the bearer token: see useBlobUrl). */
export function citizenPhotoPath(caseId: string, photoId: string): string {
  return `/api/v1/citizen/reports/${enc(caseId)}/photos/${enc(photoId)}`;
}

// ---- handling steps (the person's session; the caller reloads the case) --------------------

export type CitizenStep =
  | { kind: 'assign'; officeId: string; assignee: string | null }
  | { kind: 'start' }
  | { kind: 'comment'; note: string }
  | { kind: 'resolve'; note: string; photos: readonly File[] }
  | { kind: 'reject'; reason: string }
  | { kind: 'transfer'; unitCode: string; reason: string }
  | { kind: 'spam'; spam: boolean; reason: string | null };

/** The multipart body of a resolution: the note, then the after-photos as `photo` files. */
export function resolveForm(note: string, photos: readonly File[]): FormData {
  const form = new FormData();
  form.set('note', note);
  for (const f of photos) form.append('photo', f, f.name);
  return form;
}

function stepBody(step: CitizenStep): unknown {
  switch (step.kind) {
    case 'assign':
      return step.assignee === null || step.assignee.trim() === ''
        ? { officeId: step.officeId }
        : { officeId: step.officeId, assignee: step.assignee.trim() };
    case 'start':
      return {};
    case 'comment':
      return { note: step.note };
    case 'resolve':
      return resolveForm(step.note, step.photos);
    case 'reject':
      return { reason: step.reason };
    case 'transfer':
      return { unitCode: step.unitCode, reason: step.reason };
    case 'spam':
      return step.reason === null || step.reason.trim() === ''
        ? { spam: step.spam }
        : { spam: step.spam, reason: step.reason.trim() };
  }
}

export async function postCitizenStep(id: string, step: CitizenStep): Promise<void> {
  await call('POST', `/api/v1/citizen/reports/${enc(id)}/${step.kind}`, { body: stepBody(step) });
}
