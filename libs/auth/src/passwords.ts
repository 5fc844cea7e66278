import argon2 from 'argon2';
import { DomainError, PASSWORD_MAX_LENGTH } from '@ioc/contracts';

/**
 * argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane): strong against GPU guessing while
 * a login stays in the tens of milliseconds on a 2-core server. Older hashes with other
 * parameters still verify; they are upgraded at the next successful login.
 */
const PARAMS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
/** The API refuses longer ones before hashing (libs/contracts http/auth.ts). */
export { PASSWORD_MAX_LENGTH };

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, PARAMS);
}

/** Never throws: a malformed stored hash is simply not a match. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function needsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, {
      memoryCost: PARAMS.memoryCost,
      timeCost: PARAMS.timeCost,
      parallelism: PARAMS.parallelism,
    });
  } catch {
    return true;
  }
}

/** Length is what matters (NIST SP 800-63B); composition rules only push people to patterns. */
export function assertAcceptablePassword(password: string, username: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new DomainError(
      'invalid',
      'PASSWORD_TOO_SHORT',
      `password must have at least ${PASSWORD_MIN_LENGTH} characters`,
    );
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new DomainError(
      'invalid',
      'PASSWORD_TOO_LONG',
      `password must have at most ${PASSWORD_MAX_LENGTH} characters`,
    );
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    throw new DomainError(
      'invalid',
      'PASSWORD_CONTAINS_USERNAME',
      'password must not contain the username',
    );
  }
}
