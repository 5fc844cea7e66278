import type { Browser, BrowserContext } from 'playwright-core';
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

/**
 * A browser context signed in as `token`'s user in `lang`, as if they had used the sign-in
 * page: the stored session is in localStorage before any page script runs.
 */
export async function signedInContext(
  browser: Browser,
  platform: TestPlatform,
  token: string,
  opts: { lang: 'vi' | 'en'; viewport: { width: number; height: number } },
): Promise<BrowserContext> {
  const session = await storedSession(platform, token);
  const context = await browser.newContext({ viewport: opts.viewport });
  await context.addInitScript(
    ([s, lang]: [string, string]) => {
      window.localStorage.setItem('ioc.session', s);
      window.localStorage.setItem('ioc.lang', lang);
    },
    [JSON.stringify(session), opts.lang] as [string, string],
  );
  return context;
}
