import { useState } from 'react';
import { fetchCitizenCases, type CitizenList } from '../../../shared/api/citizen';
import { useResource } from '../../../shared/api/useResource';
import { useCitizenPushes } from '../../../shared/citizen/useCitizenPushes';
import type { TabletErrorKind } from './useTabletData';
import { tabletFailure } from './useWardTasks';

/** Pushes keep the list current; the poll repairs what a dropped socket missed. */
const CITIZEN_REFRESH_MS = 2 * 60_000;

export interface WardCitizenState {
  list: CitizenList | null;
  error: TabletErrorKind | 'offline' | null;
  loading: boolean;
  /** Bumps on every pushed change: an open case reloads on it. */
  pushes: number;
  reload: () => void;
}

/** The unit's open citizen reports, reloaded on `citizen` pushes for the unit. */
export function useWardCitizenCases(unit: string | null): WardCitizenState {
  const [pushes, setPushes] = useState(0);
  const { data, error, loading, reload } = useResource(
    unit ?? '',
    (signal) => fetchCitizenCases({ unit: unit ?? '', status: 'open', limit: 200 }, signal),
    {
      classify: tabletFailure,
      // A failed refresh keeps the list on screen, marked by the error.
      drops: () => false,
      kick: pushes,
      refreshMs: CITIZEN_REFRESH_MS,
      enabled: unit !== null,
    },
  );
  useCitizenPushes(unit, () => {
    setPushes((n) => n + 1);
  });
  return { list: data, error: error?.kind ?? null, loading, pushes, reload };
}
