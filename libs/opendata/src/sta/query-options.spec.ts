import { describe, expect, it } from 'vitest';
import { parenthesiseFilters, parseQueryOptions } from './query-options';

const parse = (q: string) => parseQueryOptions(new URLSearchParams(q));

describe('parseQueryOptions', () => {
  it('reads nested $expand with its own options, and the path form A/B', () => {
    const o = parse(
      `$expand=${encodeURIComponent("Datastreams($filter=name eq 'a';$top=2;$expand=Observations($top=3)),Locations/Things")}`,
    );
    const ds = o.expand.find((e) => e.nav === 'Datastreams');
    expect(ds?.options.top).toBe(2);
    expect(ds?.options.filter).toBeDefined();
    expect(ds?.options.expand[0]).toMatchObject({ nav: 'Observations', options: { top: 3 } });
    expect(o.expand.find((e) => e.nav === 'Locations')?.options.expand[0]?.nav).toBe('Things');
  });

  it('reads $select, $orderby, $top, $skip and $count; refuses bad values and unknown options', () => {
    const o = parse('$select=id,name&$orderby=name desc,id&$top=5&$skip=10&$count=true');
    expect(o.select).toEqual(['id', 'name']);
    expect(o.orderby.map((x) => x.desc)).toEqual([true, false]);
    expect([o.top, o.skip, o.count]).toEqual([5, 10, true]);
    expect(() => parse('$top=-1')).toThrow(/\$top/);
    expect(() => parse('$count=yes')).toThrow(/\$count/);
    expect(() => parse('$colour=red')).toThrow(/\$colour/);
    expect(() => parse('$filter=name eq')).toThrow(/\$filter/);
  });

  it('wraps nested $filter values so the parser reads a trailing string literal', () => {
    expect(parenthesiseFilters("$expand=A($filter=id eq ';)';$top=2)")).toBe(
      "$expand=A($filter=(id eq ';)');$top=2)",
    );
  });
});
