import type { StoredSession } from './session';
import type { OpenedSession } from './adminSchemas';

/**
 * Where `?next=` may send the browser after sign-in: a path on this site only. Anything that
 * could leave it (`//evil`, `https://…`, `/\evil`, control characters) is refused.
 */
export function safeNext(next: string | null): string | null {
  if (next === null || next === '') return null;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  for (let i = 0; i < next.length; i++) {
    const c = next.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x5c) return null;
  }
  try {
    const url = new URL(next, 'http://same.origin');
    if (url.origin !== 'http://same.origin') return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** The page a role starts on: admins administer, ward people use the tablet, the rest the wall. */
export function homeForRole(role: string): string {
  if (role === 'admin') return '/admin';
  if (role.startsWith('ward_')) return '/tablet';
  return '/wall';
}

export function storedSessionOf(opened: OpenedSession): StoredSession {
  return {
    token: opened.token,
    expiresAt: opened.expiresAt,
    username: opened.user.username,
    displayName: opened.user.displayName,
    role: opened.user.role,
    units: opened.user.units,
  };
}

/** The sign-in address that brings the reader back here afterwards. */
export function loginPathFor(pathname: string, search = ''): string {
  return `/login?next=${encodeURIComponent(`${pathname}${search}`)}`;
}

/** Full-page navigation target for a path that may carry its own query (`/wall?token=`). */
export function splitPath(path: string): { pathname: string; search: string } {
  const i = path.search(/[?#]/);
  return i < 0
    ? { pathname: path, search: '' }
    : { pathname: path.slice(0, i), search: path.slice(i) };
}
