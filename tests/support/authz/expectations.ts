import type { RoutePolicy } from '../../../apps/api/src/auth/access.decorators';
import { mayAct, REACH, type CallerName } from './callers';
import type { Exemption } from './exemptions';
import type { Probe } from './requests';
import type { Answer, BuiltRequest } from './requests';
import type { Place, World } from './world';

/** What a cell must see. */
export type Expectation =
  /** 401 AUTH_REQUIRED. */
  | { kind: 'unauthenticated' }
  /** 403 FORBIDDEN_ROLE. */
  | { kind: 'role' }
  /** 403 FORBIDDEN_SCOPE and one more access.denied row naming `unit`. */
  | { kind: 'scope'; unit: string | null }
  /**
   * Through the gate to an answer: 2xx, a 404, a 409 (a state conflict on a write). A 400 only
   * when the probe could not build a valid request, names a resource that does not exist in a
   * query or body (the domain refusing the reference), or mixes a FOREIGN or OTHER value with
   * the request's HOME ones (the domain refusing the mix). `missing: 'path'`: the resource in the
   * path does not exist, so a 2xx is the handler answering for nothing. The answer must not
   * hold any of `leaks` (markers of seeded data outside the caller's scope).
   */
  | { kind: 'pass'; missing: 'path' | 'ref' | null; leaks: string[] }
  /** A destination the domain checks: any answer but a 5xx or a gate refusal. */
  | { kind: 'domain'; leaks: string[] }
  /** A destination outside the province: refused, by the gate or the domain, never done. */
  | { kind: 'notDone' }
  /** A public route: the gate never refuses it. */
  | { kind: 'open' }
  /** A machine route: no person's credential opens it (an administrator may read /metrics). */
  | { kind: 'machine'; admin: boolean };

/** Codes only the access gate answers with. */
export const GATE_CODES: ReadonlySet<string> = new Set([
  'AUTH_REQUIRED',
  'AUTH_INVALID_TOKEN',
  'FORBIDDEN_ROLE',
  'FORBIDDEN_SCOPE',
  'ROUTE_POLICY_MISSING',
]);

/** Markers of seeded data a caller may never read. */
export function leaksFor(name: CallerName, world: World): string[] {
  const reach = REACH[name];
  if (reach === 'ward') return [world.marker.foreign, world.marker.other];
  if (reach === 'province') return [world.marker.other];
  return [];
}

/**
 * Whether a value is within the caller's scope: HOME for everyone, FOREIGN for province roles;
 * a province's own code only for the roles of that province (a ward does not cover its province).
 */
function inScope(name: CallerName, value: Place, provinceCode: boolean): boolean {
  const reach = REACH[name];
  if (reach === 'all') return true;
  if (provinceCode) return reach === 'province' && value === 'home';
  if (value === 'home') return true;
  return value === 'foreign' && reach === 'province';
}

export function expectationFor(
  policy: RoutePolicy,
  name: CallerName,
  probe: Probe,
  exemption: Exemption | null,
  world: World,
  unitOfValue: string | null,
): Expectation {
  switch (policy.kind) {
    case 'public':
      return { kind: 'open' };
    case 'machine':
      return { kind: 'machine', admin: name === 'admin' };
    case 'authenticated':
      // Only who is asking matters here; what the handler answers (a display token cannot log
      // out: 400) is its own business.
      return name === 'anonymous'
        ? { kind: 'unauthenticated' }
        : { kind: 'domain', leaks: leaksFor(name, world) };
    case 'access':
      break;
  }
  if (name === 'anonymous') return { kind: 'unauthenticated' };
  if (!mayAct(name, policy.action)) return { kind: 'role' };
  const leaks = leaksFor(name, world);
  const input = probe.input;
  if (!input) return { kind: 'pass', missing: null, leaks };
  const reach = REACH[name];
  if (exemption?.kind === 'reference') return { kind: 'pass', missing: null, leaks: [] };
  if (probe.value === 'none') {
    // Naming no unit asks for everything: ward roles must name theirs. Province roles may, by
    // design (Authorizer.readsUnscoped: "a deployment serves one province"), so their answer is
    // not checked for OTHER's data here: with a second province in the same database they do
    // read it. Whether one database may hold two provinces is a product decision, not the gate's.
    return reach === 'ward'
      ? { kind: 'scope', unit: null }
      : { kind: 'pass', missing: null, leaks: [] };
  }
  if (exemption?.kind === 'destination') {
    return probe.value === 'other' || probe.value === 'missing'
      ? { kind: 'notDone' }
      : { kind: 'domain', leaks };
  }
  if (probe.value === 'missing') {
    return reach === 'ward'
      ? { kind: 'scope', unit: null }
      : { kind: 'pass', missing: input.site === 'param' ? 'path' : 'ref', leaks };
  }
  return inScope(name, probe.value, input.kind === 'province')
    ? { kind: 'pass', missing: null, leaks }
    : { kind: 'scope', unit: unitOfValue };
}

/** Why an answer does not meet the expectation; null when it does. Audit rows are checked apart. */
export function judge(expect: Expectation, answer: Answer, req: BuiltRequest): string | null {
  const { status, code } = answer;
  const got = `${status}${code ? ` ${code}` : ''}`;
  if (status >= 500) return `server error ${got}`;
  switch (expect.kind) {
    case 'unauthenticated':
      return status === 401 && code === 'AUTH_REQUIRED'
        ? null
        : `expected 401 AUTH_REQUIRED, got ${got}`;
    case 'role':
      return status === 403 && code === 'FORBIDDEN_ROLE'
        ? null
        : `expected 403 FORBIDDEN_ROLE, got ${got}`;
    case 'scope':
      return status === 403 && code === 'FORBIDDEN_SCOPE'
        ? null
        : `expected 403 FORBIDDEN_SCOPE, got ${got}`;
    case 'notDone':
      return status >= 200 && status < 300 ? `expected a refusal, got ${got}` : null;
    case 'open':
      if (code !== null && GATE_CODES.has(code)) return `refused by the gate: ${got}`;
      return status === 400 && req.invalid === null ? `400 for a valid request: ${got}` : null;
    case 'machine':
      if (code === 'ROUTE_POLICY_MISSING') return `declares no policy: ${got}`;
      return expect.admin || status >= 400 ? null : `a person's credential was accepted: ${got}`;
    case 'domain':
      if (status === 401 || (code !== null && GATE_CODES.has(code)))
        return `refused by the gate: ${got}`;
      return leaked(expect.leaks, answer);
    case 'pass':
      break;
  }
  if (status === 401 || status === 403) return `refused: ${got}`;
  if (status >= 200 && status < 300) {
    if (expect.missing === 'path') return `answered ${got} for a resource that does not exist`;
    return leaked(expect.leaks, answer);
  }
  if (status === 404) return null;
  if (status === 409 && req.method !== 'GET') return null;
  if (status === 400 && (req.invalid !== null || req.mixed || expect.missing === 'ref'))
    return null;
  if (status === 400) return `400 for a valid request: ${answer.text.slice(0, 300)}`;
  return `unexpected ${got}`;
}

function leaked(markers: readonly string[], answer: Answer): string | null {
  const found = markers.filter((m) => answer.text.includes(m));
  return found.length === 0 ? null : `the answer holds data out of scope (${found.join(', ')})`;
}
