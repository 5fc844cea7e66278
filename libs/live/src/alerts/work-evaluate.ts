import type { DeviceContext } from './device-context';
import type { WorkRule } from './rule';
import { initialRuleState, type RuleState } from './rule-state';
import { scopeMatches } from './scope';
import type { RuleTransition } from './transition-types';
import type { WorkSignal } from './work-signals';

/** One work rule × key that changes: the transition to write and the state to keep. */
export interface WorkChange {
  key: string;
  /** The signal's unit (fires); null for clears (the alert keeps its unit). */
  unitCode: string | null;
  transition: RuleTransition;
  state: RuleState;
}

const DAY_MS = 86_400_000;
/** Viet Nam has no daylight saving time: its calendar day is UTC+7 all year. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** Whole days from `dueDate` (YYYY-MM-DD) to today in Viet Nam; NaN when unreadable. */
export function daysPastDue(dueDate: string, now: Date): number {
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  const today = Math.floor((now.getTime() + VN_OFFSET_MS) / DAY_MS) * DAY_MS;
  return /^\d{4}-\d{2}-\d{2}$/.test(dueDate) ? Math.round((today - due) / DAY_MS) : Number.NaN;
}

function shownDate(dueDate: string): string {
  const [y, m, d] = dueDate.split('-');
  return y && m && d ? `${d}/${m}/${y}` : dueDate;
}

function fireMessage(rule: WorkRule, s: WorkSignal, days: number): string {
  const late = Number.isFinite(days) && days > 0 ? ` ${String(days)} ngày` : '';
  const due = `(hạn ${shownDate(s.dueDate)})`;
  switch (rule.kind) {
    case 'task_overdue':
      return `${rule.name}: nhiệm vụ “${s.title}” quá hạn${late} ${due}`;
    case 'report_late':
      return `${rule.name}: ${s.title} chưa nộp báo cáo, trễ hạn${late} ${due}`;
    case 'citizen_overdue':
      return `${rule.name}: ${s.title} quá hạn xử lý${late} ${due}`;
    case 'dossier_overdue':
      return `${rule.name}: ${s.title} quá hạn giải quyết${late} ${due}`;
  }
}

function clearMessage(rule: WorkRule, key: string): string {
  switch (rule.kind) {
    case 'task_overdue':
      return `${rule.name}: ${key} không còn quá hạn (đã hoàn thành, gia hạn hoặc huỷ)`;
    case 'report_late':
      return `${rule.name}: ${key} đã nộp báo cáo hoặc không còn trễ hạn`;
    case 'citizen_overdue':
      return `${rule.name}: ${key} đã được giải quyết hoặc không còn trong hàng chờ xử lý`;
    case 'dossier_overdue':
      return `${rule.name}: ${key} đã có kết quả hoặc không còn quá hạn`;
  }
}

const SUBJECT_KIND: Record<WorkRule['kind'], string> = {
  task_overdue: 'task',
  report_late: 'report',
  citizen_overdue: 'citizen_report',
  dossier_overdue: 'dossier',
};

/**
 * A work rule against the signals of one tick: fires once per key that newly counts (in the
 * rule's unit scope — a province covers its wards — and more than `graceDays` past due), clears
 * each key that fired before and no longer counts. A key that keeps counting changes nothing, so
 * an operator who resolves or closes its alert is not paged again every tick.
 *
 * `states` holds this rule's states by key; `parentOf` the unit tree.
 */
export function evaluateWork(
  rule: WorkRule,
  signals: readonly WorkSignal[],
  states: ReadonlyMap<string, RuleState>,
  now: Date,
  parentOf: (unitCode: string) => string | null,
): WorkChange[] {
  const kind = SUBJECT_KIND[rule.kind];
  const at = now.getTime();
  const counting = new Map<string, { signal: WorkSignal; days: number }>();
  for (const s of signals) {
    if (counting.has(s.key)) continue;
    const subject: DeviceContext = {
      id: s.key,
      kind,
      unitCode: s.unitCode,
      provinceCode: s.unitCode.length === 2 ? s.unitCode : parentOf(s.unitCode),
    };
    if (!rule.enabled || !scopeMatches(rule.scope, subject)) continue;
    const days = daysPastDue(s.dueDate, now);
    // The port already decided the item is late; graceDays only holds the alert back further.
    if (rule.params.graceDays > 0 && !(days > rule.params.graceDays)) continue;
    counting.set(s.key, { signal: s, days });
  }

  const out: WorkChange[] = [];
  for (const [key, { signal, days }] of counting) {
    const state = states.get(key) ?? initialRuleState();
    if (state.level > 0) continue;
    const value = Number.isFinite(days) ? days : 0;
    out.push({
      key,
      unitCode: signal.unitCode,
      state: { ...state, level: 1, pendingSince: null, lastAt: at, lastValue: value },
      transition: {
        type: 'fire',
        ruleId: rule.id,
        deviceId: key,
        level: 1,
        label: null,
        severity: rule.severity,
        value,
        at: now,
        message: fireMessage(rule, signal, days),
      },
    });
  }
  for (const [key, state] of states) {
    if (state.level === 0 || counting.has(key)) continue;
    out.push({
      key,
      unitCode: null,
      state: { ...state, level: 0, pendingSince: null, lastAt: at },
      transition: {
        type: 'clear',
        ruleId: rule.id,
        deviceId: key,
        previousLevel: state.level,
        value: state.lastValue ?? 0,
        at: now,
        message: clearMessage(rule, key),
      },
    });
  }
  return out;
}
