import type { TaskDetail } from '@ioc/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchTask } from '../../../shared/api/tasks';
import { classifyFailure, type TabletErrorKind } from './useTabletData';

export interface TaskDetailState {
  task: TaskDetail | null;
  error: { kind: TabletErrorKind | 'offline'; message: string } | null;
  loading: boolean;
  reload: () => void;
}

/** One task with its updates; reloaded after a progress post. */
export function useTaskDetail(id: string): TaskDetailState {
  const [state, setState] = useState<Omit<TaskDetailState, 'reload'>>({
    task: null,
    error: null,
    loading: true,
  });
  const reloadRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    setState({ task: null, error: null, loading: true });
    let abort: AbortController | null = null;
    const load = async (): Promise<void> => {
      abort?.abort();
      const a = new AbortController();
      abort = a;
      setState((s) => ({ ...s, loading: true }));
      try {
        const task = await fetchTask(id, a.signal);
        if (!a.signal.aborted) setState({ task, error: null, loading: false });
      } catch (err) {
        if (a.signal.aborted) return;
        const kind = classifyFailure(err);
        if (kind === 'signedOut') return;
        const message = err instanceof Error ? err.message : String(err);
        // A refused task is never kept on screen.
        setState((s) => ({
          task: kind === 'forbidden' || kind === 'notFound' ? null : s.task,
          error: { kind, message },
          loading: false,
        }));
      }
    };
    reloadRef.current = () => void load();
    void load();
    return () => {
      abort?.abort();
      reloadRef.current = () => undefined;
    };
  }, [id]);

  const reload = useCallback(() => {
    reloadRef.current();
  }, []);
  return { ...state, reload };
}
