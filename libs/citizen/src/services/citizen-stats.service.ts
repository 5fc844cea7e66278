import type { CitizenStatsQuery, CitizenStatsResponse, CitizenStatsRow } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { vnMonth, vnMonthRange } from '../calendar/vn-time';
import type { CitizenIndicatorRow, CitizenUnits } from '../ports';
import { StatsRepository, type UnitMonthCounts } from '../repo/stats.repository';
import { citizenIndicatorRows } from './indicator-rows';

export interface CitizenStatsOptions {
  units: CitizenUnits;
  now?: () => Date;
}

type Counts = Omit<UnitMonthCounts, 'unitCode'>;
const ZERO: Counts = {
  received: 0,
  open: 0,
  overdue: 0,
  resolved: 0,
  resolvedOnTime: 0,
  ratings: 0,
  satisfied: 0,
  ratingSum: 0,
};

/** Rates from counts: null when there is nothing to divide by. */
function withRates(c: Counts): Omit<CitizenStatsRow, 'unitCode' | 'unitName'> {
  const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
  return {
    received: c.received,
    open: c.open,
    overdue: c.overdue,
    resolved: c.resolved,
    resolvedOnTime: c.resolvedOnTime,
    onTimeRate: ratio(c.resolvedOnTime, c.resolved),
    ratings: c.ratings,
    satisfied: c.satisfied,
    satisfactionRate: ratio(c.satisfied, c.ratings),
    avgRating: ratio(c.ratingSum, c.ratings),
  };
}

/**
 * Monthly figures per ward (Asia/Ho_Chi_Minh months): received, open, overdue, resolved, on
 * time, ratings and satisfaction. A province's total sums its wards' numerators and
 * denominators; rates are never averaged.
 */
export class CitizenStatsService {
  private readonly now: () => Date;
  private readonly repo: StatsRepository;

  constructor(
    private readonly db: Queryable,
    private readonly opts: CitizenStatsOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    this.repo = new StatsRepository(db);
  }

  async stats(q: CitizenStatsQuery): Promise<CitizenStatsResponse> {
    const now = this.now();
    const month = q.month ?? vnMonth(now);
    const { from, to } = vnMonthRange(month);
    const below = await this.opts.units.childrenOf(q.unit);
    // A ward lists itself; a province its wards, and itself when cases were moved up to it.
    const codes = [...below, q.unit];
    const counts = new Map(
      (await this.repo.monthCounts(codes, from, to, now)).map((c) => [c.unitCode, c]),
    );
    const shown = codes.filter((c) => below.length === 0 || c !== q.unit || counts.has(c));
    const units: CitizenStatsRow[] = [];
    const total = { ...ZERO };
    for (const code of shown) {
      const c = counts.get(code) ?? { ...ZERO, unitCode: code };
      for (const k of Object.keys(ZERO) as (keyof Counts)[]) total[k] += c[k];
      const name = (await this.opts.units.get(code))?.name ?? code;
      units.push({ unitCode: code, unitName: name, ...withRates(c) });
    }
    return { month, unitCode: q.unit, total: withRates(total), units, asOf: now.toISOString() };
  }

  /** The indicator rows of one ward and month (what the IndicatorSink is handed). */
  indicatorRows(unitCode: string, month: string): Promise<CitizenIndicatorRow[]> {
    return citizenIndicatorRows(this.db, unitCode, month, this.now());
  }
}
