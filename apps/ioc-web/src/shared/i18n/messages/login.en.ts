import type { loginVi } from './login.vi';

/** English strings of the login area: exactly the keys of `loginVi`. */
export const loginEn: Record<keyof typeof loginVi, string> = {
  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.signingIn': 'Signing in…',
  'login.signOut': 'Sign out',
  'login.signedInTitle': 'You are signed in',
  'login.signedInAs': 'Signed in as {name} ({role}).',
  'login.continue': 'Continue',
  'login.firstRun': 'First run: create the administrator',
  'login.haveAccount': 'I already have an account: sign in',
  'login.error.usernameRequired': 'Enter your username.',
  'login.error.passwordRequired': 'Enter your password.',
  'login.error.badCredentials': 'Wrong username or password.',
  'login.error.locked': 'Too many failed sign-ins. Please try again in {seconds} seconds.',
  'login.error.lockedUntil':
    'Too many failed sign-ins: the account is locked for now. Please try again in about {minutes} min (at {time}).',
  'login.error.setupDone': 'An administrator already exists. Please sign in.',
  'login.error.setupToken': 'The setup token is wrong or has already been used.',
  'login.setup.title': 'First-run setup',
  'login.setup.lead':
    'There is no administrator yet. Enter the one-time setup token (printed by npm start) to create the first administrator account.',
  'login.setup.token': 'Setup token',
  'login.setup.tokenHint': 'The token works once; it is in the server start-up log.',
  'login.setup.confirm': 'Repeat the password',
  'login.setup.submit': 'Create the administrator and sign in',
  'login.setup.error.token': 'Enter the setup token.',
  'login.setup.error.confirm': 'The two passwords differ.',
};
