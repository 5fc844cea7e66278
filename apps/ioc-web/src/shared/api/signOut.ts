import { setSession } from './session';
import { logout } from './authEndpoints';

let signingOut = false;

/** True once sign-out started: pages must not send the browser to /login?next=… meanwhile. */
export function isSigningOut(): boolean {
  return signingOut;
}

/** Ends the session on the server (best effort) and here, then opens the sign-in page. */
export async function signOut(): Promise<void> {
  signingOut = true;
  // An already expired session answers 401: the local sign-out still happens.
  await logout().catch(() => undefined);
  setSession(null);
  window.location.assign('/login');
}
