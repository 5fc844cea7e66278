import { SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Action } from '@ioc/auth';
import type { ResourceLookups } from './resource-lookups';

/**
 * Where the unit a request is about comes from. The value may be one code, a comma-separated
 * list or an array; every unit must be within scope. No value means "not narrowed to a unit",
 * which only principals that read everything may ask.
 *
 * `lookup` is for routes whose unit is a property of the resource (an alert's unit): the guard
 * calls `resolve` (before the handler) and checks what it returns. Return `undefined` when the
 * resource does not exist: principals that read everything go on to the handler's 404, anyone
 * narrowed to units is refused.
 */
export type UnitSource =
  | { from: 'query' | 'param' | 'body'; name: string }
  | {
      from: 'lookup';
      /** The unit(s) of the resource; [] = the request names none; null = a resource without a unit. */
      resolve: (
        req: FastifyRequest,
        lookups: ResourceLookups,
      ) => Promise<string | readonly string[] | null | undefined>;
    };

/** One source, or several whose units are all checked (e.g. ?unit= and the unit of ?device=). */
export type UnitSources = UnitSource | readonly UnitSource[];

export type RoutePolicy =
  | { kind: 'public' }
  | { kind: 'machine' }
  | { kind: 'authenticated' }
  | { kind: 'access'; action: Action; unit?: UnitSources };

export const ROUTE_POLICY = 'ioc:route-policy';

/**
 * The route needs a principal allowed to perform `action`, on the unit named by `unit` when
 * given. On a controller class it applies to every route without its own decorator.
 *
 *   @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })   GET /devices?unit=20275
 *   @Access({ action: 'alerts.work', unit: { from: 'lookup', resolve: alertUnit } })
 *   @Access({ action: 'admin' })
 */
export const Access = (policy: { action: Action; unit?: UnitSources }) =>
  SetMetadata<string, RoutePolicy>(ROUTE_POLICY, { kind: 'access', ...policy });

/** The resources a request may name in a query or body field, by their lookup. */
const NAMED_RESOURCES = {
  device: (lookups: ResourceLookups, id: string) => lookups.deviceUnit(id),
  office: (lookups: ResourceLookups, id: string) => lookups.officeUnit(id),
} as const;

/**
 * A lookup source: the unit of the resource named in a query, path or body field (`?device=`,
 * `?office=`, `leadOfficeId`). Absent: the request names none ([]). A resource that does not
 * exist is refused to scoped principals; a device without a unit (a vessel at sea) counts as
 * unscoped. A decommissioned device keeps its last unit (its history is still served).
 */
export function unitOfNamed(
  kind: keyof typeof NAMED_RESOURCES,
  from: 'query' | 'param' | 'body',
  name: string,
): UnitSource {
  return {
    from: 'lookup',
    resolve: async (req, lookups) => {
      const bag = (from === 'query' ? req.query : from === 'param' ? req.params : req.body) as
        Record<string, unknown> | null | undefined;
      const id = typeof bag === 'object' && bag !== null ? bag[name] : undefined;
      if (typeof id !== 'string' || id === '') return [];
      return NAMED_RESOURCES[kind](lookups, id);
    },
  };
}

/** The unit of the device named in a query or path parameter (`?device=aq-01`). */
export function unitOfDevice(from: 'query' | 'param', name: string): UnitSource {
  return unitOfNamed('device', from, name);
}

/** Anyone, no credential: health, login, first-run setup. */
export const PublicRoute = () => SetMetadata<string, RoutePolicy>(ROUTE_POLICY, { kind: 'public' });

/**
 * The route authenticates its own machine credential (device/gateway token, webhook secret,
 * feed key) and must check it itself. The guard adds the per-credential rate limit.
 */
export const MachineRoute = () =>
  SetMetadata<string, RoutePolicy>(ROUTE_POLICY, { kind: 'machine' });

/** Any valid session or display token, no particular action (who am I, log out). */
export const Authenticated = () =>
  SetMetadata<string, RoutePolicy>(ROUTE_POLICY, { kind: 'authenticated' });
