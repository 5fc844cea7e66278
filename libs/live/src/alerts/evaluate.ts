import type { DeviceContext } from './device-context';
import { formatDuration, formatValue } from './format';
import { heldPosition, ladderFor, reachedPosition, type Ladder } from './ladder';
import { deviceLabel, NO_LABELS, type MetricLabels } from './naming';
import { isWorkRule, type AlertRule, type RateParams } from './rule';
import { initialRuleState, type RuleState } from './rule-state';
import type { Severity } from './severity';
import type { RuleTransition } from './transition-types';

/**
 * The stateful rule evaluator, as pure functions: (rule, state, input) → (state, transition).
 * One state per (rule, device); feed readings in time order. Readings at or before the last one
 * taken are ignored (replays, duplicates and late store-and-forward data must not re-fire or
 * clear an alert out of order). Callers select rules with `ruleApplies` first.
 */

/** The slice of a stored reading the evaluator uses (structurally a @ioc/contracts Reading). */
export interface ReadingInput {
  time: Date;
  metric: string;
  value: number;
}

export interface Evaluation {
  state: RuleState;
  transition: RuleTransition | null;
}

/** How an active ladder position reads: level, label, severity and message. */
interface Described {
  level: number;
  label: string | null;
  severity: Severity;
  message: string;
}

interface Step {
  /** Position the value reaches now (0 = not reached). */
  reached: number;
  /** Position still held, given the active one (hysteresis); at least `reached`. */
  held: (active: number) => number;
  forMs: number;
  describe: (position: number) => Described;
  clearMessage: string;
}

/**
 * The state machine all kinds share: pending (minimum duration) → fire → update (level moves,
 * up immediately, down only past hysteresis) → clear.
 */
function advance(
  rule: AlertRule,
  device: DeviceContext,
  state: RuleState,
  at: number,
  value: number,
  step: Step,
): Evaluation {
  const base = { ruleId: rule.id, deviceId: device.id, value, at: new Date(at) };
  const next: RuleState = { ...state, lastAt: at, lastValue: value };
  if (state.level === 0) {
    if (step.reached === 0) return { state: { ...next, pendingSince: null }, transition: null };
    const since = state.pendingSince ?? at;
    if (at - since < step.forMs)
      return { state: { ...next, pendingSince: since }, transition: null };
    const d = step.describe(step.reached);
    return {
      state: { ...next, level: step.reached, pendingSince: null },
      transition: { type: 'fire', ...base, ...d },
    };
  }
  const active = state.level;
  const target = step.reached > active ? step.reached : Math.max(step.reached, step.held(active));
  if (target === active) return { state: next, transition: null };
  if (target === 0) {
    return {
      state: { ...next, level: 0, pendingSince: null },
      transition: {
        type: 'clear',
        ...base,
        previousLevel: levelAt(step, active),
        message: step.clearMessage,
      },
    };
  }
  const d = step.describe(target);
  return {
    state: { ...next, level: target },
    transition: { type: 'update', ...base, ...d, previousLevel: levelAt(step, active) },
  };
}

function levelAt(step: Step, position: number): number {
  return step.describe(position).level;
}

const COMPARATOR_TEXT = { above: ['>', '≥'], below: ['<', '≤'] } as const;

/** The catalogue's name and printed unit; the code and the rule's unit for a metric it lacks. */
function named(
  labels: MetricLabels,
  metric: string,
  uom: string | undefined,
): { name: string; uom: string | undefined } {
  const label = labels.get(metric);
  return label ? { name: label.name, uom: label.unit } : { name: metric, uom };
}

function ladderStep(
  rule: AlertRule,
  ladder: Ladder,
  value: number,
  metricName: string,
  uom: string | undefined,
  forS: number,
): Step {
  const cmp = COMPARATOR_TEXT[ladder.direction][ladder.inclusive ? 1 : 0];
  const shown = formatValue(value, uom);
  return {
    reached: reachedPosition(ladder, value),
    held: (active) => heldPosition(ladder, value, active),
    forMs: forS * 1000,
    describe: (position) => {
      // Clamp: a station's configured levels may have shrunk while an alert was active.
      const s = ladder.steps[Math.min(position, ladder.steps.length) - 1] ?? ladder.steps[0];
      if (!s) throw new RangeError(`Rule ${rule.id} has an empty ladder`);
      const limit = `${cmp} ${formatValue(s.value, uom)}`;
      const message =
        rule.kind === 'aqi'
          ? `${rule.name}: VN_AQI ${shown} — ${s.label ?? ''} (${limit})`
          : s.label
            ? `${rule.name}: ${s.label} — ${metricName} = ${shown} (mức ${limit})`
            : `${rule.name}: ${metricName} = ${shown} (ngưỡng ${limit})`;
      return { level: s.level, label: s.label, severity: s.severity, message };
    },
    clearMessage: `${rule.name}: đã trở lại bình thường (${metricName} = ${shown})`,
  };
}

/** Pushes a sample into the monotone queues and drops what fell out of the window. */
function slideWindow(state: RuleState, p: RateParams, at: number, value: number): RuleState {
  const cutoff = at - p.windowS * 1000;
  const keep = (
    q: [number, number][] | undefined,
    drop: (back: number) => boolean,
  ): [number, number][] => {
    const out = (q ?? []).filter(([t]) => t >= cutoff);
    while (out.length > 0 && drop(out[out.length - 1]?.[1] ?? 0)) out.pop();
    out.push([at, value]);
    return out;
  };
  const next: RuleState = { ...state };
  if (p.direction !== 'fall') next.minQ = keep(state.minQ, (back) => back >= value);
  if (p.direction !== 'rise') next.maxQ = keep(state.maxQ, (back) => back <= value);
  return next;
}

function rateStep(
  rule: AlertRule & { kind: 'rate' },
  state: RuleState,
  value: number,
  labels: MetricLabels,
): Step {
  const p = rule.params;
  const { name, uom } = named(labels, p.metric, p.uom);
  const rise = value - (state.minQ?.[0]?.[1] ?? value);
  const fall = (state.maxQ?.[0]?.[1] ?? value) - value;
  const change =
    p.direction === 'rise' ? rise : p.direction === 'fall' ? fall : Math.max(rise, fall);
  const verb = (p.direction === 'either' ? rise >= fall : p.direction === 'rise') ? 'tăng' : 'giảm';
  const clearDelta = p.clearDelta ?? p.delta;
  const window = formatDuration(p.windowS);
  return {
    reached: change >= p.delta ? 1 : 0,
    held: () => (change >= clearDelta ? 1 : 0),
    forMs: 0,
    describe: () => ({
      level: 1,
      label: null,
      severity: rule.severity,
      message: `${rule.name}: ${name} ${verb} ${formatValue(change, uom)} trong ${window} (ngưỡng ${formatValue(p.delta, uom)})`,
    }),
    clearMessage: `${rule.name}: ${name} đã ổn định (thay đổi ${formatValue(change, uom)} trong ${window})`,
  };
}

/**
 * Feeds one reading to a rule's evaluator for a device. `labels` name the metrics in the
 * messages (the catalogue); without them a message prints the metric code.
 */
export function evaluateReading(
  rule: AlertRule,
  state: RuleState | null | undefined,
  reading: ReadingInput,
  device: DeviceContext,
  labels: MetricLabels = NO_LABELS,
): Evaluation {
  const current = state ?? initialRuleState();
  const unchanged: Evaluation = { state: current, transition: null };
  const at = reading.time.getTime();
  if (!Number.isFinite(at) || !Number.isFinite(reading.value)) return unchanged;

  if (rule.kind === 'no_data') {
    // Any reading proves the device talks again; its age does not matter here.
    const next: RuleState = { ...current, lastAt: Math.max(current.lastAt ?? at, at) };
    if (current.level === 0) return { state: next, transition: null };
    return {
      state: { ...next, level: 0, pendingSince: null },
      transition: {
        type: 'clear',
        ruleId: rule.id,
        deviceId: device.id,
        previousLevel: current.level,
        value: 0,
        at: reading.time,
        message: `${rule.name}: thiết bị ${deviceLabel(device)} đã gửi dữ liệu trở lại`,
      },
    };
  }

  if (isWorkRule(rule)) return unchanged;
  if (reading.metric !== rule.params.metric) return unchanged;
  if (current.lastAt !== null && at <= current.lastAt) return unchanged;

  if (rule.kind === 'rate') {
    const slid = slideWindow(current, rule.params, at, reading.value);
    return advance(
      rule,
      device,
      slid,
      at,
      reading.value,
      rateStep(rule, slid, reading.value, labels),
    );
  }

  const built = ladderFor(rule, device);
  if (!built) return unchanged;
  const value = built.normalise(reading.value);
  // An index has no unit: VN_AQI 320, whatever the catalogue prints for its metric.
  const { name, uom } =
    rule.kind === 'aqi'
      ? { name: 'VN_AQI', uom: undefined }
      : named(labels, rule.params.metric, 'uom' in rule.params ? rule.params.uom : undefined);
  const forS = 'forS' in rule.params ? rule.params.forS : 0;
  return advance(
    rule,
    device,
    current,
    at,
    value,
    ladderStep(rule, built.ladder, value, name, uom, forS),
  );
}

export interface SilenceInput {
  now: Date;
  /** When the platform last heard from the device (receipt time); null if never. */
  lastSeen: Date | null;
  expectedIntervalS: number;
  /** When the device was registered: a device never heard from is silent since then. */
  since?: Date | null;
}

/**
 * The timer side of `no_data` rules: call periodically with the device's last_seen. Fires once
 * the device has been silent for more than factor × its expected interval; clears when it was
 * heard from again. Other rule kinds are returned unchanged.
 */
export function evaluateSilence(
  rule: AlertRule,
  state: RuleState | null | undefined,
  input: SilenceInput,
  device: DeviceContext,
): Evaluation {
  const current = state ?? initialRuleState();
  if (rule.kind !== 'no_data') return { state: current, transition: null };
  const ref = input.lastSeen ?? input.since ?? null;
  if (ref === null || input.expectedIntervalS <= 0) return { state: current, transition: null };
  const silentS = (input.now.getTime() - ref.getTime()) / 1000;
  const limitS = rule.params.factor * input.expectedIntervalS;
  const silent = silentS > limitS;
  const interval = formatDuration(input.expectedIntervalS);
  return advance(
    rule,
    device,
    current,
    Math.max(current.lastAt ?? 0, input.now.getTime()),
    silentS,
    {
      reached: silent ? 1 : 0,
      held: () => (silent ? 1 : 0),
      forMs: 0,
      describe: () => ({
        level: 1,
        label: null,
        severity: rule.severity,
        message: input.lastSeen
          ? `${rule.name}: thiết bị ${deviceLabel(device)} không gửi dữ liệu ${formatDuration(silentS)} (chu kỳ ${interval})`
          : `${rule.name}: thiết bị ${deviceLabel(device)} chưa gửi dữ liệu lần nào sau ${formatDuration(silentS)}`,
      }),
      clearMessage: `${rule.name}: thiết bị ${deviceLabel(device)} đã gửi dữ liệu trở lại`,
    },
  );
}
