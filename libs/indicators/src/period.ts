import { foldVietnamese, type FeedCadence } from '@ioc/contracts';

export type PeriodKind = 'month' | 'quarter' | 'year';
export type Cadence = FeedCadence;

export interface Period {
  /** Canonical code: `2026-03`, `2026-Q1` or `2026`. */
  code: string;
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  index: number;
  /** First and last calendar day, ISO `YYYY-MM-DD` (dates, not instants). */
  start: string;
  end: string;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const Q = '([1-4]|iv|i{1,3})';
const MONTH_FIRST = /^t?(\d{1,2})[-/.](\d{4})$/;
const YEAR_FIRST_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const QUARTER_FIRST = new RegExp(`^q${Q}[-/.]?(\\d{4})$`);
const YEAR_FIRST_QUARTER = new RegExp(`^(\\d{4})[-/.]?q${Q}$`);
const YEAR = /^(\d{4})$/;

/**
 * Reads a reporting period. Besides the canonical `2026-03`, `2026-Q1` and `2026`, it accepts
 * what Vietnamese spreadsheets actually contain — "03/2026", "Tháng 3/2026", "T3/2026",
 * "Quý I/2026", "Q1/2026", "Năm 2026" — because rejecting a whole ward's file over the spelling
 * of a month helps nobody. Anything ambiguous (a full date such as "01/03/2026") is refused.
 */
export function parsePeriod(input: string): Period | null {
  const s = foldVietnamese(input)
    .replace(/thang/g, 't')
    .replace(/quy/g, 'q')
    .replace(/^nam/, '')
    .replace(/\s+/g, '');
  let m = YEAR.exec(s);
  if (m) return makePeriod('year', Number(m[1]), 1);
  m = YEAR_FIRST_MONTH.exec(s);
  if (m) return makePeriod('month', Number(m[1]), Number(m[2]));
  m = MONTH_FIRST.exec(s);
  if (m) return makePeriod('month', Number(m[2]), Number(m[1]));
  m = YEAR_FIRST_QUARTER.exec(s);
  if (m) return makePeriod('quarter', Number(m[1]), quarterNumber(m[2]));
  m = QUARTER_FIRST.exec(s);
  if (m) return makePeriod('quarter', Number(m[2]), quarterNumber(m[1]));
  return null;
}

function quarterNumber(q: string | undefined): number {
  return q === undefined ? 0 : (ROMAN[q] ?? Number(q));
}

export function makePeriod(kind: PeriodKind, year: number, index: number): Period | null {
  if (year < 2000 || year > 2100) return null;
  if (kind === 'year') {
    return {
      code: String(year),
      kind,
      year,
      index: 1,
      start: `${year}-01-01`,
      end: `${year}-12-31`,
    };
  }
  if (kind === 'quarter') {
    if (index < 1 || index > 4) return null;
    const first = (index - 1) * 3 + 1;
    return {
      code: `${year}-Q${index}`,
      kind,
      year,
      index,
      start: isoDay(year, first, 1),
      end: lastDay(year, first + 2),
    };
  }
  if (index < 1 || index > 12) return null;
  return {
    code: `${year}-${pad(index)}`,
    kind,
    year,
    index,
    start: isoDay(year, index, 1),
    end: lastDay(year, index),
  };
}

export function cadenceKind(cadence: Cadence): PeriodKind {
  return cadence === 'monthly' ? 'month' : cadence === 'quarterly' ? 'quarter' : 'year';
}

/** Vietnam has used UTC+7 all year since 1975: no DST, so a fixed offset is exact. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** The calendar day in Vietnam at an instant, `YYYY-MM-DD`. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * When a period's report is due: the end of day `dueDay` (Vietnam time) of the month after the
 * period ends — e.g. March 2026 with due day 10 is due by 10/04/2026 23:59:59 ICT. The returned
 * instant is the first moment that counts as late.
 */
export function periodDueAt(period: Period, dueDay: number): Date {
  const [y, mo] = period.end.split('-').map(Number) as [number, number];
  // Month after the period's last month, day dueDay + 1 at 00:00 ICT (= dueDay 17:00 UTC).
  return new Date(Date.UTC(y, mo, dueDay + 1) - VN_OFFSET_MS);
}

/** The period of a cadence that contains a calendar day. */
export function periodContaining(kind: PeriodKind, day: string): Period {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const p =
    kind === 'year'
      ? makePeriod('year', y, 1)
      : kind === 'quarter'
        ? makePeriod('quarter', y, Math.ceil(m / 3))
        : makePeriod('month', y, m);
  if (p === null) throw new RangeError(`No period contains ${day}`);
  return p;
}

/** The period right after `p`, of the same kind. */
export function nextPeriod(p: Period): Period {
  const last = p.kind === 'year' ? 1 : p.kind === 'quarter' ? 4 : 12;
  const n =
    p.index === last ? makePeriod(p.kind, p.year + 1, 1) : makePeriod(p.kind, p.year, p.index + 1);
  if (n === null) throw new RangeError(`No period after ${p.code}`);
  return n;
}

/** Periods of one kind from the one containing `fromDay` through the one containing `toDay`. */
export function periodsBetween(kind: PeriodKind, fromDay: string, toDay: string): Period[] {
  const out: Period[] = [];
  for (let p = periodContaining(kind, fromDay); p.start <= toDay; p = nextPeriod(p)) out.push(p);
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDay(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

function lastDay(y: number, m: number): string {
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
