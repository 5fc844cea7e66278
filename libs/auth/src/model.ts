import type { Role } from '@ioc/contracts';

/** People's roles (declared in libs/contracts, shared with the web). */
export { ROLES, type Role } from '@ioc/contracts';

/**
 * What a route or channel asks of its caller.
 * - `tasks.work`: post progress and evidence on a plan task of one's unit.
 * - `tasks.plan`: create, edit, cancel plan tasks; manage offices and who belongs to them.
 * - `reports.submit`: submit one's unit's periodic report.
 * - `reports.review`: return or approve a submitted report, re-open an approved one (the
 *   compiling office; libs/reporting checks office membership for ward roles).
 * - `citizen.handle`: assign, start, resolve, reject, transfer, comment on and moderate the
 *   citizen reports (phản ánh hiện trường) of one's unit; leaders handle them too.
 */
export const ACTIONS = [
  'read',
  'alerts.work',
  'admin',
  'ingest',
  'tasks.work',
  'tasks.plan',
  'reports.submit',
  'reports.review',
  'citizen.handle',
] as const;
export type Action = (typeof ACTIONS)[number];

export const PROVINCE_ROLES: ReadonlySet<Role> = new Set(['province_leader', 'province_operator']);
export const WARD_ROLES: ReadonlySet<Role> = new Set(['ward_leader', 'ward_operator']);

export type MachineKind = 'device' | 'gateway' | 'feed' | 'webhook';

interface PrincipalBase {
  /** Stable identifier written to audit_log.actor: username, `display:<id>`, `feed:<code>`. */
  actor: string;
  /** Human-readable name for the audit's "who" and the UI. */
  displayName: string;
}

/** A person with a session. `units`: empty for admin, the province, or the ward(s). */
export interface UserPrincipal extends PrincipalBase {
  kind: 'user';
  userId: string;
  username: string;
  role: Role;
  units: readonly string[];
  sessionId: string;
}

/** A wall screen: read-only, one unit and what lies inside it. */
export interface DisplayPrincipal extends PrincipalBase {
  kind: 'display';
  tokenId: string;
  units: readonly [string];
}

/** A machine client that authenticated with its own credential (device, gateway, feed key). */
export interface MachinePrincipal extends PrincipalBase {
  kind: 'machine';
  machine: MachineKind;
  id: string;
  /** Units it may write for; 'all' when the credential is not unit-bound. */
  units: readonly string[] | 'all';
}

export type Principal = UserPrincipal | DisplayPrincipal | MachinePrincipal;

/** audit_log.actor_kind of a principal: displays and machines are both non-human clients. */
export function actorKindOf(p: Principal): 'user' | 'machine' {
  return p.kind === 'user' ? 'user' : 'machine';
}

/** What the API shows of a user; never the password hash. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  units: string[];
  disabled: boolean;
  email: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
  passwordChangedAt: string;
}

export interface DisplayTokenView {
  id: string;
  name: string;
  unitCode: string;
  createdBy: string;
  createdAt: string;
  rotatedAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Who did something, for the audit trail: a principal, the platform itself, or nobody known. */
export interface AuditActor {
  actor: string;
  actorKind: 'user' | 'system' | 'machine';
  displayName: string;
  ip: string | null;
}

export const SYSTEM_ACTOR: AuditActor = {
  actor: 'system',
  actorKind: 'system',
  displayName: 'IOC platform',
  ip: null,
};

export function auditActorOf(p: Principal | null | undefined, ip: string | null): AuditActor {
  if (!p) return { actor: 'anonymous', actorKind: 'user', displayName: 'anonymous', ip };
  return { actor: p.actor, actorKind: actorKindOf(p), displayName: p.displayName, ip };
}
