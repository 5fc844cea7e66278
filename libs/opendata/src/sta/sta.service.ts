import type { Queryable } from '@ioc/db';
import { checkSelect, formatEntity, keyed } from './entity-format';
import { parseQueryOptions, pageSize, type QueryOptions } from './query-options';
import { notFound, parseResourcePath, type PathStep } from './resource-path';
import { bad } from './spatial';
import {
  SET_NAMES,
  SETS,
  matchColumn,
  type EntitySet,
  type QueryContext,
  type Row,
} from './sta-model';
import { StaReader, type Scope } from './sta-reader';

/** What the edge hands over: the path after the service root, the raw query, the absolute root URL. */
export interface StaRequest {
  path: string;
  query: string;
  root: string;
}

export type StaAnswer = { kind: 'json'; body: unknown } | { kind: 'text'; body: string };

export const STA_CONFORMANCE = [
  'http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data',
] as const;

export interface StaOptions {
  /** Conformance classes other parts add (the MQTT extension). */
  conformance?: readonly string[];
  /** Entries other parts add to serverSettings (e.g. the MQTT endpoints). */
  serverSettings?: Readonly<Record<string, unknown>>;
  /**
   * The service root under the platform's configured public address (PUBLIC_URL), when it has
   * one: every link is written under it, whichever host a request reached, so that an entity
   * read over HTTP equals the one the MQTT updates carry (they know no request's host).
   */
  root?: string;
}

/** Where a path has led: a set, narrowed by the path, one entity or a collection. */
interface Target {
  set: EntitySet;
  scope: Scope | null;
  single: boolean;
  /** The URL of the collection or entity, for nextLinks. */
  url: string;
}

/**
 * OGC SensorThings API 1.1, read-only, over the open_public_* views: resolves the resource path,
 * reads pages and expansions through StaReader, and writes OGC 18-088 JSON.
 */
export class StaService {
  constructor(
    private readonly db: Queryable,
    private readonly options: StaOptions = {},
  ) {}

  async handle(request: StaRequest): Promise<StaAnswer> {
    const req = this.options.root === undefined ? request : { ...request, root: this.options.root };
    const query = new URLSearchParams(req.query);
    const ctx: QueryContext = { lang: query.get('lang') === 'en' ? 'en' : 'vi' };
    const steps = parseResourcePath(req.path);
    if (steps.length === 0) return { kind: 'json', body: this.serviceRoot(req.root) };
    const options = parseQueryOptions(query);
    const reader = new StaReader(this.db, ctx);
    const last = steps[steps.length - 1];
    const tail = last?.kind === 'value' || last?.kind === 'ref' ? 1 : 0;
    const propertyStep = steps[steps.length - 1 - tail];
    const property = propertyStep?.kind === 'property' ? propertyStep.name : undefined;
    const entitySteps = steps.slice(0, steps.length - tail - (property ? 1 : 0));
    if (last?.kind === 'value' && !property) throw bad('$value follows a property', 'path');
    const target = await this.resolve(entitySteps, reader, req.root);

    if (property !== undefined) {
      if (!target.single) throw bad(`${property}: a property is read from one entity`, 'path');
      const row = await this.one(reader, target);
      const entity = target.set.format(row, req.root);
      const value = property === 'id' ? row.id : entity[property];
      if (!(property in entity) && property !== 'id')
        throw bad(`${target.set.entity} has no property ${property}`, 'path');
      if (last?.kind === 'value')
        return {
          kind: 'text',
          body: typeof value === 'string' ? value : JSON.stringify(value),
        };
      return { kind: 'json', body: { [property]: value } };
    }
    if (last?.kind === 'ref') {
      if (target.single) {
        const row = await this.one(reader, target);
        return {
          kind: 'json',
          body: { '@iot.selfLink': `${req.root}/${keyed(target.set, row.id)}` },
        };
      }
      const page = await reader.page(target.set, target.scope, options);
      return {
        kind: 'json',
        body: this.collection(page, target, query, options, (r) => ({
          '@iot.selfLink': `${req.root}/${keyed(target.set, r.id)}`,
        })),
      };
    }
    checkSelect(target.set, options.select);
    if (target.single) {
      const row = await this.one(reader, target);
      const [entity] = await this.expand(reader, target.set, [row], options, req.root);
      return { kind: 'json', body: entity };
    }
    const page = await reader.page(target.set, target.scope, options);
    const entities = await this.expand(reader, target.set, page.rows, options, req.root);
    let i = 0;
    return {
      kind: 'json',
      body: this.collection(page, target, query, options, () => entities[i++] ?? {}),
    };
  }

  private serviceRoot(root: string) {
    return {
      value: SET_NAMES.map((name) => ({ name, url: `${root}/${name}` })),
      serverSettings: {
        conformance: [...STA_CONFORMANCE, ...(this.options.conformance ?? [])],
        ...(this.options.serverSettings ?? {}),
      },
    };
  }

  /** Follows the path: a set, a keyed entity, then navigation properties from one entity. */
  private async resolve(steps: PathStep[], reader: StaReader, root: string): Promise<Target> {
    const [first, ...rest] = steps;
    if (first?.kind !== 'set') throw notFound('the path names no entity set');
    let target = keyedTarget(SETS[first.name], null, first.key, `${root}/${first.name}`);
    for (const step of rest) {
      if (step.kind !== 'nav') throw bad('unexpected path segment', 'path');
      if (!target.single)
        throw bad(`${step.name}: navigation starts from one entity (give its id)`, 'path');
      const rel = target.set.nav[step.name];
      if (!rel) throw notFound(`${target.set.entity} has no navigation property ${step.name}`);
      const parent = await this.one(reader, target);
      const set = SETS[rel.target];
      const value = String(parent[rel.parentCol]);
      const scope: Scope = (a, p) => matchColumn(set, a, rel.childCol, [value], p);
      const url = `${root}/${keyed(target.set, parent.id)}/${step.name}`;
      if (!rel.many && step.key !== undefined) throw bad(`${step.name} takes no key`, 'path');
      target = rel.many
        ? keyedTarget(set, scope, step.key, url)
        : { set, scope, single: true, url };
    }
    return target;
  }

  private async one(reader: StaReader, target: Target): Promise<Row> {
    const page = await reader.page(target.set, target.scope, {
      expand: [],
      orderby: [],
      top: 1,
      skip: 0,
      count: false,
    });
    const row = page.rows[0];
    if (!row) throw notFound(`no such ${target.set.entity}`);
    return row;
  }

  /** Formats rows and fills their `$expand`ed navigation properties, level by level. */
  private async expand(
    reader: StaReader,
    set: EntitySet,
    rows: Row[],
    options: QueryOptions,
    root: string,
  ): Promise<Row[]> {
    const out = rows.map((r) => formatEntity(set, r, root, options.select));
    for (const e of options.expand) {
      const rel = set.nav[e.nav];
      if (!rel) throw bad(`${set.entity} has no navigation property ${e.nav}`, '$expand');
      const target = SETS[rel.target];
      checkSelect(target, e.options.select);
      const keys = [...new Set(rows.map((r) => String(r[rel.parentCol])))];
      const groups = await reader.related(target, rel.childCol, keys, e.options, rel.many);
      for (const [i, row] of rows.entries()) {
        const entity = out[i];
        if (!entity) continue;
        const group = groups.get(String(row[rel.parentCol]));
        const children = await this.expand(reader, target, group?.rows ?? [], e.options, root);
        if (!rel.many) {
          entity[e.nav] = children[0] ?? null;
          continue;
        }
        if (e.options.count) entity[`${e.nav}@iot.count`] = group?.count ?? 0;
        entity[e.nav] = children;
        if (group?.more && !e.options.filter && e.options.orderby.length === 0) {
          const next = new URLSearchParams({
            $top: String(pageSize(e.options)),
            $skip: String(e.options.skip + pageSize(e.options)),
          });
          entity[`${e.nav}@iot.nextLink`] =
            `${root}/${keyed(set, row.id)}/${e.nav}?${next.toString().replace(/%24/g, '$')}`;
        }
      }
    }
    return out;
  }

  private collection(
    page: { rows: Row[]; count?: number; more: boolean },
    target: Target,
    query: URLSearchParams,
    options: QueryOptions,
    item: (row: Row) => Row,
  ) {
    const body: Row = {};
    if (page.count !== undefined) body['@iot.count'] = page.count;
    body.value = page.rows.map(item);
    if (page.more) body['@iot.nextLink'] = nextLink(target.url, query, options);
    return body;
  }
}

function keyedTarget(
  set: EntitySet,
  scope: Scope | null,
  key: string | undefined,
  url: string,
): Target {
  if (key === undefined) return { set, scope, single: false, url };
  const byKey: Scope = (a, p) =>
    scope
      ? `${scope(a, p)} AND ${matchColumn(set, a, 'id', [key], p)}`
      : matchColumn(set, a, 'id', [key], p);
  return { set, scope: byKey, single: true, url: url.replace(/\/[^/]*$/, `/${keyed(set, key)}`) };
}

/** The same request, one page on: `$skip` moved by the page size, every other option kept. */
function nextLink(url: string, query: URLSearchParams, options: QueryOptions): string {
  const top = pageSize(options);
  const parts: string[] = [];
  for (const [k, v] of query)
    if (k !== '$skip' && k !== '$top') parts.push(`${k}=${encodeURIComponent(v)}`);
  parts.push(`$top=${String(top)}`, `$skip=${String(options.skip + top)}`);
  return `${url}?${parts.join('&')}`;
}
