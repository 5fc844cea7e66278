import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { PolledResource, type PolledOptions, type PolledSnapshot } from '../model/polledResource';

const noopSubscribe = (): (() => void) => () => undefined;

export interface Polled<T> {
  snapshot: PolledSnapshot<T>;
  /** Refetch now (after an action changed the data). */
  refresh: () => void;
}

/**
 * A PolledResource for as long as the component is mounted; restarted when `key` changes
 * (e.g. another unit or ward). `options` is read when the resource starts.
 */
export function usePolled<T>(
  key: string | null,
  options: PolledOptions<T>,
  /** Refetch whenever this changes (e.g. the live link dropped or came back). */
  kick?: unknown,
): Polled<T> {
  const [resource, setResource] = useState<PolledResource<T> | null>(null);
  // Read at (re)start only; callers pass inline closures that would otherwise restart each render.
  const optionsRef = useRef(options);
  optionsRef.current = options;
  useEffect(() => {
    if (key === null) {
      setResource(null);
      return undefined;
    }
    const r = new PolledResource<T>({
      ...optionsRef.current,
      load: (signal) => optionsRef.current.load(signal),
    });
    r.start();
    setResource(r);
    return () => {
      r.stop();
    };
  }, [key]);
  const lastKick = useRef(kick);
  useEffect(() => {
    if (Object.is(lastKick.current, kick)) return;
    lastKick.current = kick;
    void resource?.refresh();
  }, [kick, resource]);
  const [idle] = useState<PolledSnapshot<T>>(() => ({
    data: null,
    asOf: null,
    lastOkAt: null,
    failures: 0,
    startedAt: Date.now(),
  }));
  const snapshot = useSyncExternalStore(
    resource ? resource.subscribe : noopSubscribe,
    resource ? resource.getSnapshot : () => idle,
  );
  return {
    snapshot,
    refresh: () => {
      void resource?.refresh();
    },
  };
}
