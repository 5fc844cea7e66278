import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@ioc/contracts';
import { sha256Hex, type AuditActor } from '@ioc/auth';
import { clientIp } from '../auth/principal';
import type { CitizenRefusals } from './citizen-refusals';

/**
 * Who acts on a resident's steps (submission, rating, reopening) in the case history and the
 * audit trail; the address is kept in the audit row only, as for any anonymous request.
 */
export function residentActor(req: FastifyRequest): AuditActor {
  return { actor: 'resident', actorKind: 'user', displayName: 'Người dân', ip: clientAddress(req) };
}

/**
 * The client's address as the limits and the case know it: the address behind the trusted
 * proxies (TRUST_PROXY), never stored as such: cases keep its hash.
 */
export function clientAddress(req: FastifyRequest): string {
  return clientIp(req) ?? 'unknown';
}

export function clientKeyOf(req: FastifyRequest): string {
  return sha256Hex(`citizen:${clientAddress(req)}`);
}

const REFUSAL_REASONS: Record<string, string> = {
  PHOTO_TOO_LARGE: 'citizen_photo_too_large',
  PHOTO_TOO_MANY: 'citizen_photo_too_many',
  PHOTO_NOT_IMAGE: 'citizen_photo_not_image',
  OUTSIDE_PROVINCE: 'citizen_outside_province',
};

/**
 * Runs a submission and, when it is refused as invalid (photo, position, form), counts and
 * dead-letters the refusal before answering it. The excerpt names the request's shape only:
 * neither the description, the name and phone, nor any photo byte is kept.
 */
export async function withRefusals<T>(
  refusals: CitizenRefusals,
  req: FastifyRequest,
  source: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof DomainError && (err.kind === 'invalid' || err.kind === 'too_large')) {
      const reason = REFUSAL_REASONS[err.code] ?? 'citizen_invalid';
      const excerpt = `${req.method} ${req.url.split('?')[0] ?? ''}; content-type: ${(req.headers['content-type'] ?? '-').split(';')[0] ?? '-'}; content-length: ${req.headers['content-length'] ?? '-'}`;
      refusals.record(reason, source, `${err.code}: ${err.message}`.slice(0, 500), excerpt);
    }
    throw err;
  }
}

/**
 * A stored photo (always a re-encoded JPEG). It came from a resident: never sniffed as
 * anything else, never able to run a script.
 */
export async function sendPhoto(
  reply: FastifyReply,
  data: Buffer,
  cache: 'public' | 'private',
): Promise<void> {
  await reply
    .header('content-type', 'image/jpeg')
    .header('content-length', String(data.length))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .header(
      'cache-control',
      cache === 'public' ? 'public, max-age=86400, immutable' : 'private, no-store',
    )
    .send(data);
}
