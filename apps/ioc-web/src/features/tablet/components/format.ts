import { formatDate, formatTime } from '../../../shared/i18n/format';
import type { I18n } from '../../../shared/i18n/useI18n';
import type { MessageKey } from '../../../shared/i18n/translate';
import { deviceKindKey } from '../../../shared/ui/deviceKind';
import type { IndicatorStatus, Rule, Severity, TabletIndicator } from '../model/api';
import { ageOf, periodLabel } from '../model/model';

// Message keys spelled out so every one is type-checked (none is built from a string).

export const STATUS_KEYS: Record<IndicatorStatus, MessageKey> = {
  on_track: 'tablet.status.on_track',
  at_risk: 'tablet.status.at_risk',
  off_track: 'tablet.status.off_track',
  no_data: 'tablet.status.no_data',
  no_target: 'tablet.status.no_target',
};

export const SEVERITY_KEYS: Record<Severity, MessageKey> = {
  emergency: 'tablet.severity.emergency',
  critical: 'tablet.severity.critical',
  warning: 'tablet.severity.warning',
  info: 'tablet.severity.info',
};

const ALERT_STATUS_KEYS: Record<string, MessageKey> = {
  open: 'tablet.alertStatus.open',
  acknowledged: 'tablet.alertStatus.acknowledged',
  in_progress: 'tablet.alertStatus.in_progress',
};

export function alertStatusKey(status: string): MessageKey {
  return ALERT_STATUS_KEYS[status] ?? 'tablet.alertStatus.other';
}

export function kindKey(kind: string): MessageKey {
  return deviceKindKey(kind) ?? 'tablet.kind.other';
}

const UNIT_KEYS: Record<string, MessageKey> = {
  percent: 'tablet.unit.percent',
  count: 'tablet.unit.count',
  index: 'tablet.unit.index',
  rank: 'tablet.unit.rank',
  per_10k_people: 'tablet.unit.per_10k_people',
  per_1k_people: 'tablet.unit.per_1k_people',
  per_person: 'tablet.unit.per_person',
  percent_of_grdp: 'tablet.unit.percent_of_grdp',
  percent_of_budget: 'tablet.unit.percent_of_budget',
  percent_per_year: 'tablet.unit.percent_per_year',
};

type Fmt = Pick<I18n, 't' | 'num'>;

function digits(unit: string): number {
  if (unit === 'index') return 3;
  if (unit === 'rank' || unit === 'count') return 0;
  return 1;
}

/** A figure in the indicator's unit: "81,9%", "hạng 5", "Đã hoàn thành". */
export function formatValue(value: number, unit: string, { t, num }: Fmt): string {
  if (unit === 'milestone')
    return t(value >= 1 ? 'tablet.milestone.done' : 'tablet.milestone.notDone');
  return t(UNIT_KEYS[unit] ?? 'tablet.unit.count', { v: num(value, digits(unit)) });
}

/** An expectation such as "≥ 56%", "≤ hạng 10", "35% – 40%", "hoàn thành". */
export function formatRule(rule: Rule, unit: string, f: Fmt): string {
  const v = (x: number | undefined) => (x === undefined ? '?' : formatValue(x, unit, f));
  switch (rule.op) {
    case '>=':
      return f.t('tablet.rule.atLeast', { v: v(rule.value) });
    case '<=':
      return f.t('tablet.rule.atMost', { v: v(rule.value) });
    case 'between':
      return f.t('tablet.rule.range', { min: v(rule.min), max: v(rule.max) });
    case 'reached':
      return f.t('tablet.rule.reached');
    default:
      return v(rule.value);
  }
}

/** "Chỉ tiêu 2026: ≥ 56%" with how it was derived from the plan when not set for this year. */
export function formatTarget(item: TabletIndicator, year: number, f: Fmt): string {
  const e = item.expectation;
  if (e === null) return f.t('tablet.target.none');
  const head = f.t('tablet.target.label', { year, rule: formatRule(e.expected, item.unit, f) });
  const planYear = e.targetYear ?? year;
  switch (e.basis) {
    case 'interpolated':
      return `${head} (${f.t('tablet.target.interpolated', { year: planYear, rule: formatRule(e.target, item.unit, f) })})`;
    case 'carried_forward':
      return `${head} (${f.t('tablet.target.carried', { year: planYear })})`;
    case 'milestone_pending':
    case 'final_target':
      return `${head} (${f.t('tablet.target.milestone', { year: planYear })})`;
    default:
      return head;
  }
}

export function formatPeriod(code: string, { t }: Pick<I18n, 't'>): string {
  const p = periodLabel(code);
  switch (p.kind) {
    case 'month':
      return t('tablet.period.month', { month: p.month, year: p.year });
    case 'quarter':
      return t('tablet.period.quarter', { quarter: p.quarter, year: p.year });
    case 'year':
      return t('tablet.period.year', { year: p.year });
    case 'other':
      return p.text;
  }
}

const AGE_KEYS = {
  justNow: 'tablet.age.justNow',
  minutes: 'tablet.age.minutes',
  hours: 'tablet.age.hours',
  days: 'tablet.age.days',
} as const satisfies Record<string, MessageKey>;

/** "cách đây 12 phút" */
export function formatAge(savedAt: number, now: number, { t }: Pick<I18n, 't'>): string {
  const a = ageOf(savedAt, now);
  return t(AGE_KEYS[a.unit], { n: a.n });
}

/** "14:05 22/11/2026" — time first, as the offline badge reads it aloud. */
export function formatStamp(epochMs: number): string {
  const d = new Date(epochMs);
  return `${formatTime(d, false)} ${formatDate(d)}`;
}

/**
 * A plan's short name from its official title: "Kế hoạch số 122/KH-UBND ngày 16/10/2025 triển
 * khai…" → "Kế hoạch số 122/KH-UBND". The full titles run to several lines.
 */
export function shortTitle(title: string, max = 80): string {
  let cut = title.length;
  for (const sep of [' ngày ', ' (', ' triển khai', ' implementing', ', ']) {
    const i = title.indexOf(sep);
    if (i > 10 && i < cut) cut = i;
  }
  const s = title.slice(0, cut).trim();
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}
