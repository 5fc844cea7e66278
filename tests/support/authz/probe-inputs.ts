import type { RouteContract } from '@ioc/contracts';
import type { z } from 'zod';
import type { LookupKind } from './world';

/** Where a request carries an input. */
export type InputSite = 'param' | 'query' | 'body';

/** An input of a route that names a unit, or a resource whose unit the gate must check. */
export interface ProbeInput {
  site: InputSite;
  name: string;
  /**
   * 'unit': the value is a unit code; 'province': a province's code only (a choropleth's
   * province, an import's parent); otherwise the kind of resource it names.
   */
  kind: 'unit' | 'province' | LookupKind;
  /** The schema takes a list (`units: ['20275']`), not one code. */
  list: boolean;
  /** The request is invalid without it. */
  required: boolean;
}

/**
 * The rule, from the contracts' zod schemas (the OpenAPI document is generated from them):
 *
 * - a query, path or top-level body field named like a unit — `unit`, `units`, `unitCode`,
 *   `leadUnitCode`, `areaCode`, `province`, `parent`, `ward`, `allowedUnits` — whose schema takes
 *   text (a unit code or a list of them; an enum such as an indicator's `unit` of measure is
 *   not a unit). It names a province when it is called `province` or its schema takes a
 *   province's code but not a ward's;
 * - a query or body field naming a resource that belongs to a unit: `device`/`deviceId` (a
 *   device), `office`/`officeId`/`leadOfficeId`/`compilerOfficeId` (an office);
 * - the `{id}` of a path whose resource belongs to a unit (PATH_RESOURCES) and the `{code}` of a
 *   unit's own path.
 *
 * Not probed, by decision: unit lists nested in a body (an alert rule's `scope.unitCodes`), the
 * ids of resources only administrators reach (targets, users, display tokens, alert rules) or
 * that belong to no unit (feeds, categories, apps), and `rule`/`feed` filters (province-wide
 * configuration). Fields whose names look unit-bearing but are not are in NOT_UNIT_BEARING with
 * the reason; `unclassifiedInputs` fails the matrix on any other field whose name mentions a
 * unit, ward, province, area, office or device, so a new one gets a decision.
 */
export const UNIT_FIELDS: ReadonlySet<string> = new Set([
  'unit',
  'units',
  'unitCode',
  'leadUnitCode',
  'areaCode',
  'province',
  'parent',
  'ward',
  'allowedUnits',
]);

export const LOOKUP_FIELDS: Readonly<Record<string, LookupKind>> = {
  device: 'device',
  deviceId: 'device',
  office: 'office',
  officeId: 'office',
  leadOfficeId: 'office',
  compilerOfficeId: 'office',
};

/** Path prefixes whose `{id}` names a resource with a unit. */
export const PATH_RESOURCES: readonly (readonly [string, LookupKind])[] = [
  ['/api/v1/devices/{id}', 'device'],
  ['/api/v1/alerts/{id}', 'alert'],
  ['/api/v1/tasks/{id}', 'task'],
  ['/api/v1/offices/{id}', 'office'],
  ['/api/v1/reports/periods/{id}', 'period'],
  ['/api/v1/reports/schedules/{id}', 'schedule'],
  ['/api/v1/citizen/reports/{id}', 'citizenReport'],
  ['/api/v1/cameras/{id}', 'camera'],
  ['/api/v1/camera-events/{id}', 'cameraEvent'],
];

/** Inputs whose names match the guard below but carry no unit of their own, and why. */
export const NOT_UNIT_BEARING: Readonly<Record<string, string>> = {
  devEui: 'a LoRaWAN identifier given to a device an administrator registers',
  gatewayId: 'the gateway of a device an administrator registers',
  deviceInfo: 'a LoRaWAN network server describing the sender (machine route, webhook secret)',
  end_device_ids: 'a LoRaWAN network server describing the sender (machine route, webhook secret)',
};

const SUSPICIOUS = /unit|ward|province|area|office|device|parent/i;

type AnySchema = z.ZodType;

/** The parts of a zod 4 schema's definition the rule reads. */
function defOf(schema: AnySchema): { type: string; innerType?: AnySchema; element?: AnySchema } {
  return (
    schema as unknown as { def: { type: string; innerType?: AnySchema; element?: AnySchema } }
  ).def;
}

/** Strips optional/nullable/default wrappers. */
function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let i = 0; i < 8; i++) {
    const { type, innerType } = defOf(s);
    if ((type === 'optional' || type === 'nullable' || type === 'default') && innerType) {
      s = innerType;
      continue;
    }
    break;
  }
  return s;
}

function fieldsOf(schema: z.ZodType | undefined): [string, AnySchema][] {
  const shape = (schema as { shape?: Record<string, AnySchema> } | undefined)?.shape;
  return shape ? Object.entries(shape) : [];
}

function isRequired(schema: AnySchema): boolean {
  return !schema.safeParse(undefined).success;
}

/** 'one' for text, 'list' for a list of text, null for anything else (enums, numbers, objects). */
function textShape(schema: AnySchema): 'one' | 'list' | null {
  const { type, element } = defOf(unwrap(schema));
  if (type === 'string') return 'one';
  if (type === 'array' && element) return defOf(unwrap(element)).type === 'string' ? 'list' : null;
  return null;
}

/** A province's code and not a ward's: `province`, or a schema that only takes two digits. */
function isProvince(name: string, schema: AnySchema): boolean {
  if (name === 'province') return true;
  const s = unwrap(schema);
  return s.safeParse('48').success && !s.safeParse('20275').success;
}

function pathResource(path: string): LookupKind | null {
  for (const [prefix, kind] of PATH_RESOURCES) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return kind;
  }
  return null;
}

/** Every unit-bearing and lookup-bearing input of a route, per the rule above. */
export function probeInputs(contract: RouteContract): ProbeInput[] {
  const out: ProbeInput[] = [];
  const sites: [InputSite, z.ZodType | undefined][] = [
    ['param', contract.request?.params],
    ['query', contract.request?.query],
    ['body', contract.request?.body],
  ];
  for (const [site, schema] of sites) {
    for (const [name, field] of fieldsOf(schema)) {
      const shape = textShape(field);
      if (shape === null) continue;
      let kind: ProbeInput['kind'] | null = null;
      if (site === 'param' && name === 'id') kind = pathResource(contract.path);
      else if (site === 'param' && name === 'code' && contract.path.startsWith('/api/v1/units/'))
        kind = 'unit';
      else if (UNIT_FIELDS.has(name)) kind = isProvince(name, field) ? 'province' : 'unit';
      else if (site !== 'param') kind = LOOKUP_FIELDS[name] ?? null;
      if (kind === null) continue;
      out.push({ site, name, kind, list: shape === 'list', required: isRequired(field) });
    }
  }
  return out;
}

/** Fields whose names suggest a unit or a unit's resource that the rule does not classify. */
export function unclassifiedInputs(contract: RouteContract): string[] {
  const classified = new Set(probeInputs(contract).map((i) => `${i.site}.${i.name}`));
  const out: string[] = [];
  const sites: [InputSite, z.ZodType | undefined][] = [
    ['param', contract.request?.params],
    ['query', contract.request?.query],
    ['body', contract.request?.body],
  ];
  for (const [site, schema] of sites) {
    for (const [name, field] of fieldsOf(schema)) {
      if (!SUSPICIOUS.test(name) || classified.has(`${site}.${name}`)) continue;
      if (name in NOT_UNIT_BEARING) continue;
      // A unit-like name whose schema is not text (an indicator's unit of measure) is no unit.
      if (UNIT_FIELDS.has(name) && textShape(field) === null) continue;
      out.push(`${contract.method} ${contract.path} ${site}.${name}`);
    }
  }
  return out;
}
