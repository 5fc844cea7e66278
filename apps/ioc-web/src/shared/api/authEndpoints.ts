import { call } from './call';
import {
  openedSessionSchema as openedSession,
  setupStatusSchema as setupStatus,
} from '@ioc/contracts';

// Sign-in and first-run setup: used by the sign-in page, and sign-out by every signed-in page.

export async function login(username: string, password: string) {
  const body = await call('POST', '/api/v1/auth/login', {
    body: { username, password },
    token: null,
  });
  return openedSession.parse(body);
}

export async function fetchSetupStatus(signal?: AbortSignal) {
  return setupStatus.parse(
    await call('GET', '/api/v1/auth/setup', { token: null, ...(signal ? { signal } : {}) }),
  );
}

export async function completeSetup(input: {
  setupToken: string;
  username: string;
  password: string;
  displayName?: string;
}) {
  return openedSession.parse(
    await call('POST', '/api/v1/auth/setup', { body: input, token: null }),
  );
}

export async function logout(): Promise<void> {
  await call('POST', '/api/v1/auth/logout');
}
