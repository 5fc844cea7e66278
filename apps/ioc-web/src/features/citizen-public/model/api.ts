import {
  citizenCategoryListResponse,
  citizenLocateResponse,
  citizenPublicMapResponse,
  citizenPublicViewSchema,
  citizenRateBody,
  citizenReopenBody,
  citizenSubmitResponse,
  type CitizenCategoryView,
  type CitizenPublicMapItem,
  type CitizenPublicView,
  type CitizenSubmitResponse,
} from '@ioc/contracts';
import { call, enc } from '../../../shared/api/call';
import { parseWardMap, type WardFeature } from '../../../shared/api/schemas';

// The residents' pages call the public citizen API without any credential (`token: null`):
// no session is read, none is sent, and a 401 can never sign anybody out. Answers are parsed
// with the contract's schemas.

const BASE = '/api/v1/public/citizen';
const PUBLIC = { token: null } as const;

export type Category = CitizenCategoryView;
export type SubmitAnswer = CitizenSubmitResponse;
export type TrackedCase = CitizenPublicView;
export type MapPoint = CitizenPublicMapItem;
export type PointWard = { inside: boolean; unitCode: string | null; unitName: string | null };

export function photoUrl(code: string, photoId: string): string {
  return `${BASE}/reports/${enc(code)}/photos/${enc(photoId)}`;
}

/** The categories a resident may choose (inactive ones are kept for old cases only). */
export async function fetchCategories(signal?: AbortSignal): Promise<Category[]> {
  const body = citizenCategoryListResponse.parse(
    await call('GET', `${BASE}/categories`, { ...PUBLIC, signal }),
  );
  return body.items.filter((c) => c.active);
}

/** The province's ward boundaries for the picking map (public, simplified). */
export async function fetchWards(signal?: AbortSignal): Promise<WardFeature[]> {
  return parseWardMap(await call('GET', `${BASE}/wards?band=low`, { ...PUBLIC, signal }));
}

/** Which ward a point is in, as the API will decide it on submission. */
export async function locatePoint(
  p: { lat: number; lon: number },
  signal?: AbortSignal,
): Promise<PointWard> {
  const q = new URLSearchParams({ lat: String(p.lat), lon: String(p.lon) });
  return citizenLocateResponse.parse(
    await call('GET', `${BASE}/locate?${q.toString()}`, { ...PUBLIC, signal }),
  );
}

export async function submitReport(form: FormData): Promise<SubmitAnswer> {
  return citizenSubmitResponse.parse(
    await call('POST', `${BASE}/reports`, { ...PUBLIC, body: form }),
  );
}

export async function fetchTrackedCase(code: string, signal?: AbortSignal): Promise<TrackedCase> {
  return citizenPublicViewSchema.parse(
    await call('GET', `${BASE}/reports/${enc(code)}`, { ...PUBLIC, signal }),
  );
}

export async function rateCase(code: string, rating: number, comment: string): Promise<void> {
  const body = citizenRateBody.parse({
    rating,
    ...(comment.trim() === '' ? {} : { comment }),
  });
  await call('POST', `${BASE}/reports/${enc(code)}/rating`, { ...PUBLIC, body });
}

export async function reopenCase(code: string, reason: string): Promise<void> {
  const body = citizenReopenBody.parse({ reason });
  await call('POST', `${BASE}/reports/${enc(code)}/reopen`, { ...PUBLIC, body });
}

/** Resolved cases at rounded positions (the API's default view of the public map). */
export async function fetchResolvedMap(
  signal?: AbortSignal,
): Promise<{ items: MapPoint[]; asOf: string }> {
  return citizenPublicMapResponse.parse(await call('GET', `${BASE}/map`, { ...PUBLIC, signal }));
}
