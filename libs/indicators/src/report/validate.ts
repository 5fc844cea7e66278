import { foldVietnamese } from '@ioc/contracts';
import type { Indicator, IndicatorUnit } from '../catalogue/schema';
import { parsePeriod, vnDay } from '../period';
import { measuredLevel, type UnitLookup } from '../units';
import { parseLocaleNumber } from './numbers';
import type { RawReportRow, RawValue } from './raw-row';
import { rowMessage, type Message, type RejectionCode } from './reasons';

/** What a feed is allowed to report; `null` means unrestricted. */
export interface FeedScope {
  code: string;
  allowedIndicators: readonly string[] | null;
  allowedUnits: readonly string[] | null;
}

export interface ValidationContext {
  indicators: ReadonlyMap<string, Indicator>;
  units: UnitLookup;
  feed: FeedScope;
  /** Injected clock: "future" is judged against it, in Vietnam time. */
  now: Date;
}

/** A row that passed validation, in the shape stored in indicator_report. */
export interface ValidReport {
  row: number;
  line?: number;
  indicator: string;
  unitCode: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  /** Always set: for ratios it is numerator / denominator × scale, whatever value was sent. */
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
}

export interface RowRejection extends Message {
  row: number;
  line?: number;
  code: RejectionCode;
  indicator: string;
  unitCode: string;
  period: string;
}

export interface ValidationResult {
  accepted: ValidReport[];
  rejected: RowRejection[];
}

/** Multiplier from numerator/denominator to the indicator's unit. */
const SCALE: Partial<Record<IndicatorUnit, number>> = {
  percent: 100,
  percent_of_grdp: 100,
  percent_of_budget: 100,
  per_10k_people: 10_000,
  per_1k_people: 1_000,
  per_person: 1,
};

/** Shares of a whole: above 100 % is impossible. `percent_per_year` is a growth rate and may be. */
const BOUNDED_PERCENT = new Set<IndicatorUnit>(['percent', 'percent_of_grdp', 'percent_of_budget']);

export function ratioScale(unit: IndicatorUnit): number | undefined {
  return SCALE[unit];
}

/**
 * True when the indicator is a yes/no milestone at this level: milestones everywhere, and the
 * per-commune side of `share_of_units` / `all` indicators (a ward has its IOC or not; the
 * province figure is the share of wards that do).
 */
export function isFlagAt(
  indicator: Pick<Indicator, 'unit' | 'rollup'>,
  level: 'province' | 'commune',
): boolean {
  return (
    indicator.unit === 'milestone' ||
    (level === 'commune' && (indicator.rollup === 'share_of_units' || indicator.rollup === 'all'))
  );
}

const YES = new Set(['1', 'dat', 'da dat', 'co', 'x', 'yes', 'true', 'reached']);
const NO = new Set(['0', 'chua dat', 'khong dat', 'khong', 'no', 'false', 'not reached']);

function flagValue(v: RawValue): number | null | undefined {
  if (v === null) return null;
  if (typeof v === 'number') return v === 0 || v === 1 ? v : undefined;
  const f = foldVietnamese(v);
  return YES.has(f) ? 1 : NO.has(f) ? 0 : undefined;
}

type Field = 'value' | 'numerator' | 'denominator';
const FIELD_NAMES: Record<Field, [string, string]> = {
  value: ['Giá trị', 'Value'],
  numerator: ['Tử số', 'Numerator'],
  denominator: ['Mẫu số', 'Denominator'],
};

class Rejected {
  constructor(
    readonly code: RejectionCode,
    readonly params: Record<string, string | number> = {},
  ) {}
}

function num(v: RawValue, field: Field): number | null | Rejected {
  if (v === null || typeof v === 'number') return v;
  const parsed = parseLocaleNumber(v, 'en');
  if (parsed !== undefined) return parsed;
  const [fieldVi, fieldEn] = FIELD_NAMES[field];
  return new Rejected('invalid_number', { fieldVi, fieldEn, text: v.slice(0, 40) });
}

function negative(field: Field): Rejected {
  const [fieldVi, fieldEn] = FIELD_NAMES[field];
  return new Rejected('negative_value', { fieldVi, fieldEn });
}

/**
 * Judges every row on its own and gives each bad row exactly one reason — the first check it
 * fails, in the order: record shape, indicator, unit, feed scope, level, period, duplicate,
 * numbers. Good rows are accepted even when their neighbours are not.
 *
 * Value rules:
 * - numerator and denominator, when given, decide the value (value = num / den × 100 for
 *   percentages); a value sent alongside them is ignored, so the stored pair and value agree;
 * - a ratio indicator reported by a commune must carry its denominator, because the province
 *   figure is Σ numerators / Σ denominators; if only value and denominator are sent, the
 *   numerator is derived as value × denominator / 100;
 * - yes/no milestones take 1/0 (or Đạt/Chưa đạt, Có/Không).
 */
export function validateReportRows(
  rows: readonly RawReportRow[],
  ctx: ValidationContext,
): ValidationResult {
  const accepted: ValidReport[] = [];
  const rejected: RowRejection[] = [];
  const firstRowOf = new Map<string, number>();
  const allowedIndicators =
    ctx.feed.allowedIndicators === null ? null : new Set(ctx.feed.allowedIndicators);
  const allowedUnits = ctx.feed.allowedUnits === null ? null : new Set(ctx.feed.allowedUnits);
  const today = vnDay(ctx.now);

  for (const raw of rows) {
    let outcome = validateOne(raw);
    if (!(outcome instanceof Rejected)) {
      const key = `${outcome.indicator}|${outcome.unitCode}|${outcome.period}`;
      const first = firstRowOf.get(key);
      if (first === undefined) firstRowOf.set(key, raw.row);
      else outcome = new Rejected('duplicate_row', { first });
    }
    if (outcome instanceof Rejected) {
      rejected.push({
        row: raw.row,
        ...(raw.line === undefined ? {} : { line: raw.line }),
        code: outcome.code,
        ...rowMessage(outcome.code, outcome.params),
        indicator: raw.indicator,
        unitCode: raw.unitCode,
        period: raw.period,
      });
    } else {
      accepted.push(outcome);
    }
  }
  return { accepted, rejected };

  function validateOne(raw: RawReportRow): ValidReport | Rejected {
    if (raw.malformed === true) return new Rejected('malformed_row');
    const p = {
      indicator: raw.indicator,
      unit: raw.unitCode,
      feed: ctx.feed.code,
      period: raw.period,
    };
    const indicator = ctx.indicators.get(raw.indicator);
    if (indicator === undefined) return new Rejected('unknown_indicator', p);
    const unit = ctx.units.get(raw.unitCode);
    if (unit === undefined) return new Rejected('unknown_unit', p);
    if (allowedIndicators !== null && !allowedIndicators.has(indicator.code))
      return new Rejected('indicator_not_allowed', p);
    if (allowedUnits !== null && !allowedUnits.has(unit.code))
      return new Rejected('unit_not_allowed', p);
    const level = measuredLevel(unit.level);
    if (!indicator.measuredAt.includes(level)) {
      return new Rejected('level_not_measured', {
        ...p,
        levelVi: level === 'province' ? 'tỉnh/thành phố' : 'xã/phường',
        levelEn: level,
      });
    }
    const period = parsePeriod(raw.period);
    if (period === null) return new Rejected('period_malformed', p);
    // A period that has started may be reported (stocks such as VNeID coverage are reported
    // mid-month); one that has not started cannot have a value yet.
    if (period.start > today) return new Rejected('period_in_future', { period: period.code });

    const base = {
      row: raw.row,
      ...(raw.line === undefined ? {} : { line: raw.line }),
      indicator: indicator.code,
      unitCode: unit.code,
      period: period.code,
      periodStart: period.start,
      periodEnd: period.end,
      note: raw.note,
    };

    if (isFlagAt(indicator, level)) {
      const flag = flagValue(raw.value);
      if (flag === null) return new Rejected('missing_value');
      if (flag === undefined) return new Rejected('invalid_flag', p);
      return { ...base, value: flag, numerator: null, denominator: null };
    }

    const value = num(raw.value, 'value');
    if (value instanceof Rejected) return value;
    const numerator = num(raw.numerator, 'numerator');
    if (numerator instanceof Rejected) return numerator;
    const denominator = num(raw.denominator, 'denominator');
    if (denominator instanceof Rejected) return denominator;
    if (value === null && numerator === null) return new Rejected('missing_value');
    if (value !== null && value < 0 && indicator.unit !== 'percent_per_year')
      return negative('value');
    if (numerator !== null && numerator < 0) return negative('numerator');
    if (denominator !== null && denominator < 0) return negative('denominator');

    const scale = SCALE[indicator.unit];
    const needsDenominator = indicator.rollup === 'ratio' && level === 'commune';
    if (scale !== undefined && (numerator !== null || needsDenominator)) {
      if (denominator === null) return new Rejected('missing_denominator', p);
      const n = numerator ?? ((value ?? 0) * denominator) / scale;
      const d = denominator;
      if (d === 0)
        return new Rejected(n > 0 ? 'numerator_over_denominator' : 'zero_denominator', {
          numerator: n,
          denominator: d,
        });
      if (scale === 100 && n > d)
        return new Rejected('numerator_over_denominator', { numerator: n, denominator: d });
      return bounded(
        { ...base, value: (n / d) * scale, numerator: n, denominator: d },
        indicator.unit,
      );
    }
    if (value === null) return new Rejected('missing_value');
    return bounded({ ...base, value, numerator: null, denominator: null }, indicator.unit);
  }
}

function bounded(report: ValidReport, unit: IndicatorUnit): ValidReport | Rejected {
  if (BOUNDED_PERCENT.has(unit) && report.value > 100 + 1e-9) {
    return new Rejected('percent_over_100', { value: Math.round(report.value * 100) / 100 });
  }
  return report;
}
