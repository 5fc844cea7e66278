import { defaultParser } from '@odata/parser';
import type { AstNode } from './filter-compiler';
import { preprocessFilter, type Preprocessed } from './filter-preprocess';
import { bad } from './spatial';

export const DEFAULT_TOP = 100;
export const MAX_TOP = 1000;

export interface Expression {
  ast: AstNode;
  /** The rewrites of the text this expression was parsed from (positions are in that text). */
  pre: Preprocessed;
}

/** The system query options of one request, or of one `$expand` item (OGC 18-088 §9.3). */
export interface QueryOptions {
  filter?: Expression;
  select?: string[];
  expand: ExpandOption[];
  orderby: { expr: Expression; desc: boolean }[];
  top: number;
  skip: number;
  count: boolean;
}

export interface ExpandOption {
  nav: string;
  options: QueryOptions;
}

const KNOWN = new Set(['$filter', '$select', '$expand', '$orderby', '$top', '$skip', '$count']);

const emptyOptions = (): QueryOptions => ({
  expand: [],
  orderby: [],
  top: DEFAULT_TOP,
  skip: 0,
  count: false,
});

function parseWith<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw bad(`${what} cannot be parsed (${msg.replace(/^Fail at/, 'at position')})`, what);
  }
}

function integer(name: string, raw: string): number {
  if (!/^\d{1,9}$/.test(raw.trim())) throw bad(`${name} must be a non-negative integer`, name);
  return Number(raw.trim());
}

function bool(name: string, raw: string): boolean {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw bad(`${name} must be true or false`, name);
}

/** The options of a request's query string (decoded); unknown `$` options are refused. */
export function parseQueryOptions(query: URLSearchParams): QueryOptions {
  const out = emptyOptions();
  for (const [key, value] of query) {
    if (!key.startsWith('$')) continue;
    if (!KNOWN.has(key)) throw bad(`${key} is not a SensorThings query option`, key);
    // Each option is parsed alone, in the text it came in, so positions in errors are its own.
    const pre = preprocessFilter(
      key === '$expand' ? parenthesiseFilters(`${key}=${value}`) : `${key}=${value}`,
    );
    if (key === '$top') out.top = integer(key, value);
    else if (key === '$skip') out.skip = integer(key, value);
    else if (key === '$count') out.count = bool(key, value);
    else {
      const token = parseWith(key, () => defaultParser.query(pre.text)) as unknown as AstNode;
      const options = (token.value as { options: AstNode[] }).options;
      applyOptions(out, options, pre);
    }
  }
  return out;
}

function applyOptions(out: QueryOptions, options: readonly AstNode[], pre: Preprocessed): void {
  for (const o of options) {
    switch (o.type) {
      case 'Filter':
        out.filter = { ast: o.value as AstNode, pre };
        break;
      case 'Select':
        out.select = (o.value as { items: AstNode[] }).items.map((i) => i.raw.trim());
        break;
      case 'OrderBy':
        out.orderby = (o.value as { items: AstNode[] }).items.map((i) => {
          const v = i.value as { expr: AstNode; direction: number };
          return { expr: { ast: v.expr, pre }, desc: v.direction < 0 };
        });
        break;
      case 'Top':
        out.top = integer('$top', (o.value as AstNode).raw);
        break;
      case 'Skip':
        out.skip = integer('$skip', (o.value as AstNode).raw);
        break;
      case 'InlineCount':
        out.count = bool('$count', o.raw.slice(o.raw.indexOf('=') + 1).trim());
        break;
      case 'Expand':
        for (const item of (o.value as { items: AstNode[] }).items) addExpand(out, item, pre);
        break;
      default:
        throw bad(`${o.raw} is not supported here`);
    }
  }
}

/** `A/B($top=3)` is `A($expand=B($top=3))`; the same navigation named twice is merged. */
function addExpand(out: QueryOptions, item: AstNode, pre: Preprocessed): void {
  const v = item.value as { path: AstNode; options?: AstNode[] };
  const navs = (v.path.value as AstNode[]).map((s) => s.raw.trim());
  let level = out;
  navs.forEach((nav, i) => {
    let found = level.expand.find((e) => e.nav === nav);
    if (!found) {
      found = { nav, options: emptyOptions() };
      level.expand.push(found);
    }
    if (i === navs.length - 1) applyOptions(found.options, v.options ?? [], pre);
    level = found.options;
  });
}

/** The page size asked for, capped: larger asks are served in pages with `@iot.nextLink`. */
export function pageSize(options: QueryOptions): number {
  return Math.min(options.top, MAX_TOP);
}

/**
 * @odata/parser 0.2.14 fails on a nested `$filter` that ends in a string literal followed by
 * another option (`Datastreams($filter=id eq 'a';$top=2)`) but reads the same filter in
 * parentheses, so each nested `$filter=…` value is wrapped before parsing.
 */
export function parenthesiseFilters(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('$filter=', i) && i > 0) {
      out += '$filter=(';
      i += '$filter='.length;
      let depth = 0;
      while (i < text.length) {
        const ch = text[i] ?? '';
        if (ch === "'") {
          const end = skipString(text, i);
          out += text.slice(i, end);
          i = end;
          continue;
        }
        if (ch === '(') depth += 1;
        if (ch === ')') {
          if (depth === 0) break;
          depth -= 1;
        }
        if (ch === ';' && depth === 0) break;
        out += ch;
        i += 1;
      }
      out += ')';
      continue;
    }
    const ch = text[i] ?? '';
    if (ch === "'") {
      const end = skipString(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") i += 2;
      else return i + 1;
    } else i += 1;
  }
  return text.length;
}
