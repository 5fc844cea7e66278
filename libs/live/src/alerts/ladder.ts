import { AQI_CATEGORIES, roundAqi } from '../aqi';
import type { DeviceContext } from './device-context';
import { alarmLabel } from './format';
import type { AlertRule, AqiParams, LevelsParams, ThresholdParams } from './rule';
import type { Severity } from './severity';

/**
 * Every value-based rule (threshold, levels, aqi) is a ladder of steps: the value reaches step k
 * when it crosses k's `value`, and an active step k holds until the value crosses back over its
 * `clear` level. A plain threshold is a one-step ladder.
 */
export interface LadderStep {
  /** Reported level: 1 for a threshold, the báo động number, or the VN_AQI category index. */
  level: number;
  value: number;
  clear: number;
  severity: Severity;
  label: string | null;
}

export interface Ladder {
  direction: 'above' | 'below';
  /** Whether reaching includes equality (≥/≤) or not (>/<). */
  inclusive: boolean;
  steps: readonly LadderStep[];
}

function crosses(ladder: Ladder, v: number, level: number): boolean {
  if (ladder.direction === 'above') return ladder.inclusive ? v >= level : v > level;
  return ladder.inclusive ? v <= level : v < level;
}

/** Highest step (1-based position) the value reaches; 0 if none. */
export function reachedPosition(ladder: Ladder, v: number): number {
  let pos = 0;
  ladder.steps.forEach((s, i) => {
    if (crosses(ladder, v, s.value)) pos = i + 1;
  });
  return pos;
}

/** Highest step at or below `current` that the value still holds (hysteresis); 0 = clear. */
export function heldPosition(ladder: Ladder, v: number, current: number): number {
  for (let p = Math.min(current, ladder.steps.length); p >= 1; p--) {
    const step = ladder.steps[p - 1];
    if (step && crosses(ladder, v, step.clear)) return p;
  }
  return 0;
}

function thresholdLadder(p: ThresholdParams, severity: Severity): Ladder {
  return {
    direction: p.comparator.startsWith('>') ? 'above' : 'below',
    inclusive: p.comparator.endsWith('='),
    steps: [{ level: 1, value: p.value, clear: p.clear ?? p.value, severity, label: null }],
  };
}

const DEFAULT_LEVEL_SEVERITIES: readonly Severity[] = ['warning', 'critical', 'emergency'];

function levelsLadder(p: LevelsParams, device: DeviceContext): Ladder | null {
  const steps: { value: number; severity?: Severity; label?: string }[] | undefined =
    p.steps ?? device.levels?.map((value) => ({ value }));
  if (!steps || steps.length === 0) return null;
  const sign = p.direction === 'above' ? -1 : 1;
  return {
    direction: p.direction,
    inclusive: true,
    steps: steps.map((s, i) => ({
      level: i + 1,
      value: s.value,
      clear: s.value + sign * p.hysteresis,
      severity: s.severity ?? p.severities?.[i] ?? DEFAULT_LEVEL_SEVERITIES[i] ?? 'emergency',
      label: s.label ?? p.labels?.[i] ?? alarmLabel(i + 1),
    })),
  };
}

const DEFAULT_AQI_SEVERITIES: Readonly<Record<string, Severity>> = {
  moderate: 'info',
  poor: 'warning',
  bad: 'warning',
  very_bad: 'critical',
  hazardous: 'emergency',
};

function aqiLadder(p: AqiParams): Ladder {
  const chosen: Partial<Record<string, Severity>> = p.severities ?? {};
  const from = AQI_CATEGORIES.findIndex((c) => c.code === p.minCategory);
  return {
    direction: 'above',
    inclusive: true,
    steps: AQI_CATEGORIES.slice(Math.max(from, 1)).map((c) => ({
      level: c.index,
      value: c.min,
      clear: c.min - p.hysteresis,
      severity: chosen[c.code] ?? DEFAULT_AQI_SEVERITIES[c.code] ?? 'warning',
      label: c.labelVi,
    })),
  };
}

/**
 * The ladder of a value-based rule for a device, and the value to compare (AQI values are
 * rounded first, because the categories are defined on the published integer index). Null when
 * the rule kind is not value-based or a `levels` rule finds no levels for this device.
 */
export function ladderFor(
  rule: AlertRule,
  device: DeviceContext,
): { ladder: Ladder; normalise: (v: number) => number } | null {
  switch (rule.kind) {
    case 'threshold':
      return { ladder: thresholdLadder(rule.params, rule.severity), normalise: (v) => v };
    case 'levels': {
      const ladder = levelsLadder(rule.params, device);
      return ladder ? { ladder, normalise: (v) => v } : null;
    }
    case 'aqi':
      return { ladder: aqiLadder(rule.params), normalise: (v) => (v < 0 ? v : roundAqi(v)) };
    case 'rate':
    case 'no_data':
    case 'task_overdue':
    case 'report_late':
    case 'citizen_overdue':
    case 'dossier_overdue':
      return null;
  }
}
