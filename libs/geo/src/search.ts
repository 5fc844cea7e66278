import { foldVietnamese, type UnitLevel, type UnitSummary } from '@ioc/contracts';

export type SearchMatch = 'code' | 'exact' | 'prefix' | 'word' | 'substring';

export interface SearchHit<U extends UnitSummary = UnitSummary> {
  unit: U;
  match: SearchMatch;
}

export interface SearchOptions {
  limit?: number;
  level?: UnitLevel;
  parentCode?: string;
}

const RANK: Record<SearchMatch, number> = { code: 0, exact: 1, prefix: 2, word: 3, substring: 4 };

interface Entry<U> {
  unit: U;
  keys: string[]; // folded short name, full name, English name
}

/**
 * Diacritic-insensitive unit search. Names are folded with foldVietnamese, which drops tone marks
 * altogether, so "hoa xuan", "Hòa Xuân" and "Hoà Xuân" (old and new tone placement) are the same
 * key. Ranking: exact code, then exact name (short, full or English), then name prefix, then a
 * word inside the name starting with the query, then any substring; ties go to provinces before
 * their units, shorter names, then code order, so results are stable.
 */
export class UnitSearch<U extends UnitSummary = UnitSummary> {
  private readonly entries: Entry<U>[];

  constructor(units: Iterable<U>) {
    this.entries = [...units].map((unit) => ({
      unit,
      keys: [unit.shortName, unit.name, unit.nameEn ?? '']
        .filter((k) => k !== '')
        .map(foldVietnamese),
    }));
  }

  search(query: string, options: SearchOptions = {}): SearchHit<U>[] {
    const q = foldVietnamese(query);
    if (q === '') return [];
    const hits: (SearchHit<U> & { rank: number; length: number })[] = [];
    for (const { unit, keys } of this.entries) {
      if (options.level !== undefined && unit.level !== options.level) continue;
      if (options.parentCode !== undefined && unit.parentCode !== options.parentCode) continue;
      const match = matchOf(unit.code, keys, q);
      if (match) hits.push({ unit, match, rank: RANK[match], length: keys[0]?.length ?? 0 });
    }
    hits.sort(
      (a, b) =>
        a.rank - b.rank ||
        levelOrder(a.unit.level) - levelOrder(b.unit.level) ||
        a.length - b.length ||
        (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0),
    );
    return hits.slice(0, options.limit ?? 20).map(({ unit, match }) => ({ unit, match }));
  }
}

export function searchUnits<U extends UnitSummary>(
  units: Iterable<U>,
  query: string,
  options?: SearchOptions,
): SearchHit<U>[] {
  return new UnitSearch(units).search(query, options);
}

function matchOf(code: string, keys: readonly string[], q: string): SearchMatch | null {
  if (code === q) return 'code';
  if (keys.includes(q)) return 'exact';
  if (code.startsWith(q) || keys.some((k) => k.startsWith(q))) return 'prefix';
  if (keys.some((k) => k.includes(` ${q}`))) return 'word';
  if (keys.some((k) => k.includes(q))) return 'substring';
  return null;
}

function levelOrder(level: UnitLevel): number {
  return level === 'province' ? 0 : 1;
}
