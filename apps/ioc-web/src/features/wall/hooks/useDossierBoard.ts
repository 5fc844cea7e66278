import type { DossierListResponse, DossierStatsResponse } from '@ioc/contracts';
import { fetchDossierStats, fetchOpenDossiers } from '../../../shared/api/dossiers';
import type { PolledSnapshot } from '../model/polledResource';
import { usePolled } from './usePolled';

/** Dossiers fall due by the hour and are synced every few minutes: polled, no pushes. */
export const DOSSIERS_REFRESH_MS = 2 * 60_000;
/** The open dossiers of a province in one page (the API's most); past it the counts say "≥". */
export const OPEN_DOSSIERS_LIMIT = 1_000;

export interface DossierSources {
  open: PolledSnapshot<DossierListResponse>;
  stats: PolledSnapshot<DossierStatsResponse>;
}

/** The wall's public-services source (issue 16): the unit's open dossiers and its rates. */
export function useDossierBoard(unitCode: string, kick: unknown, enabled: boolean): DossierSources {
  const open = usePolled<DossierListResponse>(
    enabled ? `dossiers-open:${unitCode}` : null,
    {
      load: (signal) => fetchOpenDossiers(unitCode, OPEN_DOSSIERS_LIMIT, signal),
      asOfOf: (l) => l.asOf,
      intervalMs: DOSSIERS_REFRESH_MS,
    },
    kick,
  );
  const stats = usePolled<DossierStatsResponse>(
    enabled ? `dossiers-stats:${unitCode}` : null,
    {
      load: (signal) => fetchDossierStats(unitCode, signal),
      asOfOf: (s) => s.asOf,
      intervalMs: DOSSIERS_REFRESH_MS,
    },
    kick,
  );
  return { open: open.snapshot, stats: stats.snapshot };
}
