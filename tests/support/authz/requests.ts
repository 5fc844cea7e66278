import type { RouteContract } from '@ioc/contracts';
import type { z } from 'zod';
import { makePng } from '../png';
import type { ProbeInput } from './probe-inputs';
import { RECIPES, type Recipe } from './recipes';
import type { Place, World } from './world';

/** What a probe puts in its input: a value of a place, a resource that does not exist, nothing. */
export type ProbeValue = Place | 'missing' | 'none';

/** One input set to one value; `input: null` is the plain request (role checks, routes without inputs). */
export interface Probe {
  input: ProbeInput | null;
  value: ProbeValue;
}

export interface BuiltRequest {
  method: string;
  /** Path and query string. */
  url: string;
  body: unknown;
  /** Null when the request passes the contract's schemas, else the first reason it does not. */
  invalid: string | null;
  /**
   * The probed value is FOREIGN or OTHER while the request's other unit-bearing inputs stay at
   * HOME (a HOME task given a FOREIGN office): the domain may refuse the mix with a 400.
   */
  mixed: boolean;
  /** Sent as multipart/form-data with one photo. */
  photo: boolean;
  /** The unit the gate should name in an access.denied row for this probe. */
  unitOfValue: string | null;
}

const PLACEHOLDER = '00000000-0000-0000-0000-000000000000';
const PHOTO = makePng(64, 48, [40, 160, 90]);
const HAS_BODY = new Set(['POST', 'PUT', 'PATCH']);

export function recipeOf(contract: RouteContract): Recipe {
  return RECIPES[`${contract.method} ${contract.path}`] ?? {};
}

export const sameInput = (a: ProbeInput | null, b: ProbeInput | null): boolean =>
  a !== null && b !== null && a.site === b.site && a.name === b.name;

/** The unit a probe's value is about (a resource's own unit for lookups). */
export function unitOfValue(world: World, input: ProbeInput, value: ProbeValue): string | null {
  if (value === 'missing' || value === 'none') return null;
  if (input.kind === 'province')
    return value === 'other' ? world.otherProvince : world.homeProvince;
  return world.units[value];
}

function valueOf(world: World, input: ProbeInput, value: Place | 'missing'): string {
  if (input.kind === 'unit' || input.kind === 'province') {
    if (value === 'missing') throw new Error('units are not probed as missing resources');
    return unitOfValue(world, input, value) ?? '';
  }
  return world.resources[input.kind][value];
}

/** The first reason a value does not pass a schema, null when it does (or there is none). */
function issue(schema: z.ZodType | undefined, value: unknown, site: string): string | null {
  const r = schema?.safeParse(value);
  if (!r || r.success) return null;
  const first = r.error.issues[0];
  const where = first && first.path.length > 0 ? `.${first.path.map(String).join('.')}` : '';
  return `${site}${where}: ${first?.message ?? 'invalid'}`;
}

/**
 * The request of a probe: the recipe's values, every other unit-bearing input that the request
 * needs set to HOME (or left out when optional), and the probed input set to its value. With
 * `fresh`, a route that uses up its path resource gets a new one in the same place.
 */
export async function buildRequest(
  contract: RouteContract,
  inputs: readonly ProbeInput[],
  probe: Probe,
  world: World,
  fresh: boolean,
): Promise<BuiltRequest> {
  const recipe = recipeOf(contract);
  const params: Record<string, string> = {};
  let query: Record<string, string> = recipe.query?.(world) ?? {};
  let body: Record<string, unknown> | undefined =
    recipe.body?.(world) ??
    (HAS_BODY.has(contract.method) && contract.request?.body !== undefined ? {} : undefined);
  for (const [name, make] of Object.entries(recipe.params ?? {})) params[name] = make(world);

  const without = <T>(bag: Record<string, T>, name: string) =>
    Object.fromEntries(Object.entries(bag).filter(([k]) => k !== name));
  const set = (input: ProbeInput, value: string | null) => {
    if (input.site === 'param') params[input.name] = value ?? PLACEHOLDER;
    else if (input.site === 'query')
      query = value === null ? without(query, input.name) : { ...query, [input.name]: value };
    else if (body)
      body =
        value === null
          ? without(body, input.name)
          : { ...body, [input.name]: input.list ? [value] : value };
  };
  let mixed = false;
  const recipeSets = (input: ProbeInput) =>
    input.site === 'param'
      ? input.name in params
      : input.site === 'query'
        ? input.name in query
        : body !== undefined && input.name in body;

  for (const input of inputs) {
    if (sameInput(input, probe.input)) continue;
    if (recipeSets(input)) {
      mixed = true;
      continue;
    }
    const needed = input.required || input.site === 'param';
    set(input, needed ? valueOf(world, input, 'home') : null);
    if (needed) mixed = true;
  }
  if (probe.input) {
    set(probe.input, probe.value === 'none' ? null : valueOf(world, probe.input, probe.value));
  }
  if (fresh && recipe.consumes) {
    const own = inputs.find((i) => i.site === 'param' && i.kind === recipe.consumes);
    const place: Place | 'missing' | 'none' =
      own && sameInput(own, probe.input) ? probe.value : 'home';
    if (own && place !== 'missing' && place !== 'none') {
      params[own.name] = await world.fresh(recipe.consumes, place);
    }
  }

  const path = contract.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
    params[name] ??= PLACEHOLDER;
    return encodeURIComponent(params[name]);
  });
  const search = new URLSearchParams(query).toString();
  const invalid =
    recipe.unbuildable ??
    issue(contract.request?.params, params, 'params') ??
    issue(contract.request?.query, query, 'query') ??
    issue(contract.request?.body, body, 'body');
  return {
    method: contract.method,
    url: search === '' ? path : `${path}?${search}`,
    body,
    invalid,
    mixed: mixed && (probe.value === 'foreign' || probe.value === 'other'),
    photo: recipe.photo === true,
    unitOfValue: probe.input ? unitOfValue(world, probe.input, probe.value) : null,
  };
}

export interface Answer {
  status: number;
  code: string | null;
  text: string;
}

export async function send(
  baseUrl: string,
  req: BuiltRequest,
  token: string | null,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | FormData | undefined;
  if (req.photo) {
    const form = new FormData();
    for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>))
      form.append(k, String(v));
    form.append('photo', new Blob([new Uint8Array(PHOTO)], { type: 'image/png' }), 'after.png');
    body = form;
  } else if (req.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.body);
  }
  const res = await fetch(new URL(req.url, baseUrl), {
    method: req.method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  let code: string | null = null;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    // not JSON (CSV, spreadsheets, metrics, web pages): no error code
  }
  return { status: res.status, code, text };
}
