import type { UnitSummary } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { MultiPolygon } from 'geojson';
import type { SearchHit } from './search';
import { SimplifiedUnits, type ZoomBand } from './simplify';
import { UnitIndex } from './unit-index';
import { UnitSnapshot, type UnitFilter } from './unit-snapshot';
import { UnitsRepository } from './units.repository';

/** One cached value, re-read when its generation is behind the directory's. */
interface Cached<T> {
  value: T | undefined;
  generation: number;
  loading: { generation: number; promise: Promise<T> } | undefined;
}

function cached<T>(): Cached<T> {
  return { value: undefined, generation: -1, loading: undefined };
}

/**
 * The one owner of the administrative unit tree: admin_unit read once and kept (the units in
 * force, their hierarchy and names, the point→unit index, simplified map geometry), re-read
 * after `invalidate()` — every import goes through UnitImportService, which refreshes it.
 * Units change only by import, so caching whole snapshots is both simple and correct.
 *
 * Asynchronous reads always answer the current tree. The synchronous ones (`parentOf`,
 * `locate`: the authorizer's scope check and the per-reading placement of vessels) answer
 * from the tree last loaded, so the composition calls `load()` at start.
 *
 * It satisfies the ports the domain libs declare: auth's ScopeTree, live's LiveUnits,
 * indicators' IndicatorUnits, and ingest's RegistrationGeo.
 */
export class UnitDirectory {
  private generation = 0;
  private readonly tree = cached<UnitSnapshot>();
  private readonly index = cached<UnitIndex>();
  private readonly simplified = new Map<string, Promise<SimplifiedUnits | null>>();
  private readonly repo: UnitsRepository;

  constructor(db: Queryable) {
    this.repo = new UnitsRepository(db);
  }

  /** Marks everything stale: the next asynchronous read re-reads admin_unit. */
  invalidate(): void {
    this.generation++;
    this.simplified.clear();
  }

  /** Reads the tree and the point index now (start-up): synchronous readers then answer. */
  async load(): Promise<void> {
    this.invalidate();
    await Promise.all([this.snapshot(), this.pointIndex()]);
  }

  /**
   * After a change to admin_unit: invalidates, then re-reads at once what was in use, so the
   * synchronous readers of a running platform see the change when the import answers.
   */
  async refresh(): Promise<void> {
    const tree = this.tree.value !== undefined;
    const index = this.index.value !== undefined;
    this.invalidate();
    await Promise.all([tree ? this.snapshot() : null, index ? this.pointIndex() : null]);
  }

  /** The current units in force (loaded on first use and after an invalidation). */
  snapshot(): Promise<UnitSnapshot> {
    return this.read(this.tree, async () => new UnitSnapshot(await this.repo.list({})));
  }

  /** The current point→unit index over the leaf units' boundaries. */
  pointIndex(): Promise<UnitIndex> {
    return this.read(this.index, async () => UnitIndex.build(await this.repo.leafGeometries()));
  }

  /** Parent code from the tree last loaded; null for a root, an unknown code or before load. */
  parentOf(code: string): string | null {
    return this.tree.value?.parentOf(code) ?? null;
  }

  /** The unit containing a point, from the index last loaded; null offshore or before load. */
  locate(lon: number, lat: number): string | null {
    return this.index.value?.locate(lon, lat) ?? null;
  }

  /** The unit containing a point, loading the current index first (one-off callers: the CLI). */
  async locateAsync(lon: number, lat: number): Promise<string | null> {
    return (await this.pointIndex()).locate(lon, lat);
  }

  async exists(code: string): Promise<boolean> {
    return (await this.snapshot()).has(code);
  }

  async get(code: string): Promise<UnitSummary | null> {
    return (await this.snapshot()).get(code) ?? null;
  }

  async list(filter: UnitFilter = {}): Promise<UnitSummary[]> {
    return (await this.snapshot()).list(filter);
  }

  async search(q: string, opts: UnitFilter & { limit: number }): Promise<SearchHit[]> {
    return (await this.snapshot()).search(q, opts);
  }

  async childrenOf(code: string): Promise<readonly string[]> {
    return (await this.snapshot()).childrenOf(code);
  }

  async selfAndDescendants(code: string): Promise<string[]> {
    return (await this.snapshot()).selfAndDescendants(code);
  }

  /** West, south, east, north of the unit and the units below it; null without geometry. */
  bounds(code: string): Promise<[number, number, number, number] | null> {
    return this.repo.bounds(code);
  }

  /** Leaf units sharing a border with `code` (read each time: shared arcs decide). */
  neighbours(code: string): Promise<string[]> {
    return this.repo.neighbours(code);
  }

  /** Children of a unit simplified per zoom band, sharing borders (no gaps or overlaps). */
  simplifiedChildren(parent: string): Promise<SimplifiedUnits | null> {
    let p = this.simplified.get(parent);
    if (!p) {
      p = (async () => {
        const leaves = await this.repo.leafGeometries(parent);
        if (leaves.length === 0) return null;
        const tree = await this.snapshot();
        return SimplifiedUnits.build(
          leaves.map((l) => ({
            ...l,
            name: tree.get(l.code)?.name ?? l.code,
            parentCode: parent,
          })),
        );
      })();
      this.simplified.set(parent, p);
    }
    return p;
  }

  /** One unit's boundary at a zoom band, simplified consistently with its siblings. */
  async geometry(code: string, band: ZoomBand): Promise<MultiPolygon | null> {
    const parent = (await this.snapshot()).parentOf(code);
    if (parent) {
      const simplified = await this.simplifiedChildren(parent);
      const g = simplified?.geometry(band, code);
      if (g) return g;
    }
    return this.repo.getGeometry(code);
  }

  /**
   * The cached value when it is current, else one read shared by concurrent callers. A read
   * that an invalidation overtook still replaces an older value (synchronous readers get the
   * newer tree), but leaves the cache stale so the next reader re-reads.
   */
  private read<T>(cache: Cached<T>, load: () => Promise<T>): Promise<T> {
    const generation = this.generation;
    if (cache.value !== undefined && cache.generation === generation) {
      return Promise.resolve(cache.value);
    }
    if (cache.loading?.generation === generation) return cache.loading.promise;
    const promise = load()
      .then((value) => {
        if (generation >= cache.generation) {
          cache.value = value;
          cache.generation = generation;
        }
        return value;
      })
      .finally(() => {
        if (cache.loading?.promise === promise) cache.loading = undefined;
      });
    cache.loading = { generation, promise };
    return promise;
  }
}
