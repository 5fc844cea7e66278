import type { Indicator } from '../catalogue/schema';
import type { CurrentReport } from '../repo/report.repository';
import { valueForYear } from '../status/status';
import type { UnitLookup } from '../units';
import type { Coverage } from '../values/rollup';
import { statusFromSeries, type StatusView } from './scorecard';
import { unitSeries, type ReportRef, type SeriesPoint } from './series';
import type { ApplicableTarget } from './targets';

export interface ChoroplethCell extends StatusView {
  unitCode: string;
  /** The period the value is of: the requested period, or the year's latest with a value. */
  period: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  latestReport: ReportRef | null;
}

export interface Choropleth {
  indicator: string;
  year: number;
  /** Set when one period was asked for; otherwise each unit shows its value for the year. */
  period: string | null;
  /** The province's own figure, its rolled-up figure and which one is used. */
  province: ChoroplethCell & {
    own: number | null;
    used: SeriesPoint['used'];
    rolledUp: { value: number | null; coverage: Coverage } | null;
  };
  cells: ChoroplethCell[];
}

export interface ChoroplethInput {
  indicator: Pick<Indicator, 'code' | 'unit' | 'rollup' | 'direction'>;
  provinceCode: string;
  year: number;
  period: string | null;
  units: UnitLookup;
  /** Current reports of the province and its wards, all periods up to the end of `year`. */
  reports: readonly CurrentReport[];
  /** applicableTargets() per unit code (province and wards). */
  targetsOf: (unitCode: string) => readonly ApplicableTarget[];
  margin?: number;
}

function cell(
  input: ChoroplethInput,
  unitCode: string,
  series: readonly SeriesPoint[],
): { cell: ChoroplethCell; point: SeriesPoint | null } {
  const period = input.period ?? valueForYear(series, input.year)?.period ?? null;
  const point = period === null ? null : (series.find((p) => p.period === period) ?? null);
  const status = statusFromSeries(
    {
      indicator: input.indicator,
      unitCode,
      year: input.year,
      targets: input.targetsOf(unitCode),
      ...(input.margin === undefined ? {} : { margin: input.margin }),
    },
    series,
    point?.value ?? null,
  );
  return {
    point,
    cell: {
      unitCode,
      period: point === null ? input.period : point.period,
      value: point?.value ?? null,
      numerator: point?.numerator ?? null,
      denominator: point?.denominator ?? null,
      latestReport: point?.latest ?? null,
      ...status,
    },
  };
}

/**
 * One indicator across every ward of a province, for the map: each ward's value (for one period,
 * or its value for the year) with its status, and the province's own and rolled-up figures.
 * A ward without a value is in the list with `no_data`, so the map greys it out.
 */
export function choropleth(input: ChoroplethInput): Choropleth {
  const wards = input.units.childrenOf(input.provinceCode);
  const cells = wards.map(
    (code) => cell(input, code, unitSeries(input.indicator, code, input.units, input.reports)).cell,
  );
  const provinceSeries = unitSeries(
    input.indicator,
    input.provinceCode,
    input.units,
    input.reports,
  );
  const province = cell(input, input.provinceCode, provinceSeries);
  const rolled = province.point?.rolledUp ?? null;
  return {
    indicator: input.indicator.code,
    year: input.year,
    period: input.period,
    province: {
      ...province.cell,
      own: province.point?.own ?? null,
      used: province.point?.used ?? null,
      rolledUp: rolled === null ? null : { value: rolled.value, coverage: rolled.coverage },
    },
    cells,
  };
}
