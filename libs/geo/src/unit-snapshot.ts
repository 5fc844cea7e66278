import type { UnitLevel, UnitSummary } from '@ioc/contracts';
import { UnitSearch, type SearchHit } from './search';

/** `parent` narrows to a parent's children, `level` to one level. */
export interface UnitFilter {
  parent?: string;
  level?: UnitLevel;
}

// A unit chain deeper than this is a cycle in bad data, not a real hierarchy.
const MAX_DEPTH = 8;

/**
 * The administrative units in force at one moment, with their hierarchy and name search:
 * immutable, so a request that reads it twice sees the same tree even if an import lands
 * in between. UnitDirectory hands out the current one.
 */
export class UnitSnapshot {
  private readonly byCode = new Map<string, UnitSummary>();
  private readonly children = new Map<string, string[]>();
  private readonly names: UnitSearch;
  /** When this snapshot was read: what lists built from it are "as of". */
  readonly loadedAt = new Date();

  constructor(units: Iterable<UnitSummary>) {
    for (const u of units) {
      this.byCode.set(u.code, u);
      if (u.parentCode !== null) {
        const list = this.children.get(u.parentCode) ?? [];
        list.push(u.code);
        this.children.set(u.parentCode, list);
      }
    }
    for (const list of this.children.values()) list.sort();
    this.names = new UnitSearch(this.byCode.values());
  }

  get size(): number {
    return this.byCode.size;
  }

  get(code: string): UnitSummary | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** Parent code, or null for a province or an unknown code. */
  parentOf(code: string): string | null {
    return this.byCode.get(code)?.parentCode ?? null;
  }

  /** Direct children, by code. */
  childrenOf(code: string): readonly string[] {
    return this.children.get(code) ?? [];
  }

  /** The unit itself, then every unit below it (depth first, by code). */
  selfAndDescendants(code: string): string[] {
    const out: string[] = [];
    const walk = (c: string, depth: number): void => {
      out.push(c);
      if (depth < MAX_DEPTH) for (const child of this.childrenOf(c)) walk(child, depth + 1);
    };
    walk(code, 0);
    return out;
  }

  /** Units by code, narrowed to a parent and/or a level. */
  list(filter: UnitFilter = {}): UnitSummary[] {
    return [...this.byCode.values()]
      .filter(
        (u) =>
          (filter.parent === undefined || u.parentCode === filter.parent) &&
          (filter.level === undefined || u.level === filter.level),
      )
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Diacritic-insensitive search of names and codes (see UnitSearch for the ranking). */
  search(q: string, opts: UnitFilter & { limit: number }): SearchHit[] {
    return this.names.search(q, {
      limit: opts.limit,
      ...(opts.level ? { level: opts.level } : {}),
      ...(opts.parent ? { parentCode: opts.parent } : {}),
    });
  }
}
