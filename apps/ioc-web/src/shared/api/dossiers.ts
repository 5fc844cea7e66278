import {
  dossierListResponse,
  dossierStatsResponse,
  type DossierListResponse,
  type DossierStatsResponse,
} from '@ioc/contracts';
import { apiGet } from './client';

// Public-service dossiers (issue 16) as the wall reads them with its display token; parsed with
// the contract's schemas.

export async function fetchOpenDossiers(
  unit: string,
  limit: number,
  signal?: AbortSignal,
): Promise<DossierListResponse> {
  const q = new URLSearchParams({ unit, state: 'open', limit: String(limit) });
  return dossierListResponse.parse(await apiGet(`/api/v1/dossiers?${q.toString()}`, signal));
}

export async function fetchDossierStats(
  unit: string,
  signal?: AbortSignal,
): Promise<DossierStatsResponse> {
  const q = new URLSearchParams({ unit });
  return dossierStatsResponse.parse(await apiGet(`/api/v1/dossiers/stats?${q.toString()}`, signal));
}
