import { describe, expect, it } from 'vitest';
import { defaultParser } from '@odata/parser';
import { preprocessFilter } from './filter-preprocess';

describe('preprocessFilter', () => {
  it('replaces a geography literal by a placeholder and keeps its WKT under the placeholder position', () => {
    const pre = preprocessFilter("st_within(location, geography'POLYGON((1 2, 3 4, 1 2))')");
    expect(pre.text).toBe("geo.intersects(location, 'g')");
    expect([...pre.geographies]).toEqual([[25, 'POLYGON((1 2, 3 4, 1 2))']]);
    expect([...pre.functions]).toEqual([[0, 'st_within']]);
    const ast = defaultParser.filter(pre.text) as unknown as {
      position: number;
      value: { parameters: { position: number }[] };
    };
    expect(pre.functions.get(ast.position)).toBe('st_within');
    expect(pre.geographies.has(ast.value.parameters[1]?.position ?? -1)).toBe(true);
  });

  it('leaves text inside string literals alone', () => {
    const src = "name eq 'st_within(x, geography''P'')' and not (id eq ')')";
    const pre = preprocessFilter(src);
    expect(pre.text).toBe("name eq 'st_within(x, geography''P'')' and (not (id eq ')'))");
    expect(pre.geographies.size).toBe(0);
    expect(pre.functions.size).toBe(0);
  });

  it('parenthesises `not X` so that `and` binds after it, as OData says', () => {
    const pre = preprocessFilter("not (result lt 40) and not startswith(name, 'a')");
    expect(pre.text).toBe("(not (result lt 40)) and (not startswith(name, 'a'))");
    expect((defaultParser.filter(pre.text) as unknown as { type: string }).type).toBe(
      'AndExpression',
    );
  });

  it('lets st_relate keep its third argument (the DE-9IM pattern) through the parser', () => {
    const pre = preprocessFilter("st_relate(location, geography'POINT(1 2)', 'T********')");
    expect(pre.text).toBe("substring(location, 'g', 'T********')");
    // Unlike a two-argument call, this one comes wrapped in a CommonExpression.
    const ast = defaultParser.filter(pre.text) as unknown as {
      value: { position: number; value: { parameters: { raw: string }[] } };
    };
    expect(pre.functions.get(ast.value.position)).toBe('st_relate');
    expect(ast.value.value.parameters.map((x) => x.raw)).toEqual([
      'location',
      "'g'",
      "'T********'",
    ]);
  });
});
