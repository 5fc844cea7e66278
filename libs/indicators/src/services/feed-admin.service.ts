import { DomainError, invalidInput } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { feedCreateSchema, parseAdminInput, reasonSchema } from '../admin/inputs';
import { indexIndicators } from '../catalogue/load';
import type { LateReport, MissingCell } from '../liveness/liveness';
import { CatalogueRepository } from '../repo/catalogue.repository';
import { FeedRepository, type Feed } from '../repo/feed.repository';
import { ReportRepository } from '../repo/report.repository';
import type { IndicatorUnits } from '../units';
import { feedLivenessView, type FeedLivenessView } from '../views/liveness-view';
import { dbErrors, notFound } from './lookups';
import { dayParam, monthsBack, optionalWhy } from './params';

export interface UnitLivenessView {
  feed: string;
  unitCode: string;
  unitName: string | null;
  lastReportAt: Date | null;
  lastPeriod: string | null;
  expected: number;
  reported: number;
  completeness: number;
  overdue: boolean;
  missingCount: number;
  lateCount: number;
  /** The most recent missing cells (at most MAX_CELLS). */
  missing: MissingCell[];
  /** The most recent late cells (at most MAX_CELLS). */
  late: LateReport[];
}

const MAX_CELLS = 24;

/**
 * Report feeds: registration (the key is answered once), key rotation, revocation, and the
 * liveness of what each feed was due to send. Every change is audited by the repository in
 * the same statement. Shared by the admin API and the `ioc feeds` CLI.
 */
export class FeedAdminService {
  private readonly feeds: FeedRepository;
  private readonly catalogue: CatalogueRepository;
  private readonly reports: ReportRepository;
  private readonly clock: () => Date;

  constructor(
    db: Queryable,
    private readonly units: IndicatorUnits,
    options: { clock?: () => Date } = {},
  ) {
    this.feeds = new FeedRepository(db);
    this.catalogue = new CatalogueRepository(db);
    this.reports = new ReportRepository(db);
    this.clock = options.clock ?? (() => new Date());
  }

  /** Creates a feed; the key is in the answer and nowhere else, ever. */
  async createFeed(body: unknown, who: string): Promise<{ feed: Feed; key: string }> {
    const input = parseAdminInput(feedCreateSchema, body, 'FEED_INVALID');
    const [indicators, units] = await Promise.all([
      this.catalogue.listIndicators(),
      this.units.snapshot(),
    ]);
    const known = new Set(indicators.map((i) => i.code));
    const issues = [
      ...(input.allowedIndicators ?? [])
        .filter((c) => !known.has(c))
        .map((c) => ({ path: 'allowedIndicators', message: `unknown indicator ${c}` })),
      ...(input.allowedUnits ?? [])
        .filter((c) => units.get(c) === undefined)
        .map((c) => ({ path: 'allowedUnits', message: `unknown unit ${c}` })),
    ];
    if (issues.length > 0) throw invalidInput('FEED_INVALID', issues);
    if ((await this.feeds.get(input.code)) !== null) {
      throw new DomainError('conflict', 'FEED_EXISTS', `feed ${input.code} already exists`);
    }
    return dbErrors(() =>
      this.feeds.create(
        {
          code: input.code,
          name: input.name,
          cadence: input.cadence,
          dueDay: input.dueDay,
          allowedIndicators: input.allowedIndicators,
          allowedUnits: input.allowedUnits,
        },
        { who, why: input.why },
      ),
    );
  }

  async listFeeds(includeRevoked = false) {
    return {
      asOf: this.clock().toISOString(),
      items: await this.feeds.list({ includeRevoked }),
    };
  }

  /** A new key for the feed; the old one stops working at once. */
  async rotateFeed(
    code: string,
    body: unknown,
    who: string,
  ): Promise<{ feed: string; key: string }> {
    const why = optionalWhy(body, 'key rotated');
    const key = await this.feeds.rotateKey(code, { who, why });
    if (key === null) throw notFound('FEED_NOT_FOUND', `no active feed ${code}`);
    return { feed: code, key };
  }

  async revokeFeed(
    code: string,
    body: unknown,
    who: string,
  ): Promise<{ feed: string; revoked: true }> {
    const { why } = parseAdminInput(reasonSchema, body, 'FEED_INVALID');
    if (!(await this.feeds.revoke(code, { who, why }))) {
      throw notFound('FEED_NOT_FOUND', `no active feed ${code}`);
    }
    return { feed: code, revoked: true };
  }

  /**
   * Liveness of every active feed (or one): per unit, last report, overdue, completeness and
   * late reports over the window starting `since` (default: twelve months back).
   */
  async liveness(query: {
    feed?: string | undefined;
    since?: string | undefined;
    unit?: string | undefined;
  }) {
    const now = this.clock();
    const since = query.since === undefined ? monthsBack(now, 12) : dayParam(query.since, 'since');
    const [feeds, indicators, units] = await Promise.all([
      this.feeds.list(),
      this.catalogue.listIndicators(),
      this.units.snapshot(),
    ]);
    const chosen = query.feed === undefined ? feeds : feeds.filter((f) => f.code === query.feed);
    if (query.feed !== undefined && chosen.length === 0) {
      throw notFound('FEED_NOT_FOUND', `no active feed ${query.feed}`);
    }
    const byCode = indexIndicators({ indicators });
    const sinceDate = new Date(`${since}T00:00:00+07:00`);
    const items = await Promise.all(
      chosen.map(async (feed) => {
        const view: FeedLivenessView = feedLivenessView({
          feed,
          reports: await this.reports.facts(feed.code, since),
          indicators: byCode,
          units,
          since: sinceDate,
          now,
        });
        const unitRows = view.units
          .filter((u) => query.unit === undefined || u.unitCode === query.unit)
          .map((u): UnitLivenessView => ({
            feed: u.feed,
            unitCode: u.unitCode,
            unitName: units.get(u.unitCode)?.name ?? null,
            lastReportAt: u.lastReportAt,
            lastPeriod: u.lastPeriod,
            expected: u.expected,
            reported: u.reported,
            completeness: u.completeness,
            overdue: u.overdue,
            missingCount: u.missing.length,
            lateCount: u.late.length,
            missing: u.missing.slice(-MAX_CELLS).reverse(),
            late: u.late.slice(-MAX_CELLS).reverse(),
          }));
        return { ...view, units: unitRows };
      }),
    );
    return { asOf: now.toISOString(), since, feeds: items };
  }
}
