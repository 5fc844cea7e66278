import type { adminVi } from './admin.vi';

/** English strings of the admin area: exactly the keys of `adminVi`. */
export const adminEn: Record<keyof typeof adminVi, string> = {
  'admin.title': 'Administration',
};
