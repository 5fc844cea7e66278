import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Opaque bearer secrets: a kind prefix (so a leaked one is recognisable by secret scanners and
 * the resolver knows which table to look in) and 256 random bits. Only the SHA-256 hash is
 * stored: with this much entropy there is nothing to brute-force, and a hash lookup is one
 * indexed query.
 */
export const TOKEN_PREFIX = { session: 'iocs_', display: 'iocd_', setup: 'iocsetup_' } as const;
export type TokenKind = keyof typeof TOKEN_PREFIX;

export function newToken(kind: TokenKind): string {
  return TOKEN_PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function tokenKind(token: string): TokenKind | null {
  // Longest prefix first: "iocsetup_" also starts with "iocs".
  if (token.startsWith(TOKEN_PREFIX.setup)) return 'setup';
  if (token.startsWith(TOKEN_PREFIX.session)) return 'session';
  if (token.startsWith(TOKEN_PREFIX.display)) return 'display';
  return null;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256Hex(a), 'hex');
  const y = Buffer.from(sha256Hex(b), 'hex');
  return timingSafeEqual(x, y);
}

/** Plausible shape of a token before any database work: bounds what a forged header can cost. */
export function plausibleToken(token: string): boolean {
  return token.length <= 128 && /^[A-Za-z0-9_-]+$/.test(token);
}
