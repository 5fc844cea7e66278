import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type StoredSession } from '../api/session';

/** Roles that may work alerts (the API's `alerts.work` action); leaders watch, operators act. */
const ALERT_WORKERS = new Set(['admin', 'province_operator', 'ward_operator']);

export function useSession(): StoredSession | null {
  return useSyncExternalStore(subscribeSession, getSession);
}

export function canWorkAlerts(session: StoredSession | null): boolean {
  return session !== null && ALERT_WORKERS.has(session.role);
}
