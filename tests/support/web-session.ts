import type { TestPlatform } from './platform';
import type { StoredSession } from '../../apps/ioc-web/src/shared/api/session';

// What the web app keeps under `ioc.session` in localStorage: its own type, not a copy.
export type { StoredSession };

/** The stored session for a token, as the sign-in page would have saved it (for addInitScript). */
export async function storedSession(platform: TestPlatform, token: string): Promise<StoredSession> {
  const res = await fetch(`${platform.httpUrl}/api/v1/auth/me`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`/api/v1/auth/me answered ${res.status}`);
  const me = (await res.json()) as Record<string, unknown>;
  return {
    token,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    username: String(me['username']),
    displayName: String(me['displayName']),
    role: String(me['role']),
    units: (me['units'] as string[] | undefined) ?? [],
  };
}
