import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DEVICE_ID_PATTERN } from '@ioc/contracts';

/**
 * Machine tokens are 256-bit random strings, so a fast SHA-256 hash is enough to store them
 * (no dictionary to attack, unlike human passwords which get argon2). Fast matters: the broker
 * checks one on every device CONNECT.
 */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function verifyToken(token: string, hash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Device ids appear in MQTT topics and COPY rows, so they are restricted to a safe alphabet. */
export function isValidDeviceId(id: string): boolean {
  return DEVICE_ID_PATTERN.test(id);
}
