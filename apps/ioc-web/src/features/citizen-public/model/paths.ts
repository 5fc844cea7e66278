/** The residents' pages under /phan-anh; the app shell sends every sub-path here. */
export type CitizenView =
  | { kind: 'intake' }
  | { kind: 'lookup' }
  | { kind: 'track'; code: string }
  | { kind: 'map' }
  | { kind: 'notFound' };

export const INTAKE_PATH = '/phan-anh';
export const LOOKUP_PATH = '/phan-anh/tra-cuu';
export const MAP_PATH = '/phan-anh/ban-do';

export function trackPath(code: string): string {
  return `${LOOKUP_PATH}/${encodeURIComponent(code)}`;
}

/** `PA` + 10 Crockford base32 characters (no I, L, O, U). */
const CODE = /^PA[0-9A-HJKMNP-TV-Z]{10}$/;

/**
 * A tracking code as typed or read aloud: spaces, dashes and dots are dropped, letters are
 * upper-cased, and Crockford's look-alikes are read as digits (O → 0, I/L → 1), so a code copied
 * from an SMS or typed on a phone keyboard still finds the case. Null when it cannot be a code.
 */
export function normaliseCode(input: string): string | null {
  const compact = input.replace(/[\s.\-_]/g, '').toUpperCase();
  if (!compact.startsWith('PA')) return null;
  const code = `PA${compact.slice(2).replace(/O/g, '0').replace(/[IL]/g, '1')}`;
  return CODE.test(code) ? code : null;
}

export function citizenViewOf(pathname: string): CitizenView {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (parts[0] !== 'phan-anh') return { kind: 'notFound' };
  if (parts.length === 1) return { kind: 'intake' };
  if (parts[1] === 'ban-do' && parts.length === 2) return { kind: 'map' };
  if (parts[1] === 'tra-cuu' && parts.length === 2) return { kind: 'lookup' };
  if (parts[1] === 'tra-cuu' && parts.length === 3) {
    const code = normaliseCode(decodeURIComponent(parts[2] ?? ''));
    return code === null ? { kind: 'lookup' } : { kind: 'track', code };
  }
  return { kind: 'notFound' };
}
