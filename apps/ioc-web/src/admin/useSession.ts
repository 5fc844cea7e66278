import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type StoredSession } from '../api/session';

/** The signed-in person's session; re-renders on sign-in, sign-out and a 401 that ends it. */
export function useSession(): StoredSession | null {
  return useSyncExternalStore(subscribeSession, getSession);
}
