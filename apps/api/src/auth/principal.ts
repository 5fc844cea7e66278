import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@ioc/contracts';
import { auditActorOf, type AuditActor, type Principal, type UserPrincipal } from '@ioc/auth';

// Keyed by the Node request, which Fastify, Nest's @Req() and the WebSocket upgrade all share.
const principals = new WeakMap<IncomingMessage, Principal>();

export function setPrincipal(req: FastifyRequest, p: Principal): void {
  principals.set(req.raw, p);
}

/**
 * The caller of this request as resolved by the access guard, or undefined (public and machine
 * routes). The one place handlers learn who is asking.
 */
export function principalOf(req: FastifyRequest): Principal | undefined {
  return principals.get(req.raw);
}

/** The caller, or 401 — for handlers that need someone (always there behind @Access). */
export function requirePrincipal(req: FastifyRequest): Principal {
  const p = principalOf(req);
  if (!p) throw new DomainError('unauthorized', 'AUTH_REQUIRED', 'Sign in or present a token');
  return p;
}

export function requireUser(req: FastifyRequest): UserPrincipal {
  const p = requirePrincipal(req);
  if (p.kind !== 'user')
    throw new DomainError('forbidden', 'FORBIDDEN_ROLE', 'Only a signed-in user may do this');
  return p;
}

/** Client address (X-Forwarded-For only from trusted proxies, see TRUST_PROXY). */
export function clientIp(req: FastifyRequest): string | null {
  return req.ip || null;
}

/**
 * Who did it, for audit_log: actor (stable id: username, display:<id>), kind, display name
 * (the "who" a reader sees) and address. Anonymous when nobody is known.
 */
export function auditActor(req: FastifyRequest): AuditActor {
  return auditActorOf(principalOf(req), clientIp(req));
}

/** Display name of the caller for records such as alert notes and report submitters. */
export function actorName(req: FastifyRequest): string {
  return principalOf(req)?.displayName ?? 'anonymous';
}
