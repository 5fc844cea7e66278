import { PROVINCE_ROLES, type Action, type Principal, type Role } from './model';

/** The slice of the administrative tree the authorizer needs (geo's UnitDirectory satisfies it). */
export interface ScopeTree {
  /** Parent code, or null for a root or an unknown code. */
  parentOf(code: string): string | null;
}

export type DenyCode = 'FORBIDDEN_ROLE' | 'FORBIDDEN_SCOPE';
export type Decision = { allow: true } | { allow: false; code: DenyCode; message: string };

const ROLE_ACTIONS: Record<Role | 'display' | 'machine', ReadonlySet<Action>> = {
  admin: new Set([
    'read',
    'alerts.work',
    'admin',
    'tasks.work',
    'tasks.plan',
    'reports.submit',
    'reports.review',
    'citizen.handle',
  ]),
  province_leader: new Set(['read', 'reports.review', 'citizen.handle']),
  province_operator: new Set([
    'read',
    'alerts.work',
    'tasks.work',
    'tasks.plan',
    'reports.submit',
    'reports.review',
    'citizen.handle',
  ]),
  ward_leader: new Set(['read', 'reports.review', 'citizen.handle']),
  ward_operator: new Set([
    'read',
    'alerts.work',
    'tasks.work',
    'reports.submit',
    'reports.review',
    'citizen.handle',
  ]),
  display: new Set(['read']),
  machine: new Set(['ingest']),
};

const ALLOW: Decision = { allow: true };
// A unit chain deeper than this is a cycle in bad data, not a real hierarchy.
const MAX_DEPTH = 8;

/**
 * Decides whether a principal may perform an action on a unit's data.
 *
 * Scope is hierarchical: a principal whose scope holds a unit covers that unit and everything
 * below it (a province role covers its wards). `unit = null` means "not narrowed to a unit"
 * (the whole platform): only principals that read everything may ask that, so a ward leader
 * must name their ward instead of receiving a silently filtered answer.
 */
export class Authorizer {
  constructor(private readonly tree: ScopeTree) {}

  /** The role check alone, for routes whose data is not about a unit (reference data, own account). */
  decideAction(p: Principal, action: Action): Decision {
    const actions = ROLE_ACTIONS[p.kind === 'user' ? p.role : p.kind];
    return actions.has(action)
      ? ALLOW
      : {
          allow: false,
          code: 'FORBIDDEN_ROLE',
          message: `${describe(p)} may not perform "${action}"`,
        };
  }

  decide(p: Principal, action: Action, unit: string | null): Decision {
    const byRole = this.decideAction(p, action);
    if (!byRole.allow) return byRole;
    if (this.isGlobal(p)) return ALLOW;
    if (unit === null) {
      if (this.readsUnscoped(p)) return ALLOW;
      return {
        allow: false,
        code: 'FORBIDDEN_SCOPE',
        message: `${describe(p)} must name a unit within its scope (${scopeOf(p).join(', ')})`,
      };
    }
    return this.covers(p, unit)
      ? ALLOW
      : {
          allow: false,
          code: 'FORBIDDEN_SCOPE',
          message: `unit ${unit.slice(0, 16)} is outside the scope of ${describe(p)}`,
        };
  }

  /** Every unit must be allowed; the first refusal is returned. An empty list means "no unit". */
  decideAll(p: Principal, action: Action, units: readonly string[]): Decision {
    if (units.length === 0) return this.decide(p, action, null);
    for (const u of units) {
      const d = this.decide(p, action, u);
      if (!d.allow) return d;
    }
    return ALLOW;
  }

  /** True when the principal's scope contains the unit or one of its ancestors. */
  covers(p: Principal, unit: string): boolean {
    if (this.isGlobal(p)) return true;
    const scope = new Set(scopeOf(p));
    let code: string | null = unit;
    for (let depth = 0; code !== null && depth < MAX_DEPTH; depth++) {
      if (scope.has(code)) return true;
      code = this.tree.parentOf(code);
    }
    return false;
  }

  /** Principals not narrowed to units: administrators and machine credentials bound to no unit. */
  isGlobal(p: Principal): boolean {
    if (p.kind === 'user') return p.role === 'admin';
    if (p.kind === 'machine') return p.units === 'all';
    return false;
  }

  /**
   * Who may ask without naming a unit. Province roles may: a deployment serves one province, so
   * "everything" is their province. A named unit is still checked against the parent map.
   */
  readsUnscoped(p: Principal): boolean {
    return this.isGlobal(p) || (p.kind === 'user' && PROVINCE_ROLES.has(p.role));
  }
}

function scopeOf(p: Principal): readonly string[] {
  return p.units === 'all' ? [] : p.units;
}

function describe(p: Principal): string {
  if (p.kind === 'user') return `${p.role} ${p.username}`;
  if (p.kind === 'display') return 'a display token';
  return `${p.machine} ${p.id}`;
}
