import type { FastifyRequest } from 'fastify';
import { DomainError } from '@ioc/contracts';
import { principalOf } from '../auth/principal';

const ACTOR = /^[\p{L}\p{N}][\p{L}\p{N} ._@:()/-]{0,127}$/u;

/**
 * Who is making an indicator, target or feed change (the "who" of the change log) — the ONE
 * place it is decided for this module. The authenticated principal when there is one; without
 * authentication (AUTH_ENFORCE=false, local runs) the `x-ioc-actor` header, else 'anonymous'.
 * The CLI passes --who instead (default 'system').
 */
export function requestActor(req: FastifyRequest): string {
  const principal = principalOf(req);
  if (principal) return principal.actor;
  const raw = req.headers['x-ioc-actor'];
  const given = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (given === undefined || given === '') return 'anonymous';
  if (!ACTOR.test(given)) {
    throw new DomainError(
      'invalid',
      'ACTOR_INVALID',
      'x-ioc-actor: 1–128 letters, digits, space and . _ @ : ( ) / -',
    );
  }
  return given;
}
