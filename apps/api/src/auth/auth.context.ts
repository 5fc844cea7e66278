import type { ApiConfig } from '@ioc/config';
import type { Queryable } from '@ioc/db';
import {
  createAuthServices,
  RefusalTally,
  TokenBuckets,
  type AuthServices,
  type ScopeTree,
} from '@ioc/auth';
import { AccessGate, type UnitLoader } from './access-gate';
import { RouteRegistry } from './route-registry';
import type { ResourceLookups } from './resource-lookups';
import { WsAccess } from './ws-access';

/** The access-control services the composition root builds once and hands to the edge. */
export interface AuthContext extends AuthServices {
  gate: AccessGate;
  /** 401s in the audit trail, aggregated per address and code (the error filter notes them). */
  refusals: RefusalTally;
  routes: RouteRegistry;
  ws: WsAccess;
}

export function createAuthContext(
  db: Queryable,
  units: ScopeTree & UnitLoader,
  config: ApiConfig,
  lookups: ResourceLookups,
): AuthContext {
  const services = createAuthServices(db, units, {
    sessionTtlHours: config.SESSION_TTL_HOURS,
    maxAttempts: config.LOGIN_MAX_ATTEMPTS,
    maxAttemptsPerIp: config.LOGIN_MAX_ATTEMPTS_PER_IP,
    lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES,
  });
  const buckets = new TokenBuckets({
    ratePerSecond: config.INGEST_RATE_PER_SECOND,
    burst: config.INGEST_RATE_BURST,
  });
  const sources = new TokenBuckets({
    ratePerSecond: config.INGEST_RATE_PER_SOURCE_PER_SECOND,
    burst: config.INGEST_RATE_SOURCE_BURST,
  });
  const gate = new AccessGate(services, buckets, sources, units, lookups);
  return {
    ...services,
    gate,
    refusals: new RefusalTally(services.audit),
    routes: new RouteRegistry(),
    ws: new WsAccess(services, gate),
  };
}
