import type { loginVi } from './login.vi';

/** English strings of the login area: exactly the keys of `loginVi`. */
export const loginEn: Record<keyof typeof loginVi, string> = {
  'login.title': 'Sign in',
};
