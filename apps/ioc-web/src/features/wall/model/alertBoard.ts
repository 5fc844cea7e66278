import type { AlertSeverity } from '@ioc/contracts';
import type { WallAlert } from '../../../shared/api/schemas';

const ACTIVE = new Set(['open', 'acknowledged', 'in_progress']);
const RANK: Record<AlertSeverity, number> = { emergency: 0, critical: 1, warning: 2, info: 3 };

/** Worst first, then the newest; ties by id so rows do not swap places between refreshes. */
export function compareAlerts(a: WallAlert, b: WallAlert): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    Date.parse(b.openedAt) - Date.parse(a.openedAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function changedAt(a: WallAlert): number {
  return Date.parse(a.updatedAt);
}

/**
 * The active alerts a wall shows: the last REST list, overridden by alerts pushed over the
 * WebSocket since (newer `updatedAt` wins, so a late REST answer cannot undo an
 * acknowledgement the socket already delivered), without those no longer active.
 */
export function activeAlerts(
  rest: readonly WallAlert[],
  pushed: ReadonlyMap<string, WallAlert>,
): WallAlert[] {
  const byId = new Map<string, WallAlert>();
  for (const a of rest) byId.set(a.id, a);
  for (const [id, a] of pushed) {
    const known = byId.get(id);
    if (!known || changedAt(a) >= changedAt(known)) byId.set(id, a);
  }
  return [...byId.values()].filter((a) => ACTIVE.has(a.status)).sort(compareAlerts);
}

/** The map draws three marker levels; an emergency is drawn as critical. */
export function mapSeverity(s: AlertSeverity): 'info' | 'warning' | 'critical' {
  return s === 'emergency' ? 'critical' : s;
}
