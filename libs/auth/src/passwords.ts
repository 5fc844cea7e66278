import argon2 from 'argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import { DomainError, PASSWORD_MAX_LENGTH } from '@ioc/contracts';

/**
 * argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane): strong against GPU guessing while
 * a login stays in the tens of milliseconds on a 2-core server. Older hashes with other
 * parameters still verify; they are upgraded at the next successful login.
 */
const PARAMS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
/**
 * zxcvbn's score (0–4) a password must reach: 3 is "safely unguessable" for an online attacker
 * and refuses the common-password list, repeats (`aaaaaaaaaaaa`), sequences and keyboard walks.
 */
export const PASSWORD_MIN_SCORE = 3;

// Built on first use: the dictionaries take a few megabytes and only account changes need them.
let strength: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  strength ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
  });
  return strength;
}
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

/**
 * Length and guessability (NIST SP 800-63B: a minimum length and a check against common and
 * repetitive passwords); composition rules only push people to patterns.
 */
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
  const check = estimator().check(password, [username, 'ioc', 'admin']);
  if (check.score < PASSWORD_MIN_SCORE) {
    const why = check.feedback.warning ? ` (${check.feedback.warning})` : '';
    throw new DomainError(
      'invalid',
      'PASSWORD_WEAK',
      `password is too easy to guess${why}: use a longer passphrase of unrelated words`,
    );
  }
}
