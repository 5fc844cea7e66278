import type { Preprocessed } from './filter-preprocess';
import {
  bad,
  lineLength,
  parseWkt,
  pointPredicate,
  relateMatches,
  relateMatrix,
  type Geometry,
} from './spatial';
import type { EntitySet, QueryContext, ValueType } from './sta-model';
import { SETS, matchColumn } from './sta-model';
import type { SqlParams } from './sql-params';

/** A node of @odata/parser's syntax tree, as far as the compiler reads it. */
export interface AstNode {
  type: string;
  value: unknown;
  raw: string;
  position: number;
}

type Kind = ValueType | 'null' | 'date' | 'tod';
interface Compiled {
  sql: string;
  type: Kind;
}

/** What compiling one expression needs: the set it is about, where its values go, the rewrites. */
export interface CompileScope {
  set: EntitySet;
  alias: string;
  p: SqlParams;
  ctx: QueryContext;
  pre: Preprocessed;
  /** Ids of the set's entities whose (rounded) position passes `test`. */
  positions: (set: EntitySet, test: (pt: [number, number]) => boolean) => Promise<string[]>;
  depth?: number;
}

const COMPARE: Record<string, string> = {
  EqualsExpression: '=',
  NotEqualsExpression: '<>',
  LesserThanExpression: '<',
  LesserOrEqualsExpression: '<=',
  GreaterThanExpression: '>',
  GreaterOrEqualsExpression: '>=',
};
const ARITHMETIC: Record<string, string> = {
  AddExpression: '+',
  SubExpression: '-',
  MulExpression: '*',
  DivExpression: '/',
  ModExpression: '%',
};
const NUMERIC_EDM = new Set([
  'Edm.SByte',
  'Edm.Byte',
  'Edm.Int16',
  'Edm.Int32',
  'Edm.Int64',
  'Edm.Decimal',
  'Edm.Double',
  'Edm.Single',
]);
const PART = {
  year: 'year',
  month: 'month',
  day: 'day',
  hour: 'hour',
  minute: 'minute',
  second: 'second',
} as const;

const node = (v: unknown): AstNode => v as AstNode;
const binary = (n: AstNode) => n.value as { left: AstNode; right: AstNode };

/** Compiles a $filter (or an $orderby expression) into SQL over `scope.alias`; values become parameters. */
export async function compileExpression(n: AstNode, scope: CompileScope): Promise<Compiled> {
  const c = (x: AstNode) => compileExpression(x, scope);
  switch (n.type) {
    case 'CommonExpression':
    case 'BoolParenExpression':
    case 'ParenExpression': {
      const inner = await c(node(n.value));
      return { sql: `(${inner.sql})`, type: inner.type };
    }
    case 'AndExpression':
    case 'OrExpression': {
      const { left, right } = binary(n);
      const l = expect(await c(left), 'boolean', left);
      const r = expect(await c(right), 'boolean', right);
      return { sql: `(${l} ${n.type === 'AndExpression' ? 'AND' : 'OR'} ${r})`, type: 'boolean' };
    }
    case 'NotExpression':
      return { sql: `(NOT ${expect(await c(node(n.value)), 'boolean', n)})`, type: 'boolean' };
    case 'NegateExpression':
      return { sql: `(-${expect(await c(node(n.value)), 'number', n)})`, type: 'number' };
    case 'FirstMemberExpression':
    case 'MemberExpression':
      return member(n.raw.replace(/\s+/g, ''), scope, n);
    case 'Literal':
      return literal(n, scope.p);
    case 'MethodCallExpression':
      return method(n, scope);
  }
  const op = COMPARE[n.type];
  if (op) {
    const { left, right } = binary(n);
    return compare(op, await c(left), await c(right), n);
  }
  const ar = ARITHMETIC[n.type];
  if (ar) {
    const { left, right } = binary(n);
    const l = expect(await c(left), 'number', left);
    const r = expect(await c(right), 'number', right);
    if (ar === '/') return { sql: `(${l} / NULLIF(${r}, 0))`, type: 'number' };
    if (ar === '%') return { sql: `(${l} - ${r} * trunc(${l} / NULLIF(${r}, 0)))`, type: 'number' };
    return { sql: `(${l} ${ar} ${r})`, type: 'number' };
  }
  throw bad(`${n.raw}: this kind of expression is not supported`);
}

function expect(v: Compiled, type: Kind, n: AstNode): string {
  if (v.type === type) return v.sql;
  if (type === 'string' && v.type === 'json') return v.sql;
  if (type === 'number' && v.type === 'json') return numericText(v.sql);
  throw bad(`${n.raw}: expected a ${type}, found a ${v.type}`);
}

/** A JSON member as a number when it reads as one (NULL otherwise, never a SQL error). */
const numericText = (sql: string) =>
  `(CASE WHEN (${sql}) ~ '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$' THEN (${sql})::float8 END)`;

function compare(op: string, l: Compiled, r: Compiled, n: AstNode): Compiled {
  if (l.type === 'null' || r.type === 'null') {
    const other = l.type === 'null' ? r : l;
    if (op === '=') return { sql: `(${other.sql} IS NULL)`, type: 'boolean' };
    if (op === '<>') return { sql: `(${other.sql} IS NOT NULL)`, type: 'boolean' };
    throw bad(`${n.raw}: null can only be compared with eq or ne`);
  }
  const json = l.type === 'json' ? l : r.type === 'json' ? r : null;
  if (json) {
    const other = json === l ? r : l;
    const cast =
      other.type === 'number'
        ? numericText(json.sql)
        : other.type === 'boolean'
          ? json.sql
          : json.sql;
    const otherSql = other.type === 'boolean' ? `(${other.sql})::text` : other.sql;
    const [a, b] = json === l ? [cast, otherSql] : [otherSql, cast];
    return { sql: `(${a} ${op} ${b})`, type: 'boolean' };
  }
  if (l.type !== r.type || l.type === 'geo')
    throw bad(`${n.raw}: cannot compare a ${l.type} with a ${r.type}`);
  return { sql: `(${l.sql} ${op} ${r.sql})`, type: 'boolean' };
}

function literal(n: AstNode, p: SqlParams): Compiled {
  const edm = String(n.value);
  if (edm === 'Edm.String')
    return { sql: `${p.add(n.raw.slice(1, -1).replace(/''/g, "'"))}::text`, type: 'string' };
  if (NUMERIC_EDM.has(edm)) return { sql: `${p.add(Number(n.raw))}::float8`, type: 'number' };
  if (edm === 'Edm.Boolean')
    return { sql: `${p.add(n.raw.toLowerCase() === 'true')}::boolean`, type: 'boolean' };
  if (edm === 'Edm.DateTimeOffset') return { sql: `${p.add(n.raw)}::timestamptz`, type: 'time' };
  if (edm === 'Edm.Date') return { sql: `${p.add(n.raw)}::date`, type: 'date' };
  if (edm === 'Edm.TimeOfDay') return { sql: `${p.add(n.raw)}::time`, type: 'tod' };
  if (edm === 'null') return { sql: 'NULL', type: 'null' };
  throw bad(`${n.raw}: literals of type ${edm} are not supported`);
}

/** A property path: a property of the set, a member of a JSON property, or via a to-one navigation. */
function member(path: string, scope: CompileScope, n: AstNode): Compiled {
  const { set, alias, p } = scope;
  const prop = set.props[path];
  if (prop) return { sql: prop.sql(alias), type: prop.type };
  const [head = '', ...rest] = path.split('/');
  const json = set.json?.[head];
  if (json && rest.length > 0)
    return { sql: `(${json(alias)} #>> ${p.add(rest)}::text[])`, type: 'json' };
  const rel = set.nav[head];
  if (rel && !rel.many && rest.length > 0) {
    const depth = (scope.depth ?? 0) + 1;
    const target = SETS[rel.target];
    const sub = `n${String(depth)}`;
    const inner = member(rest.join('/'), { ...scope, set: target, alias: sub, depth }, n);
    if (inner.type === 'geo')
      throw bad(`${n.raw}: spatial functions apply to the entity's own location`);
    return {
      sql: `(SELECT ${inner.sql} FROM (${target.base(p, scope.ctx)}) ${sub} WHERE ${sub}.${rel.childCol} = ${alias}.${rel.parentCol} LIMIT 1)`,
      type: inner.type,
    };
  }
  throw bad(`${n.raw}: ${set.entity} has no property ${path} that can be filtered on`);
}

async function method(n: AstNode, scope: CompileScope): Promise<Compiled> {
  const call = n.value as { method: string; parameters?: AstNode[] };
  const name = scope.pre.functions.get(n.position) ?? call.method.toLowerCase();
  const params = call.parameters ?? [];
  if (name === 'geo.intersects' || name.startsWith('st_'))
    return spatialCall(name, params, scope, n);
  if (name === 'geo.distance') return distance(params, scope, n);
  if (name === 'geo.length') return length(params, scope, n);
  const args = await Promise.all(params.map((x) => compileExpression(x, scope)));
  const arg = (i: number, type: Kind) => {
    const a = args[i];
    const at = params[i];
    if (!a || !at) throw bad(`${n.raw}: ${name} needs more arguments`);
    return expect(a, type, at);
  };
  const arity = (...counts: number[]) => {
    if (!counts.includes(args.length))
      throw bad(`${n.raw}: ${name} takes ${counts.join(' or ')} arguments`);
  };
  const s = (sql: string): Compiled => ({ sql, type: 'string' });
  const num = (sql: string): Compiled => ({ sql, type: 'number' });
  const bool = (sql: string): Compiled => ({ sql, type: 'boolean' });
  switch (name) {
    case 'substringof':
      arity(2);
      return bool(`(strpos(${arg(1, 'string')}, ${arg(0, 'string')}) > 0)`);
    case 'contains':
      arity(2);
      return bool(`(strpos(${arg(0, 'string')}, ${arg(1, 'string')}) > 0)`);
    case 'startswith':
      arity(2);
      return bool(
        `(left(${arg(0, 'string')}, char_length(${arg(1, 'string')})) = ${arg(1, 'string')})`,
      );
    case 'endswith':
      arity(2);
      return bool(
        `(right(${arg(0, 'string')}, char_length(${arg(1, 'string')})) = ${arg(1, 'string')})`,
      );
    case 'length':
      arity(1);
      return num(`char_length(${arg(0, 'string')})::float8`);
    case 'indexof':
      arity(2);
      return num(`(strpos(${arg(0, 'string')}, ${arg(1, 'string')}) - 1)::float8`);
    case 'substring':
      arity(2, 3);
      return s(
        args.length === 3
          ? `substr(${arg(0, 'string')}, (${arg(1, 'number')})::int + 1, (${arg(2, 'number')})::int)`
          : `substr(${arg(0, 'string')}, (${arg(1, 'number')})::int + 1)`,
      );
    case 'tolower':
      arity(1);
      return s(`lower(${arg(0, 'string')})`);
    case 'toupper':
      arity(1);
      return s(`upper(${arg(0, 'string')})`);
    case 'trim':
      arity(1);
      return s(`btrim(${arg(0, 'string')})`);
    case 'concat':
      arity(2);
      return s(`(${arg(0, 'string')} || ${arg(1, 'string')})`);
    case 'year':
    case 'month':
    case 'day':
    case 'hour':
    case 'minute':
    case 'second':
      arity(1);
      return num(`floor(date_part('${PART[name]}', ${arg(0, 'time')} AT TIME ZONE 'UTC'))::float8`);
    case 'fractionalseconds':
      arity(1);
      return num(
        `(date_part('second', ${arg(0, 'time')}) - floor(date_part('second', ${arg(0, 'time')})))::float8`,
      );
    case 'date':
      arity(1);
      return { sql: `(${arg(0, 'time')} AT TIME ZONE 'UTC')::date`, type: 'date' };
    case 'time':
      arity(1);
      return { sql: `(${arg(0, 'time')} AT TIME ZONE 'UTC')::time`, type: 'tod' };
    case 'now':
      arity(0);
      return { sql: 'now()', type: 'time' };
    // The earliest and latest instants there are: any time compares after and before them.
    case 'mindatetime':
      arity(0);
      return { sql: "'-infinity'::timestamptz", type: 'time' };
    case 'maxdatetime':
      arity(0);
      return { sql: "'infinity'::timestamptz", type: 'time' };
    case 'totaloffsetminutes':
      arity(1);
      // Every time here is written in UTC ('…Z'): its offset is 0 minutes (null stays null).
      return num(`(CASE WHEN ${arg(0, 'time')} IS NOT NULL THEN 0 END)::float8`);
    case 'round':
    case 'floor':
    case 'ceiling':
      arity(1);
      // numeric: halves round away from zero as OData says (float8 rounds them to even).
      return num(`${name === 'ceiling' ? 'ceil' : name}((${arg(0, 'number')})::numeric)::float8`);
  }
  throw bad(`${n.raw}: the function ${name} is not supported`);
}

/** Which argument is the geometry literal and which the entity's position. */
function spatialArgs(params: AstNode[], scope: CompileScope, n: AstNode, name: string) {
  const [a, b] = params;
  const count = name === 'st_relate' ? 3 : 2;
  if (params.length !== count || !a || !b)
    throw bad(`${n.raw}: ${name} takes ${count === 3 ? 'three' : 'two'} arguments`);
  const wktOf = (x: AstNode) =>
    x.type === 'Literal' ? scope.pre.geographies.get(x.position) : undefined;
  const pathOf = (x: AstNode) =>
    x.type === 'FirstMemberExpression' || x.type === 'MemberExpression'
      ? x.raw.replace(/\s+/g, '')
      : undefined;
  const wkt = wktOf(b) ?? wktOf(a);
  const path = pathOf(a) ?? pathOf(b);
  if (wkt === undefined || path === undefined)
    throw bad(`${n.raw}: ${name} compares a location with a geography'…' literal`);
  if (!scope.set.geo?.includes(path))
    throw bad(`${n.raw}: ${path} is not a location of ${scope.set.entity}`);
  return { geometry: parseWkt(wkt), pointFirst: pathOf(a) !== undefined };
}

/**
 * No PostGIS here (PGlite, plain PostgreSQL): the predicate is evaluated on the public, rounded
 * positions in JS, and becomes `id = ANY(<the ids that pass>)`.
 */
async function spatialCall(
  name: string,
  params: AstNode[],
  scope: CompileScope,
  n: AstNode,
): Promise<Compiled> {
  const { geometry, pointFirst } = spatialArgs(params, scope, n, name);
  let test = (pt: [number, number]) => pointPredicate(name, pt, geometry, pointFirst);
  if (name === 'st_relate') {
    const pattern = params[2];
    if (pattern?.type !== 'Literal' || String(pattern.value) !== 'Edm.String')
      throw bad(`${n.raw}: st_relate's third argument is a DE-9IM pattern such as 'T********'`);
    const text = pattern.raw.slice(1, -1);
    relateMatches('FFFFFFFFF', text); // refuses a malformed pattern even when nothing is tested
    test = (pt) => relateMatches(relateMatrix(pt, geometry, pointFirst), text);
  }
  const ids = await scope.positions(scope.set, test);
  return { sql: matchColumn(scope.set, scope.alias, 'id', ids, scope.p), type: 'boolean' };
}

/**
 * geo.length in metres: of a `geography'LINESTRING(…)'` literal, or of an entity's location,
 * which is a point here and so has no length (0; null where there is no position).
 */
function length(params: AstNode[], scope: CompileScope, n: AstNode): Compiled {
  const [x] = params;
  if (params.length !== 1 || !x) throw bad(`${n.raw}: geo.length takes one argument`);
  const wkt = x.type === 'Literal' ? scope.pre.geographies.get(x.position) : undefined;
  if (wkt !== undefined) return { sql: `${scope.p.add(lineLength(wkt))}::float8`, type: 'number' };
  const m = member(x.raw.replace(/\s+/g, ''), scope, x);
  if (m.type !== 'geo') throw bad(`${n.raw}: geo.length measures a location or a geography'…'`);
  return { sql: `(CASE WHEN ${m.sql} IS NOT NULL THEN 0 END)::float8`, type: 'number' };
}

/** geo.distance to a point, in metres (haversine on the WGS 84 mean radius). */
function distance(params: AstNode[], scope: CompileScope, n: AstNode): Compiled {
  const { geometry } = spatialArgs(params, scope, n, 'geo.distance');
  if (geometry.type !== 'Point') throw bad(`${n.raw}: geo.distance needs a POINT`);
  const g: Geometry & { type: 'Point' } = geometry;
  const [lon, lat] = g.coordinates.map((v) => scope.p.add(v));
  const a = scope.alias;
  return {
    sql: `(2 * 6371008.8 * asin(sqrt(power(sin(radians(${a}.lat - ${lat}::float8) / 2), 2) + cos(radians(${lat}::float8)) * cos(radians(${a}.lat)) * power(sin(radians(${a}.lon - ${lon}::float8) / 2), 2))))`,
    type: 'number',
  };
}
