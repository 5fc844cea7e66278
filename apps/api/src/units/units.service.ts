import type { UnitLevel, UnitSummary } from '@ioc/contracts';
import { withTransaction, type Pool } from '@ioc/db';
import {
  SimplifiedUnits,
  UnitIndex,
  UnitSearch,
  UnitsRepository,
  importUnits,
  loadSeedUnits,
  type GeoJsonSource,
  type SearchHit,
  type UnitImportOptions,
  type UnitImportOutcome,
  type ZoomBand,
} from '@ioc/geo';

interface Snapshot {
  summaries: Map<string, UnitSummary>;
  parents: Map<string, string | null>;
  index: UnitIndex;
  search: UnitSearch;
}

/**
 * The units backbone for the edge: a snapshot of all current units (summaries, parent map,
 * point→unit index, search) rebuilt after each import, plus simplified map geometry per parent
 * and zoom band, built on first request. Units change only through imports, so caching whole
 * snapshots is both simple and correct.
 */
export class UnitsService {
  private snapshot: Snapshot | undefined;
  private readonly simplified = new Map<string, Promise<SimplifiedUnits | null>>();
  private readonly repo: UnitsRepository;

  constructor(private readonly pool: Pool) {
    this.repo = new UnitsRepository(pool);
  }

  async load(): Promise<void> {
    const all = await this.repo.list({});
    const leaves = await this.repo.leafGeometries();
    this.snapshot = {
      summaries: new Map(all.map((u) => [u.code, u])),
      parents: new Map(all.map((u) => [u.code, u.parentCode])),
      index: UnitIndex.build(leaves),
      search: new UnitSearch(all),
    };
    this.simplified.clear();
  }

  private async snap(): Promise<Snapshot> {
    if (!this.snapshot) await this.load();
    if (!this.snapshot) throw new Error('units snapshot failed to load');
    return this.snapshot;
  }

  parentOf(code: string): string | null {
    return this.snapshot?.parents.get(code) ?? null;
  }

  /** The unit containing a point (fixed devices at registration, vessels per reading); null offshore. */
  locate(lon: number, lat: number): string | null {
    return this.snapshot?.index.locate(lon, lat) ?? null;
  }

  async exists(code: string): Promise<boolean> {
    return (await this.snap()).summaries.has(code);
  }

  async selfAndDescendants(code: string): Promise<string[]> {
    const s = await this.snap();
    const out = [code];
    for (const [c, p] of s.parents) if (p === code) out.push(c);
    return out;
  }

  async get(code: string): Promise<UnitSummary | null> {
    return (await this.snap()).summaries.get(code) ?? null;
  }

  async list(filter: { parent?: string; level?: UnitLevel }): Promise<UnitSummary[]> {
    const s = await this.snap();
    return [...s.summaries.values()]
      .filter(
        (u) =>
          (filter.parent === undefined || u.parentCode === filter.parent) &&
          (filter.level === undefined || u.level === filter.level),
      )
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  async search(
    q: string,
    opts: { limit: number; level?: UnitLevel; parent?: string },
  ): Promise<SearchHit[]> {
    return (await this.snap()).search.search(q, {
      limit: opts.limit,
      ...(opts.level ? { level: opts.level } : {}),
      ...(opts.parent ? { parentCode: opts.parent } : {}),
    });
  }

  async neighbours(code: string): Promise<string[]> {
    return this.repo.neighbours(code);
  }

  /** Children of a unit simplified for a zoom band, sharing borders (no gaps or overlaps). */
  async simplifiedChildren(parent: string): Promise<SimplifiedUnits | null> {
    let p = this.simplified.get(parent);
    if (!p) {
      p = (async () => {
        const leaves = await this.repo.leafGeometries(parent);
        if (leaves.length === 0) return null;
        const s = await this.snap();
        return SimplifiedUnits.build(
          leaves.map((l) => ({
            ...l,
            name: s.summaries.get(l.code)?.name ?? l.code,
            parentCode: parent,
          })),
        );
      })();
      this.simplified.set(parent, p);
    }
    return p;
  }

  async geometry(code: string, band: ZoomBand): Promise<unknown> {
    const parent = this.parentOf(code);
    if (parent) {
      const simplified = await this.simplifiedChildren(parent);
      const g = simplified?.geometry(band, code);
      if (g) return g;
    }
    return this.repo.getGeometry(code);
  }

  async import(
    sources: GeoJsonSource[],
    options: Omit<UnitImportOptions, 'withTransaction' | 'codeTable'>,
  ): Promise<UnitImportOutcome> {
    const seed = await loadSeedUnits();
    const outcome = await importUnits(this.pool, sources, {
      ...options,
      codeTable: seed,
      withTransaction: (fn) => withTransaction(this.pool, fn),
    });
    if (outcome.ok && !outcome.dryRun) await this.load();
    return outcome;
  }
}
