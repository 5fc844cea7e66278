import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O, U, so a code read aloud or copied by hand stays unambiguous. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new tracking code: `PA` + 10 Crockford characters from the system's CSPRNG (50 bits). It is
 * the resident's only credential for rating and reopening, so it must not be guessable; each
 * random byte masked to 5 bits is uniform because 256 is a multiple of 32.
 */
export function newTrackingCode(): string {
  const bytes = randomBytes(10);
  let out = 'PA';
  for (const b of bytes) out += CROCKFORD.charAt(b & 31);
  return out;
}

/** A code as typed by a resident: upper case; O→0, I/L→1 as Crockford reads them. */
export function normaliseTrackingCode(code: string): string {
  return code.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const TRACKING_CODE_PATTERN = /^PA[0-9A-HJKMNP-TV-Z]{10}$/;
