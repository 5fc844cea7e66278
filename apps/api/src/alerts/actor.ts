import type { FastifyRequest } from 'fastify';
import type { RequestOrigin } from '@ioc/live';
import { auditActor } from '../auth/principal';

/** The request's audit actor in the alert workflow's terms (live declares its own Actor shape). */
export function requestOrigin(req: FastifyRequest): RequestOrigin {
  const who = auditActor(req);
  return { actor: { kind: who.actorKind, id: who.actor }, ip: who.ip };
}
