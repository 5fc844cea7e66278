import { useResource } from '../../../shared/api/useResource';
import { fetchDueDossiers } from '../model/dossiers';
import { tabletFailure } from './useWardTasks';

/** Dossiers fall due by the hour: the list reloads every five minutes and with the page. */
const DOSSIERS_REFRESH_MS = 5 * 60_000;

/** The unit's public-service dossiers that are overdue or due within 24 hours. */
export function useWardDossiers(unit: string | null, kick: unknown) {
  return useResource(unit ?? '', (signal) => fetchDueDossiers(unit ?? '', signal), {
    classify: tabletFailure,
    drops: () => false,
    kick,
    refreshMs: DOSSIERS_REFRESH_MS,
    enabled: unit !== null,
  });
}
