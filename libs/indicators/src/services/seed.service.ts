import { inTransaction, type Queryable } from '@ioc/db';
import { indexIndicators, loadCatalogue } from '../catalogue/load';
import { DEMO_FEED, demoFeed, demoProvinceFeed, generateDemoReports } from '../demo/generate';
import { vnDay } from '../period';
import { CatalogueRepository, type SeedResult } from '../repo/catalogue.repository';
import { FeedRepository } from '../repo/feed.repository';
import { SubmissionRepository, type SubmissionInput } from '../repo/submission.repository';
import { validateReportRows } from '../report/validate';
import type { IndicatorUnits } from '../units';

export interface DemoReportsResult {
  submissions: number;
  rows: number;
  lateUnits: number;
  silentUnits: number;
}

export interface IndicatorSeedResult {
  catalogue: SeedResult;
  /** Null when demo reports were not asked for or were loaded by an earlier start. */
  demo: DemoReportsResult | null;
}

const DEMO_ACTOR = { who: 'system', why: 'demo data (SEED_DEMO)' };

/**
 * The Resolution 57 catalogue (sources, indicators, plan targets), inserted where missing — run
 * at every start after the migrations and by `ioc seed demo`; administrators' edits are kept.
 * With `demo`, on the first run only, twelve months of simulated ward reports and the
 * province's own figure (see loadDemoReports).
 */
export class IndicatorSeedService {
  private readonly catalogue: CatalogueRepository;
  private readonly feeds: FeedRepository;

  constructor(
    private readonly db: Queryable,
    private readonly units: IndicatorUnits,
  ) {
    this.catalogue = new CatalogueRepository(db);
    this.feeds = new FeedRepository(db);
  }

  /** The catalogue alone (the CLI's feed and indicator commands on a database not seen yet). */
  seedCatalogue(): Promise<SeedResult> {
    return this.catalogue.seed(loadCatalogue());
  }

  async seed(opts: { province: string; demo: boolean; now?: Date }): Promise<IndicatorSeedResult> {
    const catalogue = await this.seedCatalogue();
    const demo = opts.demo
      ? await this.loadDemoReports(opts.province, opts.now ?? new Date())
      : null;
    return { catalogue, demo };
  }

  /**
   * Twelve months (up to last month) of generated reports for the province's wards, plus the
   * province's own monthly figure for one indicator, stored through the same path as a real
   * feed: each file's rows are validated as of the time it was sent and saved as one submission.
   * Some wards send late and some fall silent, so overdue and no-data states show; submissions
   * dated after `now` have not been sent yet. One transaction with the feeds: it runs once (the
   * demo feed's existence marks it done), also when several replicas start together.
   */
  private async loadDemoReports(province: string, now: Date): Promise<DemoReportsResult | null> {
    if ((await this.feeds.get(DEMO_FEED)) !== null) return null;
    const units = await this.units.snapshot();
    const wards = units.childrenOf(province);
    if (units.get(province) === undefined || wards.length === 0) return null;
    const data = generateDemoReports({
      unitCodes: wards,
      lastPeriod: previousMonth(now),
      provinceCode: province,
    });
    const feeds = [demoFeed(wards), demoProvinceFeed(province)];
    const byCode = new Map(feeds.map((f) => [f.code, f]));
    const indicators = indexIndicators({ indicators: await this.catalogue.listIndicators() });
    const inputs: SubmissionInput[] = [];
    for (const s of data.submissions) {
      const feed = byCode.get(s.feed);
      if (feed === undefined || s.submittedAt > now) continue;
      const { accepted, rejected } = validateReportRows(s.rows, {
        indicators,
        units,
        feed,
        now: s.submittedAt,
      });
      inputs.push({
        feed: s.feed,
        submittedBy: s.submittedBy,
        submittedAt: s.submittedAt,
        filename: s.filename,
        contentType: s.filename.endsWith('.json') ? 'application/json' : 'text/csv',
        rowCount: s.rows.length,
        accepted,
        rejected,
      });
    }
    try {
      await inTransaction(this.db, async (tx) => {
        const txFeeds = new FeedRepository(tx);
        for (const feed of feeds) await txFeeds.create(feed, DEMO_ACTOR);
        await new SubmissionRepository(tx).saveManyInTransaction(inputs);
      });
    } catch (err) {
      // Another replica created the demo feed first: it is loading (or loaded) the same data.
      if ((err as { code?: string }).code === '23505') return null;
      throw err;
    }
    return {
      submissions: inputs.length,
      rows: inputs.reduce((n, i) => n + i.accepted.length, 0),
      lateUnits: data.lateUnits.length,
      silentUnits: data.silentUnits.length,
    };
  }
}

/** `YYYY-MM` of the month before the one containing `at`, in Vietnam. */
function previousMonth(at: Date): string {
  const [y, m] = vnDay(at).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
