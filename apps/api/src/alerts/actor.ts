import type { FastifyRequest } from 'fastify';
import { DomainError } from '@ioc/contracts';
import type { RequestOrigin } from '@ioc/live';

const ACTOR = /^[\p{L}\p{N}][\p{L}\p{N} ._@:-]{0,127}$/u;

/**
 * Who is acting, for the alert workflow and its audit trail — the ONE place it is decided.
 * For now the operator's name comes from the `x-ioc-actor` header ('anonymous' without it);
 * when authentication lands this reads the authenticated principal instead.
 */
export function requestOrigin(req: FastifyRequest): RequestOrigin {
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
    ip: req.ip,
  };
}
