import { DomainError } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { Indicator } from '../catalogue/schema';
import { parsePeriod } from '../period';
import { CatalogueRepository } from '../repo/catalogue.repository';
import { ReportRepository } from '../repo/report.repository';
import { TargetRepository } from '../repo/target.repository';
import { measuredLevel, type IndicatorUnits } from '../units';
import { choropleth, type Choropleth } from '../views/choropleth';
import { historyView, type HistoryPeriod } from '../views/history';
import { scorecardEntry, type ScorecardEntry } from '../views/scorecard';
import { unitSeries } from '../views/series';
import { applicableTargets } from '../views/targets';
import {
  requireIndicator,
  requireUnit,
  sourceTitles,
  unitHeader,
  type SourceTitles,
} from './lookups';
import { intParam, vnYear } from './params';

/** A scorecard line with the catalogue facts the wall needs to label it. */
export type ScorecardItem = ScorecardEntry &
  Pick<Indicator, 'nameVi' | 'nameEn' | 'domain' | 'unit' | 'direction' | 'rollup'>;

const FAR_PAST = '2000-01-01';
const PERIOD_HINT = 'period: 2026-03, 2026-Q1 or 2026';

/**
 * The read models of the wall and the tablet: a unit's scorecard, one indicator across the
 * wards of a province, and a unit's history with lineage. The repositories load what the pure
 * views (src/views) need; unknown units, indicators and periods become DomainErrors.
 */
export class IndicatorViewsService {
  private readonly catalogue: CatalogueRepository;
  private readonly targets: TargetRepository;
  private readonly reports: ReportRepository;
  private readonly clock: () => Date;

  constructor(
    db: Queryable,
    private readonly units: IndicatorUnits,
    options: { clock?: () => Date } = {},
  ) {
    this.catalogue = new CatalogueRepository(db);
    this.targets = new TargetRepository(db);
    this.reports = new ReportRepository(db);
    this.clock = options.clock ?? (() => new Date());
  }

  /** A unit's scorecard for a year: every indicator it is measured on (with a target or data). */
  async scorecard(query: { unit: string | undefined; year?: string | undefined; all?: boolean }) {
    const now = this.clock();
    const year = query.year === undefined ? vnYear(now) : intParam(query.year, 'year', 2000, 2100);
    const units = await this.units.snapshot();
    const unit = requireUnit(units, query.unit);
    const level = measuredLevel(unit.level);
    const children = units.childrenOf(unit.code);
    const [indicators, targets, reports, sources] = await Promise.all([
      this.catalogue.listIndicators(),
      this.targets.list({
        unitCodes: [unit.code, ...(unit.parentCode === null ? [] : [unit.parentCode])],
      }),
      this.reports.currentReportsBetween({
        unitCodes: [unit.code, ...children],
        from: FAR_PAST,
        to: `${year}-12-31`,
      }),
      this.catalogue.listSources(),
    ]);
    const items: ScorecardItem[] = [];
    for (const indicator of indicators) {
      if (!indicator.measuredAt.includes(level)) continue;
      const applicable = applicableTargets(
        indicator,
        unit,
        targets.filter((t) => t.indicator === indicator.code),
      );
      const entry = scorecardEntry({
        indicator,
        unitCode: unit.code,
        year,
        units,
        reports: reports.filter((r) => r.indicator === indicator.code),
        targets: applicable,
      });
      if (query.all !== true && applicable.length === 0 && entry.value === null) continue;
      items.push({
        ...entry,
        nameVi: indicator.nameVi,
        nameEn: indicator.nameEn,
        domain: indicator.domain,
        unit: indicator.unit,
        direction: indicator.direction,
        rollup: indicator.rollup,
      });
    }
    const summary = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0, no_target: 0 };
    for (const i of items) summary[i.status]++;
    return {
      asOf: now.toISOString(),
      unit: unitHeader(unit),
      year,
      summary,
      items,
      sources: sourceTitles(
        sources,
        items.flatMap((i) => i.evaluations.map((e) => e.source)),
      ),
    };
  }

  /** One indicator across the wards of a province, for one period or for a year. */
  async choropleth(
    code: string,
    query: { province: string | undefined; period?: string | undefined; year?: string | undefined },
  ): Promise<Choropleth & { asOf: string; sources: SourceTitles }> {
    const now = this.clock();
    const indicator = await requireIndicator(this.catalogue, code);
    const units = await this.units.snapshot();
    const province = requireUnit(units, query.province);
    if (province.level !== 'province') {
      throw new DomainError('invalid', 'UNIT_NOT_PROVINCE', `${province.code} is not a province`);
    }
    let period: string | null = null;
    let year: number;
    if (query.period !== undefined) {
      const p = parsePeriod(query.period);
      if (p === null) throw new DomainError('invalid', 'PERIOD_INVALID', PERIOD_HINT);
      period = p.code;
      year = p.year;
    } else {
      year = query.year === undefined ? vnYear(now) : intParam(query.year, 'year', 2000, 2100);
    }
    const unitCodes = [province.code, ...units.childrenOf(province.code)];
    const [reports, targets, sources] = await Promise.all([
      this.reports.currentReportsBetween({
        unitCodes,
        from: FAR_PAST,
        to: `${year}-12-31`,
        indicators: [code],
      }),
      this.targets.list({ indicators: [code], unitCodes }),
      this.catalogue.listSources(),
    ]);
    const targetsOf = (unitCode: string) => {
      const unit = units.get(unitCode);
      return unit === undefined ? [] : applicableTargets(indicator, unit, targets);
    };
    const map = choropleth({
      indicator,
      provinceCode: province.code,
      year,
      period,
      units,
      reports,
      targetsOf,
    });
    const used = [...map.cells, map.province].flatMap((c) => c.evaluations.map((e) => e.source));
    return { asOf: now.toISOString(), ...map, sources: sourceTitles(sources, used) };
  }

  /** Every period of a unit's indicator with lineage (feed, submission, replaced values). */
  async history(code: string, query: { unit: string | undefined; period?: string | undefined }) {
    const indicator = await requireIndicator(this.catalogue, code);
    const units = await this.units.snapshot();
    const unit = requireUnit(units, query.unit);
    const period = query.period === undefined ? undefined : parsePeriod(query.period)?.code;
    if (query.period !== undefined && period === undefined) {
      throw new DomainError('invalid', 'PERIOD_INVALID', PERIOD_HINT);
    }
    const [versions, reports] = await Promise.all([
      this.reports.history({
        indicator: code,
        unitCode: unit.code,
        ...(period === undefined ? {} : { period }),
      }),
      this.reports.currentReportsBetween({
        unitCodes: [unit.code, ...units.childrenOf(unit.code)],
        from: FAR_PAST,
        to: '2100-12-31',
        indicators: [code],
      }),
    ]);
    const series = unitSeries(indicator, unit.code, units, reports).filter(
      (p) => period === undefined || p.period === period,
    );
    const periods: HistoryPeriod[] = historyView(versions, series);
    return { asOf: this.clock().toISOString(), indicator: code, unit: unitHeader(unit), periods };
  }
}
