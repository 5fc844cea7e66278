import { displayParams } from './urlParams';

/**
 * The signed-in user's session token (from `POST /api/v1/auth/login`), kept in localStorage so
 * a tablet or admin browser stays signed in across reloads. Walls use a display token from
 * their URL instead; when both exist the display token wins for reads (the wall's scope) and the
 * session is used for actions such as acknowledging an alert.
 */
const STORAGE_KEY = 'ioc.session';

export interface StoredSession {
  token: string;
  expiresAt: string;
  username: string;
  displayName: string;
  role: string;
  units: string[];
}

const listeners = new Set<() => void>();
let cached: StoredSession | null | undefined;

function read(): StoredSession | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as StoredSession;
    if (typeof s.token !== 'string' || Date.parse(s.expiresAt) <= Date.now()) return null;
    return s;
  } catch {
    return null;
  }
}

export function getSession(): StoredSession | null {
  cached ??= read();
  return cached;
}

export function setSession(session: StoredSession | null): void {
  cached = session;
  try {
    if (session) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode without storage: the session lives for this page only.
  }
  for (const l of listeners) l();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Token for reads: the display token of a wall URL, else the signed-in session. */
export function readToken(): string | null {
  return displayParams().token ?? getSession()?.token ?? null;
}

/** Token for actions: only a person's session may change anything. */
export function actionToken(): string | null {
  return getSession()?.token ?? null;
}
