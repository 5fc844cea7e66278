import type { ReportMatrix } from '@ioc/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchReportMatrix } from '../../../shared/api/reports';

/** Reports change when people act; a minute keeps a shared screen honest between actions. */
const MATRIX_REFRESH_MS = 60_000;

export interface MatrixState {
  matrix: ReportMatrix | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** The reporting matrix of a unit for a period (null: the API's latest due period). */
export function useMatrix(unit: string | null, period: string | null): MatrixState {
  const [state, setState] = useState<Omit<MatrixState, 'reload'>>({
    matrix: null,
    error: null,
    loading: true,
  });
  const reloadRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    setState({ matrix: null, error: null, loading: true });
    let abort: AbortController | null = null;
    const load = async (): Promise<void> => {
      abort?.abort();
      const a = new AbortController();
      abort = a;
      setState((s) => ({ ...s, loading: true }));
      try {
        const matrix = await fetchReportMatrix(unit, period, a.signal);
        if (!a.signal.aborted) setState({ matrix, error: null, loading: false });
      } catch (error) {
        if (!a.signal.aborted) setState((s) => ({ ...s, error, loading: false }));
      }
    };
    reloadRef.current = () => void load();
    void load();
    const timer = setInterval(() => void load(), MATRIX_REFRESH_MS);
    return () => {
      abort?.abort();
      clearInterval(timer);
      reloadRef.current = () => undefined;
    };
  }, [unit, period]);
  const reload = useCallback(() => {
    reloadRef.current();
  }, []);
  return { ...state, reload };
}
