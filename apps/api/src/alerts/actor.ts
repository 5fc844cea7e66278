import type { FastifyRequest } from 'fastify';
import { DomainError } from '@ioc/contracts';
import type { RequestOrigin } from '@ioc/live';
import { auditActor, principalOf } from '../auth/principal';

const ACTOR = /^[\p{L}\p{N}][\p{L}\p{N} ._@:-]{0,127}$/u;

/**
 * Who is acting, for the alert workflow and its audit trail — the ONE place it is decided.
 * The authenticated principal when there is one (the access guard resolved it); only while
 * access control is off (AUTH_ENFORCE=false: tests, local development) may an `x-ioc-actor`
 * header name the operator, and 'anonymous' without it. A header never overrides a principal.
 */
export function requestOrigin(req: FastifyRequest): RequestOrigin {
  const who = auditActor(req);
  if (principalOf(req)) {
    return { actor: { kind: who.actorKind, id: who.actor }, ip: who.ip };
  }
  const raw = req.headers['x-ioc-actor'];
  const given = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (given !== undefined && given !== '' && !ACTOR.test(given)) {
    throw new DomainError(
      'invalid',
      'ACTOR_INVALID',
      'x-ioc-actor: 1–128 letters, digits, space . _ @ : -',
    );
  }
  return {
    actor: { kind: 'user', id: given !== undefined && given !== '' ? given : 'anonymous' },
    ip: who.ip,
  };
}
