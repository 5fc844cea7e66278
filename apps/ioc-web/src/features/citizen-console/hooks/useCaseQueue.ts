import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchCitizenCases, type CitizenList } from '../../../shared/api/citizen';
import { useCitizenPushes } from '../../../shared/citizen/useCitizenPushes';
import type { QueueFilters } from '../model/filters';

/** Pushes keep the queue current; the poll repairs anything a dropped socket missed. */
const QUEUE_REFRESH_MS = 2 * 60_000;
const QUEUE_LIMIT = 200;

export interface CaseQueueState {
  list: CitizenList | null;
  error: unknown;
  loading: boolean;
  /** Bumps on every pushed change: an open case reloads on it. */
  pushes: number;
  reload: () => void;
}

/** The queue of `unit` under the filters, reloaded on `citizen` pushes for that unit. */
export function useCaseQueue(unit: string, filters: QueueFilters): CaseQueueState {
  const [state, setState] = useState<Omit<CaseQueueState, 'reload' | 'pushes'>>({
    list: null,
    error: null,
    loading: true,
  });
  const [pushes, setPushes] = useState(0);
  const reloadRef = useRef<() => void>(() => undefined);
  const { status, category, q } = filters;

  useEffect(() => {
    setState({ list: null, error: null, loading: true });
    let abort: AbortController | null = null;
    const load = async (): Promise<void> => {
      abort?.abort();
      const a = new AbortController();
      abort = a;
      setState((s) => ({ ...s, loading: true }));
      try {
        const list = await fetchCitizenCases(
          { unit, status, category, q, limit: QUEUE_LIMIT },
          a.signal,
        );
        if (!a.signal.aborted) setState({ list, error: null, loading: false });
      } catch (error) {
        if (!a.signal.aborted) setState((s) => ({ ...s, error, loading: false }));
      }
    };
    reloadRef.current = () => void load();
    void load();
    const timer = setInterval(() => void load(), QUEUE_REFRESH_MS);
    return () => {
      abort?.abort();
      clearInterval(timer);
      reloadRef.current = () => undefined;
    };
  }, [unit, status, category, q]);

  useCitizenPushes(unit, () => {
    setPushes((n) => n + 1);
    reloadRef.current();
  });

  const reload = useCallback(() => {
    reloadRef.current();
  }, []);
  return { ...state, pushes, reload };
}
