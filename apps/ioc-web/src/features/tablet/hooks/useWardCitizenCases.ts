import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchCitizenCases, type CitizenList } from '../../../shared/api/citizen';
import { useCitizenPushes } from '../../../shared/citizen/useCitizenPushes';
import { classifyFailure, type TabletErrorKind } from './useTabletData';

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
  const [state, setState] = useState<Omit<WardCitizenState, 'reload' | 'pushes'>>({
    list: null,
    error: null,
    loading: true,
  });
  const [pushes, setPushes] = useState(0);
  const reloadRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    setState({ list: null, error: null, loading: true });
    if (unit === null) return undefined;
    let abort: AbortController | null = null;
    const load = async (): Promise<void> => {
      abort?.abort();
      const a = new AbortController();
      abort = a;
      try {
        const list = await fetchCitizenCases({ unit, status: 'open', limit: 200 }, a.signal);
        if (!a.signal.aborted) setState({ list, error: null, loading: false });
      } catch (err) {
        if (a.signal.aborted) return;
        const kind = classifyFailure(err);
        if (kind === 'signedOut') return;
        setState((s) => ({ ...s, error: kind, loading: false }));
      }
    };
    reloadRef.current = () => void load();
    void load();
    const timer = setInterval(() => void load(), CITIZEN_REFRESH_MS);
    return () => {
      abort?.abort();
      clearInterval(timer);
      reloadRef.current = () => undefined;
    };
  }, [unit]);

  useCitizenPushes(unit, () => {
    setPushes((n) => n + 1);
    reloadRef.current();
  });

  const reload = useCallback(() => {
    reloadRef.current();
  }, []);
  return { ...state, pushes, reload };
}
