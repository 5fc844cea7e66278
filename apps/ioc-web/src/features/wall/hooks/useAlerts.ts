import { useEffect, useMemo, useState } from 'react';
import { fetchActiveAlerts } from '../../../shared/api/endpoints';
import { parseAlert, type Listing, type WallAlert } from '../../../shared/api/schemas';
import { activeAlerts } from '../model/alertBoard';
import type { LiveFeed } from '../../../shared/live/liveFeed';
import type { PolledSnapshot } from '../model/polledResource';
import { usePolled } from './usePolled';

/** The socket pushes changes; the list is refetched anyway to repair anything missed. */
const ALERTS_REFRESH_MS = 30_000;

export interface AlertsState {
  alerts: WallAlert[];
  snapshot: PolledSnapshot<Listing<WallAlert>>;
  refresh: () => void;
}

/** Active alerts of the unit: REST list plus `alert` messages from the live socket. */
export function useAlerts(unitCode: string, feed: LiveFeed | null, kick?: unknown): AlertsState {
  const { snapshot, refresh } = usePolled<Listing<WallAlert>>(
    `alerts:${unitCode}`,
    {
      load: (signal) => fetchActiveAlerts(unitCode, signal),
      asOfOf: (l) => l.asOf,
      intervalMs: ALERTS_REFRESH_MS,
    },
    kick,
  );
  const [pushed, setPushed] = useState<ReadonlyMap<string, WallAlert>>(new Map());
  useEffect(() => {
    if (!feed) return undefined;
    return feed.subscribeAlerts((raw) => {
      const alert = parseAlert(raw);
      if (!alert) return;
      setPushed((m) => new Map(m).set(alert.id, alert));
    });
  }, [feed]);
  // Pushed alerts the list has caught up with are dropped, so the overlay stays small.
  const restAsOf = snapshot.asOf;
  useEffect(() => {
    if (restAsOf === null) return;
    const cut = Date.parse(restAsOf);
    setPushed((m) => {
      const kept = [...m].filter(([, a]) => Date.parse(a.updatedAt) > cut);
      return kept.length === m.size ? m : new Map(kept);
    });
  }, [restAsOf]);
  const rest = snapshot.data?.items;
  const alerts = useMemo(() => activeAlerts(rest ?? [], pushed), [rest, pushed]);
  return { alerts, snapshot, refresh };
}
