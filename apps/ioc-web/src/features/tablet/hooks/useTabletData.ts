import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api/client';
import { readToken } from '../../../shared/api/session';
import { liveSocketUrl } from '../../../shared/live/liveFeed';
import { ReconnectingSocket } from '../../../shared/live/wsClient';
import { loadTabletData, type TabletData } from '../model/api';
import { applyReadings } from '../model/model';
import { loadSnapshot, saveSnapshot } from '../model/snapshot';

/** Full reload period; live readings and alert events arrive over the WebSocket in between. */
export const TABLET_REFRESH_MS = 60_000;
/** Alert and indicator events are bursty: reload once after they settle. */
const EVENT_RELOAD_DELAY_MS = 1_500;

export type TabletPhase = 'loading' | 'live' | 'offline' | 'error';
export type TabletErrorKind = 'forbidden' | 'notFound' | 'other';

export interface TabletState {
  phase: TabletPhase;
  /** What is on screen: the last successful load, or the stored snapshot. */
  data: TabletData | null;
  /** Client time the shown data was loaded (the snapshot's age). */
  savedAt: number | null;
  /** True when `data` came from the stored snapshot, not from this page's own load. */
  fromSnapshot: boolean;
  error: { kind: TabletErrorKind; message: string } | null;
  refreshing: boolean;
  /**
   * When a load after the page's first one succeeded (null until then). The sections that read
   * their own data (tasks, dossiers) reload with it; at the first load they were loading alongside.
   */
  reloadedAt: number | null;
}

/** Network down, API unreachable or overloaded: show the snapshot. Other failures are errors. */
export function classifyFailure(err: unknown): 'offline' | TabletErrorKind | 'signedOut' {
  if (err instanceof ApiError) {
    if (err.status === 401) return 'signedOut';
    if (err.status === 403) return 'forbidden';
    if (err.status === 404) return 'notFound';
    if (err.status >= 500) return 'offline';
    return 'other';
  }
  if (err instanceof TypeError) return 'offline'; // fetch: network error
  if (err instanceof DOMException && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return 'offline';
  if (typeof navigator !== 'undefined' && !navigator.onLine) return 'offline';
  return 'other';
}

function fromSnapshot(user: string, unit: string | null): TabletState {
  const snap = unit === null ? null : loadSnapshot(user, unit);
  return {
    phase: 'loading',
    data: snap?.data ?? null,
    savedAt: snap?.savedAt ?? null,
    fromSnapshot: snap !== null,
    error: null,
    refreshing: true,
    reloadedAt: null,
  };
}

/**
 * Loads a unit's scorecard, alerts and devices, reloads them every minute, applies live device
 * readings from the unit's WebSocket channel, and stores each successful load as the offline
 * snapshot. When the API cannot be reached the snapshot (or the last load) stays on screen
 * with phase `offline`.
 */
export function useTabletData(
  user: string,
  unit: string | null,
  year: number,
): TabletState & { refresh: () => void } {
  const [state, setState] = useState<TabletState>(() => fromSnapshot(user, unit));
  const reloadRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    setState(fromSnapshot(user, unit));
    if (unit === null) return;
    let stopped = false;
    let abort: AbortController | null = null;
    let eventTimer: ReturnType<typeof setTimeout> | null = null;
    // True until a load has ended: the first success is not a reload for the sections.
    let first = true;

    const load = async (): Promise<void> => {
      abort?.abort();
      const a = new AbortController();
      abort = a;
      setState((s) => (s.refreshing ? s : { ...s, refreshing: true }));
      try {
        const data = await loadTabletData(unit, year, a.signal);
        if (stopped || a.signal.aborted) return;
        saveSnapshot(user, data);
        const reloadedAt = first ? null : data.loadedAt;
        first = false;
        // A whole ward's page is a long render: as a transition React yields to input every few
        // milliseconds instead of blocking the main thread (Lighthouse's total blocking time).
        startTransition(() => {
          setState({
            phase: 'live',
            data,
            savedAt: data.loadedAt,
            fromSnapshot: false,
            error: null,
            refreshing: false,
            reloadedAt,
          });
        });
      } catch (err) {
        if (stopped || a.signal.aborted) return;
        first = false;
        const kind = classifyFailure(err);
        if (kind === 'signedOut') return; // the session was dropped; the page asks to sign in
        setState((s) => {
          if (kind === 'offline') {
            return { ...s, phase: 'offline', fromSnapshot: true, error: null, refreshing: false };
          }
          const message = err instanceof Error ? err.message : String(err);
          // Never keep showing a unit the server now refuses.
          const keep = kind === 'other' ? s : { ...s, data: null, savedAt: null };
          return { ...keep, phase: 'error', error: { kind, message }, refreshing: false };
        });
      }
    };
    reloadRef.current = () => void load();

    const reloadSoon = (): void => {
      if (eventTimer !== null) return;
      eventTimer = setTimeout(() => {
        eventTimer = null;
        void load();
      }, EVENT_RELOAD_DELAY_MS);
    };

    void load();
    const timer = setInterval(() => void load(), TABLET_REFRESH_MS);
    const onOnline = (): void => void load();
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') void load();
    };
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);

    const socket = new ReconnectingSocket({
      url: () => liveSocketUrl(window.location, readToken()),
      authToken: readToken,
      channels: [`unit:${unit}`],
      onMessage: (msg) => {
        if (msg.type === 'readings') {
          setState((s) => {
            if (s.data === null || s.phase !== 'live') return s;
            const devices = applyReadings(s.data.devices, msg.deltas);
            return devices === s.data.devices ? s : { ...s, data: { ...s.data, devices } };
          });
        } else if (msg.type === 'alert' || msg.type === 'indicator' || msg.type === 'task') {
          reloadSoon();
        }
      },
      onReconnected: () => void load(),
    });
    socket.start();

    return () => {
      stopped = true;
      abort?.abort();
      clearInterval(timer);
      if (eventTimer !== null) clearTimeout(eventTimer);
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      socket.stop();
      reloadRef.current = () => undefined;
    };
  }, [user, unit, year]);

  const refresh = useCallback(() => {
    reloadRef.current();
  }, []);
  return { ...state, refresh };
}
