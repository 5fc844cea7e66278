import { useEffect, useState, useSyncExternalStore } from 'react';
import { fetchDevices } from '../../../shared/api/endpoints';
import { readToken } from '../../../shared/api/session';
import { LiveFeed, liveSocketUrl, type LiveSnapshot } from '../../../shared/live/liveFeed';

const IDLE: LiveSnapshot = {
  phase: 'connecting',
  hasConnected: false,
  asOf: null,
  lastDataAt: null,
  startedAt: Date.now(),
  valueVersion: 0,
  structureVersion: 0,
  refused: null,
};

const noopSubscribe = (): (() => void) => () => undefined;

/** Starts a LiveFeed for the unit while mounted and re-renders on its changes. */
export function useLiveFeed(unitCode: string): { feed: LiveFeed | null; snapshot: LiveSnapshot } {
  const [feed, setFeed] = useState<LiveFeed | null>(null);
  useEffect(() => {
    const f = new LiveFeed({
      unitCode,
      fetchDevices,
      wsUrl: () => liveSocketUrl(window.location, readToken()),
      authToken: readToken,
    });
    f.start();
    setFeed(f);
    return () => {
      f.stop();
    };
  }, [unitCode]);
  const snapshot = useSyncExternalStore(
    feed ? feed.subscribe : noopSubscribe,
    feed ? feed.getSnapshot : () => IDLE,
  );
  return { feed, snapshot };
}
