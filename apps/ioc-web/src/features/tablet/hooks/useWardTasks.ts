import type { TaskListResponse } from '@ioc/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchTasks } from '../../../shared/api/tasks';
import { classifyFailure, type TabletErrorKind } from './useTabletData';

/** Tasks change a few times a day; the list reloads with the page's own refresh too. */
const TASKS_REFRESH_MS = 60_000;

export interface WardTasksState {
  list: TaskListResponse | null;
  error: TabletErrorKind | 'offline' | null;
  loading: boolean;
  reload: () => void;
}

/** The unit's plan tasks (led by it or a unit below it), reloaded every minute. */
export function useWardTasks(unit: string | null, kick: unknown): WardTasksState {
  const [state, setState] = useState<Omit<WardTasksState, 'reload'>>({
    list: null,
    error: null,
    loading: true,
  });
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
        const list = await fetchTasks({ unit, limit: 500 }, a.signal);
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
    const timer = setInterval(() => void load(), TASKS_REFRESH_MS);
    return () => {
      abort?.abort();
      clearInterval(timer);
      reloadRef.current = () => undefined;
    };
  }, [unit]);

  const lastKick = useRef(kick);
  useEffect(() => {
    if (Object.is(lastKick.current, kick)) return;
    lastKick.current = kick;
    reloadRef.current();
  }, [kick]);

  const reload = useCallback(() => {
    reloadRef.current();
  }, []);
  return { ...state, reload };
}
