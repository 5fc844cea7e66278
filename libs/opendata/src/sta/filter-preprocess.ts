/**
 * What @odata/parser 0.2.14 cannot read in a SensorThings $filter, rewritten into what it can,
 * remembering by source position what each rewrite was:
 * - `geography'POLYGON((…))'` (OData's spatial literal) becomes the string literal `'g'`; the
 *   WKT is kept under the position the literal has in the rewritten text;
 * - `st_within(` and the other STA 1.1 spatial functions (§9.3.3.5.2) become `geo.intersects(`,
 *   a name the parser accepts; the real name is kept under the call's position. `st_relate`
 *   takes a third argument (the DE-9IM pattern), which the parser's `geo.intersects` refuses:
 *   it stands in as `substring(`, the one function the parser reads with three arguments.
 * - `not X` becomes `(not X)` when X is a parenthesised group or a function call: the parser
 *   would otherwise read `not (a) and b` as `not ((a) and b)`, against OData's precedence.
 * Text inside string literals is never touched.
 */
export interface Preprocessed {
  text: string;
  /** Position of a placeholder literal in `text` → the WKT it stands for. */
  geographies: Map<number, string>;
  /** Position of a rewritten call in `text` → its STA name (`st_within`). */
  functions: Map<number, string>;
}

export const ST_FUNCTIONS = [
  'st_equals',
  'st_disjoint',
  'st_touches',
  'st_within',
  'st_overlaps',
  'st_crosses',
  'st_intersects',
  'st_contains',
  'st_relate',
] as const;

const GEO_LITERAL = /^geo(?:graphy|metry)'/i;
const ST_CALL = new RegExp(`^(${ST_FUNCTIONS.join('|')})\\s*\\(`, 'i');
const standIn = (fn: string) => (fn === 'st_relate' ? 'substring(' : 'geo.intersects(');

/** The end (exclusive) of the string literal that opens at `start`; '' inside is an escaped quote. */
function stringEnd(src: string, start: number): number {
  let i = start + 1;
  while (i < src.length) {
    if (src[i] === "'") {
      if (src[i + 1] === "'") i += 2;
      else return i + 1;
    } else i += 1;
  }
  return src.length;
}

/** The index of the parenthesis closing the one at `open`, string literals skipped; -1 if none. */
function closing(src: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < src.length) {
    const ch = src[i];
    if (ch === "'") {
      i = stringEnd(src, i);
      continue;
    }
    if (ch === '(') depth += 1;
    if (ch === ')' && --depth === 0) return i;
    i += 1;
  }
  return -1;
}

const NOT_OPERAND = /^not\s+(?:\(|[A-Za-z_][A-Za-z0-9_.]*\s*\()/i;

export function preprocessFilter(src: string): Preprocessed {
  const geographies = new Map<number, string>();
  const functions = new Map<number, string>();
  /** Source index of a ')' after which one more ')' closes a `(not …)`. */
  const closeAfter = new Map<number, number>();
  let out = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? '';
    const wordStart = i === 0 || !/[A-Za-z0-9_.]/.test(src[i - 1] ?? '');
    const rest = src.slice(i);
    const not = wordStart ? NOT_OPERAND.exec(rest) : null;
    if (not) {
      const end = closing(src, i + not[0].length - 1);
      if (end > 0) {
        closeAfter.set(end, (closeAfter.get(end) ?? 0) + 1);
        out += '(not ';
        i += 3;
        while (src[i] === ' ') i += 1;
        continue;
      }
    }
    const literal = wordStart ? GEO_LITERAL.exec(rest) : null;
    if (literal) {
      const open = i + literal[0].length - 1;
      const end = stringEnd(src, open);
      geographies.set(out.length, src.slice(open + 1, end - 1).replace(/''/g, "'"));
      out += "'g'";
      i = end;
      continue;
    }
    const call = wordStart ? ST_CALL.exec(rest) : null;
    if (call?.[1]) {
      const fn = call[1].toLowerCase();
      functions.set(out.length, fn);
      out += standIn(fn);
      i += call[0].length;
      continue;
    }
    if (ch === "'") {
      const end = stringEnd(src, i);
      out += src.slice(i, end);
      i = end;
      continue;
    }
    out += ch + ')'.repeat(closeAfter.get(i) ?? 0);
    i += 1;
  }
  return { text: out, geographies, functions };
}
