import type {
  CitizenCategoryView,
  CitizenPublicMapQuery,
  CitizenPublicMapResponse,
  CitizenPublicView,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { vnDayStart } from '../calendar/vn-time';
import { normaliseTrackingCode } from '../intake/tracking-code';
import type { CitizenUnits } from '../ports';
import { toMapItem } from '../views/public-view';
import { CaseReader } from './case-reader';

export interface CitizenPublicOptions {
  units: CitizenUnits;
  now?: () => Date;
  /** Days after resolution the resident may reopen (the case service's value; default 7). */
  reopenDays?: number;
  /** At most this many points on the public map (newest first; default 2000). */
  mapLimit?: number;
}

/**
 * What anyone may read without an account: the categories, a case by its tracking code (with
 * its public history and photos) and the map of resolved (or open) cases. Views never carry
 * the reporter's name, phone, client or source, nor the handler's username; positions are
 * rounded to ~100 m; spam and duplicates are not shown.
 */
export class CitizenPublicService {
  private readonly now: () => Date;
  private readonly reader: CaseReader;

  constructor(
    db: Queryable,
    private readonly opts: CitizenPublicOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    this.reader = new CaseReader(db, opts.units, null);
  }

  async categories(): Promise<{ items: CitizenCategoryView[] }> {
    return { items: await this.reader.categories.list(true) };
  }

  async track(code: string): Promise<CitizenPublicView> {
    const r = await this.reader.byCode(normaliseTrackingCode(code));
    return this.reader.publicView(r, this.now(), this.opts.reopenDays ?? 7);
  }

  /** A photo of a case, by its tracking code (a photo of another case is not found). */
  async photo(code: string, photoId: string): Promise<{ contentType: string; data: Buffer }> {
    return this.reader.photo(await this.reader.byCode(normaliseTrackingCode(code)), photoId);
  }

  async map(q: CitizenPublicMapQuery): Promise<CitizenPublicMapResponse> {
    const rows = await this.reader.reports.forMap({
      units: q.unit === undefined ? null : await this.opts.units.selfAndDescendants(q.unit),
      open: q.status === 'open',
      since: q.since === undefined ? null : vnDayStart(q.since),
      category: q.category ?? null,
      limit: this.opts.mapLimit ?? 2000,
    });
    return { items: rows.map(toMapItem), asOf: this.now().toISOString() };
  }
}
