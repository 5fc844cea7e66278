import {
  Authorizer,
  TokenBuckets,
  type AuditActor,
  type AuditEvent,
  type AuthServices,
  type Principal,
  type UserPrincipal,
} from '@ioc/auth';
import { AccessGate } from '../access-gate';
import type { ResourceLookups } from '../resource-lookups';

/**
 * Fakes of the database-backed ports the access gate and the WebSocket access use, around the
 * real Authorizer and token buckets. Wards 20194 and 20200 lie in province 48; 26734 in 79.
 */
const PARENTS: Record<string, string> = { '20194': '48', '20200': '48', '26734': '79' };

export function userPrincipal(role: UserPrincipal['role'], units: string[]): UserPrincipal {
  return {
    kind: 'user',
    userId: `u-${role}`,
    username: role,
    role,
    units,
    sessionId: `s-${role}`,
    actor: role,
    displayName: role,
  };
}

/** Live tokens by value: `iocs_` sessions, an `iocd_` wall display of province 48. */
export function livePrincipals(): Map<string, Principal> {
  return new Map<string, Principal>([
    ['iocs_admin', userPrincipal('admin', [])],
    ['iocs_province', userPrincipal('province_operator', ['48'])],
    ['iocs_ward', userPrincipal('ward_operator', ['20194'])],
    ['iocs_leader', userPrincipal('ward_leader', ['20194'])],
    [
      'iocd_wall',
      { kind: 'display', tokenId: 't-1', units: ['48'], actor: 'display:t-1', displayName: 'wall' },
    ],
  ]);
}

export interface AccessFakes {
  auth: AuthServices;
  gate: AccessGate;
  /** Tokens that resolve; delete one to revoke it. */
  principals: Map<string, Principal>;
  audits: { who: AuditActor; event: AuditEvent }[];
  resolved: string[];
  looked: string[];
  /** Units whose parent map was made ready (UnitLoader.exists). */
  loaded: string[];
}

export function accessFakes(
  options: {
    burst?: number;
    sourceBurst?: number;
    alertUnits?: Record<string, string | null>;
  } = {},
): AccessFakes {
  const principals = livePrincipals();
  const audits: AccessFakes['audits'] = [];
  const resolved: string[] = [];
  const looked: string[] = [];
  const loaded: string[] = [];
  const auth = {
    authorizer: new Authorizer({ parentOf: (code) => PARENTS[code] ?? null }),
    audit: {
      record: (who: AuditActor, event: AuditEvent) => {
        audits.push({ who, event });
        return Promise.resolve();
      },
    },
    principals: {
      resolve: (token: string) => {
        resolved.push(token);
        return Promise.resolve(principals.get(token) ?? null);
      },
    },
  } as unknown as AuthServices;
  const alertUnits = options.alertUnits ?? {};
  const lookups = {
    alertUnit: (id: string) => {
      looked.push(id);
      return Promise.resolve(id in alertUnits ? alertUnits[id] : undefined);
    },
  } as unknown as ResourceLookups;
  const units = {
    exists: (code: string) => {
      loaded.push(code);
      return Promise.resolve(true);
    },
  };
  const buckets = (burst = 100) => new TokenBuckets({ ratePerSecond: 1, burst });
  // The one place the gate's constructor appears in the specs: a change to it is fixed here.
  const gate = new AccessGate(
    auth,
    buckets(options.burst),
    buckets(options.sourceBurst ?? options.burst),
    units,
    lookups,
  );
  return { auth, gate, principals, audits, resolved, looked, loaded };
}
