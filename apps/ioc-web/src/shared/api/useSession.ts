import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type StoredSession } from './session';

/** Roles that may work alerts (the API's `alerts.work` action); leaders watch, operators act. */
const ALERT_WORKERS = new Set(['admin', 'province_operator', 'ward_operator']);

/** The signed-in person's session; re-renders on sign-in, sign-out and a 401 that ends it. */
export function useSession(): StoredSession | null {
  return useSyncExternalStore(subscribeSession, getSession);
}

export function canWorkAlerts(session: StoredSession | null): boolean {
  return session !== null && ALERT_WORKERS.has(session.role);
}
