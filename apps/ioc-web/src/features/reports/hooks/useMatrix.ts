import type { ReportMatrix } from '@ioc/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchReportMatrix } from '../../../shared/api/reports';
import { readToken } from '../../../shared/api/session';
import { liveSocketUrl } from '../../../shared/live/liveFeed';
import { ReconnectingSocket } from '../../../shared/live/wsClient';

/** Report changes are pushed (`report` messages); the poll repairs anything a drop missed. */
const MATRIX_REFRESH_MS = 5 * 60_000;
/** A burst of pushes (a reminder run marking many reports late) costs one reload. */
const PUSH_SETTLE_MS = 1_000;

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
    let pushTimer: ReturnType<typeof setTimeout> | null = null;
    // Report states of the unit and the units below it arrive on its channel (libs/live).
    const socket =
      unit === null
        ? null
        : new ReconnectingSocket({
            url: () => liveSocketUrl(window.location, readToken()),
            authToken: readToken,
            channels: [`unit:${unit}`],
            onMessage: (msg) => {
              if (msg.type !== 'report' || pushTimer !== null) return;
              pushTimer = setTimeout(() => {
                pushTimer = null;
                void load();
              }, PUSH_SETTLE_MS);
            },
            onReconnected: () => void load(),
          });
    socket?.start();
    return () => {
      abort?.abort();
      clearInterval(timer);
      if (pushTimer !== null) clearTimeout(pushTimer);
      socket?.stop();
      reloadRef.current = () => undefined;
    };
  }, [unit, period]);
  const reload = useCallback(() => {
    reloadRef.current();
  }, []);
  return { ...state, reload };
}
