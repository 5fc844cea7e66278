import { reportMatrixResponse, type ReportAction, type ReportMatrix } from '@ioc/contracts';
import { apiGetBlob } from './client';
import { call, enc } from './call';

// The monthly reporting cycle (issue 13): the matrix of reporters × what they owe × state, the
// review steps, and the exports. Parsed with the contract's schemas.

export type { ReportAction };

/** Steps that must say why (the API refuses them without a reason). */
export const REASON_REQUIRED: ReadonlySet<ReportAction> = new Set(['return', 'reopen']);

function query(unit: string | null, period: string | null): string {
  const q = new URLSearchParams();
  if (unit !== null) q.set('unit', unit);
  if (period !== null) q.set('period', period);
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

export async function fetchReportMatrix(
  unit: string | null,
  period: string | null,
  signal?: AbortSignal,
): Promise<ReportMatrix> {
  // With the person's session (never a display token) and the admin error shape for the page.
  return reportMatrixResponse.parse(
    await call('GET', `/api/v1/reports/matrix${query(unit, period)}`, { signal }),
  );
}

export async function reportStep(
  periodId: string,
  action: ReportAction,
  reason: string | null,
): Promise<void> {
  await call('POST', `/api/v1/reports/periods/${enc(periodId)}/${action}`, {
    body: reason === null || reason.trim() === '' ? {} : { reason: reason.trim() },
  });
}

export type ExportFormat = 'xlsx' | 'json';

export function exportPath(format: ExportFormat, unit: string, period: string): string {
  return `/api/v1/reports/export.${format}${query(unit, period)}`;
}

/** An export's bytes (the bearer token rides in a header, so a plain link cannot fetch it). */
export function fetchExport(
  format: ExportFormat,
  unit: string,
  period: string,
  signal?: AbortSignal,
): Promise<Blob> {
  return apiGetBlob(exportPath(format, unit, period), signal);
}
