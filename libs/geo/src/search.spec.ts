import { beforeAll, describe, expect, it } from 'vitest';
import { UnitSearch, searchUnits } from './search';
import { seedUnits } from './testing/shared-data';
import type { UnitRecord } from './types';

describe('UnitSearch', () => {
  let units: UnitRecord[] = [];
  let search: UnitSearch<UnitRecord>;
  beforeAll(async () => {
    units = await seedUnits();
    search = new UnitSearch(units);
  }, 60_000);

  const first = (q: string) => search.search(q)[0]?.unit.code;

  it('finds Hoà Xuân first however it is typed', () => {
    for (const q of [
      'hoa xuan',
      'Hòa Xuân',
      'Hoà Xuân',
      'HOA XUAN',
      'Phường Hòa Xuân',
      ' hoà  xuân ',
    ]) {
      expect(first(q), q).toBe('20314');
    }
    expect(search.search('hoa xuan')[0]?.match).toBe('exact');
  });

  it('ranks exact code, exact name, prefix, word, substring', () => {
    expect(search.search('20314')[0]).toMatchObject({ match: 'code', unit: { code: '20314' } });
    const hoa = search.search('hoa', { limit: 100 });
    const ranks = hoa.map((h) => ['code', 'exact', 'prefix', 'word', 'substring'].indexOf(h.match));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(hoa[0]?.match).toBe('prefix');
    expect(hoa.some((h) => h.match === 'word')).toBe(true);
    expect(search.search('xuan', { limit: 100 }).map((h) => h.unit.code)).toContain('20314');
    expect(search.search('oa xu')[0]).toMatchObject({
      match: 'substring',
      unit: { code: '20314' },
    });
  });

  it('searches English names and code prefixes', () => {
    expect(first('Paracel')).toBe('20333');
    expect(first('hoang sa')).toBe('20333');
    expect(first('da nang')).toBe('48');
    expect(search.search('2031', { limit: 100 }).every((h) => h.unit.code.startsWith('2031'))).toBe(
      true,
    );
  });

  it('filters by level and parent and limits results', () => {
    expect(search.search('phuong', { level: 'commune' })).toEqual([]);
    expect(search.search('xa', { parentCode: '75', limit: 5 })).toHaveLength(5);
    expect(
      search
        .search('xa', { parentCode: '75', limit: 500 })
        .every((h) => h.unit.parentCode === '75'),
    ).toBe(true);
    expect(search.search('   ')).toEqual([]);
    expect(searchUnits(units, 'zzzz')).toEqual([]);
  });
});
