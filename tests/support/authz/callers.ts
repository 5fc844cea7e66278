import type { Action } from '@ioc/auth';
import type { TestPlatform } from '../platform';

export type CallerName =
  | 'anonymous'
  | 'display'
  | 'ward_leader'
  | 'ward_operator'
  | 'province_operator'
  | 'province_leader'
  | 'admin';

/** How far a caller's scope reaches: one ward, one province, or everything. */
export type Reach = 'none' | 'ward' | 'province' | 'all';

export interface Caller {
  name: CallerName;
  token: string | null;
  /** audit_log.actor of this caller. */
  actor: string;
}

export const CALLER_NAMES: readonly CallerName[] = [
  'anonymous',
  'display',
  'ward_leader',
  'ward_operator',
  'province_operator',
  'province_leader',
  'admin',
];

/**
 * What each role may do, written out here rather than read from the authorizer: the matrix is
 * the specification the code is checked against.
 */
export const ACTIONS: Record<Exclude<CallerName, 'anonymous'>, ReadonlySet<Action>> = {
  display: new Set(['read']),
  ward_leader: new Set(['read', 'reports.review', 'citizen.handle']),
  ward_operator: new Set([
    'read',
    'alerts.work',
    'tasks.work',
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
};

export const REACH: Record<CallerName, Reach> = {
  anonymous: 'none',
  display: 'ward',
  ward_leader: 'ward',
  ward_operator: 'ward',
  province_operator: 'province',
  province_leader: 'province',
  admin: 'all',
};

export function mayAct(name: CallerName, action: Action): boolean {
  return name !== 'anonymous' && ACTIONS[name].has(action);
}

/** The units a caller is scoped to: HOME for wards, the home province for province roles. */
export interface CallerHomes {
  ward: string;
  province: string;
}

async function actorOf(baseUrl: string, token: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const me = (await res.json()) as { kind: string; id: string; username?: string };
  return me.kind === 'display' ? `display:${me.id}` : (me.username ?? '');
}

/** A fresh credential of the caller's kind (for routes that end the session they are called with). */
export async function issueToken(
  platform: TestPlatform,
  name: CallerName,
  homes: CallerHomes,
): Promise<string | null> {
  switch (name) {
    case 'anonymous':
      return null;
    case 'display':
      return platform.displayToken(homes.ward);
    case 'admin':
      return platform.loginAs('admin');
    case 'province_operator':
    case 'province_leader':
      return platform.loginAs(name, [homes.province]);
    default:
      return platform.loginAs(name, [homes.ward]);
  }
}

/** One caller of every kind, with the actor name its audit rows carry. */
export async function prepareCallers(
  platform: TestPlatform,
  homes: CallerHomes,
): Promise<Map<CallerName, Caller>> {
  const out = new Map<CallerName, Caller>();
  for (const name of CALLER_NAMES) {
    const token = name === 'admin' ? platform.adminToken : await issueToken(platform, name, homes);
    out.set(name, {
      name,
      token,
      actor: token === null ? 'anonymous' : await actorOf(platform.httpUrl, token),
    });
  }
  return out;
}
