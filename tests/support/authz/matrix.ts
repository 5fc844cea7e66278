import type { RouteContract } from '@ioc/contracts';
import type { RouteEntry } from '../../../apps/api/src/auth/route-registry';
import { CALLER_NAMES, mayAct, REACH, type Caller, type CallerName } from './callers';
import { exemptionOf } from './exemptions';
import { expectationFor, judge } from './expectations';
import { probeInputs, type ProbeInput } from './probe-inputs';
import { buildRequest, send, unitOfValue, type Probe, type ProbeValue } from './requests';
import type { World } from './world';

/** A route of the live table with its contract (null for the web app's pages). */
export interface MatrixRoute {
  entry: RouteEntry;
  contract: RouteContract | null;
}

/** What the matrix runs against: the platform, or a test server mounting deliberately broken routes. */
export interface MatrixTarget {
  baseUrl: string;
  world: World;
  caller(name: CallerName): Caller;
  /** A caller of the same kind with a credential of its own (for routes that end their session). */
  throwaway(name: CallerName): Promise<Caller>;
  /** access.denied rows so far for an actor on a route (`METHOD /pattern`) naming a unit. */
  deniedRows(actor: string, route: string, unit: string | null): Promise<number>;
}

/** Fastify's `/a/:id` as OpenAPI's `/a/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Routes that end the caller's own session: probed with a throwaway credential. */
const endsSession = (route: MatrixRoute) => route.entry.path.endsWith('/logout');

/**
 * The probes of a route for a caller: every unit-bearing input at HOME, FOREIGN and OTHER, a
 * missing resource for every lookup, and — when no input is required — the request naming no
 * unit at all. Callers the route refuses by role or credential get the plain request only.
 */
export function probesOf(route: MatrixRoute, name: CallerName): Probe[] {
  const policy = route.entry.policy;
  const plain: Probe[] = [{ input: null, value: 'none' }];
  if (!route.contract || !policy) return plain;
  if (policy.kind === 'machine' || policy.kind === 'authenticated') return plain;
  if (policy.kind === 'access' && !mayAct(name, policy.action)) return plain;
  const inputs = probeInputs(route.contract);
  if (inputs.length === 0) return plain;
  const out: Probe[] = [];
  for (const input of inputs) {
    // A province has no FOREIGN twin within 48; units are not looked up, so none is missing.
    const values: ProbeValue[] =
      input.kind === 'province'
        ? ['home', 'other']
        : input.kind === 'unit'
          ? ['home', 'foreign', 'other']
          : ['home', 'foreign', 'other', 'missing'];
    for (const value of values) out.push({ input, value });
  }
  // Naming no unit at all asks for everything: probed where the request may leave every input
  // out and a ward-scoped caller may use the route (administrators read everything anyway).
  const unit = inputs.find((i) => i.kind === 'unit' || i.kind === 'province');
  const wardMayAct =
    policy.kind !== 'access' ||
    CALLER_NAMES.some((n) => REACH[n] === 'ward' && mayAct(n, policy.action));
  if (unit && wardMayAct && inputs.every((i) => !i.required && i.site !== 'param'))
    out.push({ input: unit, value: 'none' });
  return out;
}

export function describeProbe(probe: Probe, world: World): string {
  if (!probe.input) return 'plain request';
  const { site, name, kind } = probe.input;
  if (probe.value === 'none') return 'no unit named';
  const what =
    kind === 'unit' || kind === 'province'
      ? `${probe.value} ${kind} ${unitOfValue(world, probe.input, probe.value) ?? ''}`
      : probe.value === 'missing'
        ? `a ${kind} that does not exist`
        : `the ${probe.value} ${kind}`;
  return `${site}.${name} = ${what}`;
}

/**
 * Why some probes of a route cannot be valid requests, one line per reason: the reason alone
 * when it holds for every probe, else with the probes it holds for.
 */
export async function invalidProbes(route: MatrixRoute, world: World): Promise<string[]> {
  if (!route.contract) return [];
  const inputs = probeInputs(route.contract);
  const probes = probesOf(route, 'admin');
  const byReason = new Map<string, string[]>();
  for (const probe of probes) {
    const req = await buildRequest(route.contract, inputs, probe, world, false);
    if (req.invalid) {
      byReason.set(req.invalid, [
        ...(byReason.get(req.invalid) ?? []),
        describeProbe(probe, world),
      ]);
    }
  }
  return [...byReason].map(([reason, which]) =>
    which.length === probes.length ? reason : `${reason} (${which.join(', ')})`,
  );
}

/**
 * Runs every probe of one route for one caller and returns what failed, one line per probe
 * (empty: the cell holds). The matrix suites and the self-test both call this.
 */
export async function runCell(
  target: MatrixTarget,
  route: MatrixRoute,
  name: CallerName,
): Promise<string[]> {
  const { entry, contract } = route;
  const label = `${name} ${entry.method} ${entry.path}`;
  if (entry.source === 'fastify') {
    // Registered on Fastify directly, outside the guard: only the web app's pages may be.
    if (entry.path.startsWith('/api/') || entry.path === '/ws')
      return [`${label}: bypasses the access guard`];
    const page = await send(
      target.baseUrl,
      {
        method: entry.method,
        url: entry.path.replace(/[:*].*$/, ''),
        body: undefined,
        invalid: null,
        mixed: false,
        photo: false,
        unitOfValue: null,
      },
      null,
    );
    return page.status >= 500 || page.status === 401 || page.status === 403
      ? [`${label}: the page answers ${page.status}`]
      : [];
  }
  if (!entry.policy) {
    return [
      `${label}: declares no policy (add @Access, @Authenticated, @PublicRoute or @MachineRoute)`,
    ];
  }
  if (!contract) return [`${label}: has no contract in libs/contracts (routes)`];
  const caller = endsSession(route) ? await target.throwaway(name) : target.caller(name);
  const inputs: ProbeInput[] = probeInputs(contract);
  const failures: string[] = [];
  for (const probe of probesOf(route, name)) {
    const exemption = probe.input ? exemptionOf(contract.method, contract.path, probe.input) : null;
    const planned = await buildRequest(contract, inputs, probe, target.world, false);
    const expect = expectationFor(
      entry.policy,
      name,
      probe,
      exemption,
      target.world,
      planned.unitOfValue,
    );
    const passes = expect.kind === 'pass' || expect.kind === 'domain' || expect.kind === 'open';
    const req = passes ? await buildRequest(contract, inputs, probe, target.world, true) : planned;
    const routeId = `${entry.method} ${entry.path}`;
    const before =
      expect.kind === 'scope' ? await target.deniedRows(caller.actor, routeId, expect.unit) : 0;
    const answer = await send(target.baseUrl, req, caller.token);
    const what = `${label} with ${describeProbe(probe, target.world)}`;
    const failure = judge(expect, answer, req);
    if (failure) {
      failures.push(`${what}: ${failure}`);
      continue;
    }
    if (expect.kind === 'scope') {
      const after = await target.deniedRows(caller.actor, routeId, expect.unit);
      if (after !== before + 1)
        failures.push(
          `${what}: refused without an access.denied audit row for ${expect.unit ?? '(no unit)'}`,
        );
    }
  }
  return failures;
}
