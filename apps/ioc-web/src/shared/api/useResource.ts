import { startTransition, useCallback, useEffect, useRef, useState } from 'react';

export interface ResourceState<T, K extends string> {
  data: T | null;
  error: { kind: K; message: string } | null;
  loading: boolean;
  reload: () => void;
}

export interface ResourceOptions<K extends string> {
  /** The kind of a failure, or null to leave the state as it is (e.g. signed out: the app redirects). */
  classify: (err: unknown) => K | null;
  /** Failures after which what was shown must go (refused, gone): never keep it on screen. */
  drops: (kind: K) => boolean;
  /** A value that reloads the resource whenever it changes (a push, a step just taken). */
  kick?: unknown;
  /** Reload this often as well (repairs what a dropped push missed). */
  refreshMs?: number;
  /** False: nothing to load yet (e.g. no unit chosen); the state stays loading. */
  enabled?: boolean;
}

/**
 * One resource fetched by key: loaded when the key changes (the previous request aborted),
 * reloaded on `reload()` or a new `kick`, with the failure classified for the page to explain.
 */
export function useResource<T, K extends string>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  options: ResourceOptions<K>,
): ResourceState<T, K> {
  const [state, setState] = useState<Omit<ResourceState<T, K>, 'reload'>>({
    data: null,
    error: null,
    loading: true,
  });
  // The latest functions, so a caller's inline arrows do not restart the load on every render.
  const latest = useRef({ load, options });
  latest.current = { load, options };
  const reloadRef = useRef<() => void>(() => undefined);

  const enabled = options.enabled ?? true;
  const refreshMs = options.refreshMs;
  useEffect(() => {
    setState({ data: null, error: null, loading: true });
    if (!enabled) return undefined;
    let abort: AbortController | null = null;
    const run = async (): Promise<void> => {
      abort?.abort();
      const a = new AbortController();
      abort = a;
      setState((s) => ({ ...s, loading: true }));
      try {
        const data = await latest.current.load(a.signal);
        // What arrived is shown as a transition: a long list renders in slices that yield to
        // input instead of blocking the main thread.
        if (!a.signal.aborted) {
          startTransition(() => {
            setState({ data, error: null, loading: false });
          });
        }
      } catch (err) {
        if (a.signal.aborted) return;
        const kind = latest.current.options.classify(err);
        if (kind === null) return;
        const message = err instanceof Error ? err.message : String(err);
        const drop = latest.current.options.drops(kind);
        setState((s) => ({ data: drop ? null : s.data, error: { kind, message }, loading: false }));
      }
    };
    reloadRef.current = () => void run();
    void run();
    const timer = refreshMs === undefined ? undefined : setInterval(() => void run(), refreshMs);
    return () => {
      abort?.abort();
      clearInterval(timer);
      reloadRef.current = () => undefined;
    };
  }, [key, enabled, refreshMs]);

  const lastKick = useRef(options.kick);
  useEffect(() => {
    if (Object.is(lastKick.current, options.kick)) return;
    lastKick.current = options.kick;
    reloadRef.current();
  }, [options.kick]);

  const reload = useCallback(() => {
    reloadRef.current();
  }, []);
  return { ...state, reload };
}
