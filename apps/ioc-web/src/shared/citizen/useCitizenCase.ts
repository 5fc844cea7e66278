import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { fetchCitizenCase, type CitizenCase } from '../api/citizen';

export type CaseLoadError = 'forbidden' | 'notFound' | 'other';

export interface CitizenCaseState {
  kase: CitizenCase | null;
  error: { kind: CaseLoadError; message: string } | null;
  loading: boolean;
  reload: () => void;
}

function kindOf(err: unknown): CaseLoadError {
  if (err instanceof ApiError && err.status === 403) return 'forbidden';
  if (err instanceof ApiError && err.status === 404) return 'notFound';
  return 'other';
}

/** One case with its full history; `kick` changing (a push, a step) reloads it. */
export function useCitizenCase(id: string, kick: unknown): CitizenCaseState {
  const [state, setState] = useState<Omit<CitizenCaseState, 'reload'>>({
    kase: null,
    error: null,
    loading: true,
  });
  const reloadRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    setState({ kase: null, error: null, loading: true });
    let abort: AbortController | null = null;
    const load = async (): Promise<void> => {
      abort?.abort();
      const a = new AbortController();
      abort = a;
      setState((s) => ({ ...s, loading: true }));
      try {
        const kase = await fetchCitizenCase(id, a.signal);
        if (!a.signal.aborted) setState({ kase, error: null, loading: false });
      } catch (err) {
        if (a.signal.aborted) return;
        const kind = kindOf(err);
        const message = err instanceof Error ? err.message : String(err);
        // A refused case is never kept on screen.
        setState((s) => ({
          kase: kind === 'other' ? s.kase : null,
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
