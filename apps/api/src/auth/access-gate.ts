import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@ioc/contracts';
import {
  auditActorOf,
  sha256Hex,
  tokenKind,
  type Action,
  type AuthServices,
  type Principal,
  type TokenBuckets,
} from '@ioc/auth';
import type { RoutePolicy, UnitSource, UnitSources } from './access.decorators';
import { unitsOf } from './request-units';
import { clientIp, setPrincipal } from './principal';
import type { ResourceLookups } from './resource-lookups';

/** The UnitDirectory: `exists` (re)loads the parent map the authorizer reads. */
export interface UnitLoader {
  exists(code: string): Promise<boolean>;
}

const BEARER = /^Bearer\s+(\S+)$/i;
// Headers a machine endpoint may carry its credential in; the rate limit is keyed by it.
const MACHINE_CREDENTIAL_HEADERS = [
  'authorization',
  'x-webhook-secret',
  'x-api-key',
  'x-feed-key',
] as const;

export interface Credential {
  token: string;
  via: 'header' | 'query' | 'message';
}

/** `Authorization: Bearer <token>`, else `?token=` (wall screens cannot set headers). */
export function credentialOf(req: FastifyRequest): Credential | null {
  const header = req.headers.authorization;
  if (typeof header === 'string' && header !== '') {
    return { token: BEARER.exec(header)?.[1] ?? '', via: 'header' };
  }
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof q === 'string' && q !== '' ? { token: q, via: 'query' } : null;
}

/**
 * Enforces route policies: authenticates the caller, checks the role's action and the unit
 * scope, rate-limits machine credentials. One instance per platform; the Nest guard and the
 * WebSocket gateway both go through it.
 */
export class AccessGate {
  constructor(
    private readonly auth: AuthServices,
    private readonly ingestBuckets: TokenBuckets,
    /** Per source address across credentials (a client rotating credentials gains nothing). */
    private readonly sourceBuckets: TokenBuckets,
    private readonly units: UnitLoader,
    private readonly lookups: ResourceLookups,
  ) {}

  async check(
    req: FastifyRequest,
    reply: FastifyReply,
    policy: RoutePolicy | undefined,
  ): Promise<void> {
    if (!policy) {
      throw new DomainError(
        'forbidden',
        'ROUTE_POLICY_MISSING',
        'This route declares no access policy and is closed',
      );
    }
    switch (policy.kind) {
      case 'public':
        return;
      case 'machine':
        this.rateLimit(req, reply);
        return;
      case 'authenticated':
      case 'access': {
        const principal = await this.authenticate(req);
        if (policy.kind === 'authenticated') return;
        await this.authorize(req, principal, policy.action, policy.unit);
      }
    }
  }

  /** Resolves the caller; a missing or dead credential is a 401. */
  async authenticate(req: FastifyRequest): Promise<Principal> {
    const cred = credentialOf(req);
    // Handlers never see the URL token: strict query schemas stay valid and it cannot be echoed.
    if (cred?.via === 'query') delete (req.query as Record<string, unknown>).token;
    const principal = cred ? await this.resolve(cred) : null;
    if (principal) {
      setPrincipal(req, principal);
      return principal;
    }
    if (!cred)
      throw new DomainError(
        'unauthorized',
        'AUTH_REQUIRED',
        'Sign in or present a token (Authorization: Bearer …)',
      );
    throw new DomainError(
      'unauthorized',
      'AUTH_INVALID_TOKEN',
      'Unknown, expired or revoked token',
    );
  }

  /** Session tokens never travel in URLs (they end up in logs and histories); display tokens may. */
  async resolve(cred: Credential): Promise<Principal | null> {
    if (cred.via === 'query' && tokenKind(cred.token) !== 'display') return null;
    return this.auth.principals.resolve(cred.token);
  }

  async authorize(
    req: FastifyRequest,
    p: Principal,
    action: Action,
    sources: UnitSources | undefined,
  ): Promise<void> {
    // A role that may never take this action is refused before any lookup: whether the named
    // resource exists is itself information its scope may not reveal.
    const byRole = this.auth.authorizer.decideAction(p, action);
    if (!byRole.allow) return this.deny(req, p, action, [], byRole);
    const units: string[] = [];
    let missing = false;
    for (const source of sources === undefined
      ? []
      : Array.isArray(sources)
        ? (sources as readonly UnitSource[])
        : [sources as UnitSource]) {
      const found = await unitsOf(source, req, this.lookups);
      if (found === undefined) missing = true;
      else units.push(...found);
    }
    // A looked-up resource that does not exist: only a principal that reads everything may go on
    // to the handler's 404. Anyone narrowed to units is refused (and audited) as for a foreign
    // unit, so a missing target never widens access nor tells what exists outside the scope.
    if (missing && !this.auth.authorizer.readsUnscoped(p)) {
      return this.deny(req, p, action, [], {
        code: 'FORBIDDEN_SCOPE',
        message: 'The resource named does not exist or is outside your scope',
      });
    }
    if (missing && units.length === 0) return;
    await this.unitsReady(units);
    // No unit source: the route's data is not about a unit, only the role matters.
    const decision =
      sources === undefined
        ? this.auth.authorizer.decideAction(p, action)
        : this.auth.authorizer.decideAll(p, action, units);
    if (decision.allow) return;
    return this.deny(req, p, action, units, decision);
  }

  private async deny(
    req: FastifyRequest,
    p: Principal,
    action: Action,
    units: readonly string[],
    decision: { code: string; message: string },
  ): Promise<never> {
    await this.auth.audit.record(auditActorOf(p, clientIp(req)), {
      action: 'access.denied',
      targetKind: 'route',
      targetId: `${req.method} ${req.routeOptions.url ?? '?'}`,
      unitCode: units.find((u) => !this.auth.authorizer.covers(p, u)) ?? null,
      detail: { code: decision.code, action, path: req.url.split('?')[0] ?? '' },
    });
    throw new DomainError('forbidden', decision.code, decision.message);
  }

  /**
   * The authorizer reads the parent map synchronously; after a boundary import the map is
   * dropped and reloaded lazily, so make sure it is loaded before deciding on these units.
   */
  async unitsReady(units: readonly (string | null)[]): Promise<void> {
    for (const u of units) if (u !== null) await this.units.exists(u);
  }

  private rateLimit(req: FastifyRequest, reply: FastifyReply): void {
    let credential: string | undefined;
    for (const h of MACHINE_CREDENTIAL_HEADERS) {
      const v = req.headers[h];
      if (typeof v === 'string' && v !== '') {
        credential = v;
        break;
      }
    }
    // Keyed by a hash: the limiter's memory must not hold secrets.
    const source = `ip:${clientIp(req) ?? '?'}`;
    const key = credential ? `c:${sha256Hex(credential).slice(0, 32)}` : source;
    const bySource = this.sourceBuckets.take(source);
    const wait = bySource > 0 ? bySource : this.ingestBuckets.take(key);
    if (wait > 0) {
      void reply.header('retry-after', String(wait));
      throw new DomainError(
        'rate_limited',
        'RATE_LIMITED',
        bySource > 0
          ? `Too many requests from this address: retry in ${wait} s`
          : `Too many requests for this credential: retry in ${wait} s`,
      );
    }
  }
}
