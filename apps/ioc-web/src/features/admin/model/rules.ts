import type { MessageKey } from '../../../shared/i18n/translate';
import type { AlertRuleKind as RuleKind, RuleViewWire as RuleView } from '@ioc/contracts';

/** One editable parameter of a rule kind (see libs/live alert rule schemas). */
export interface ParamSpec {
  name: string;
  label: MessageKey;
  /** `metric`: picked from the metric catalogue by name, stored as its code. */
  type: 'text' | 'number' | 'numberList' | 'select' | 'metric';
  options?: readonly string[];
  required?: boolean;
}

export const PARAM_SPECS: Record<RuleKind, readonly ParamSpec[]> = {
  threshold: [
    { name: 'metric', label: 'admin.rules.param.metric', type: 'metric', required: true },
    {
      name: 'comparator',
      label: 'admin.rules.param.comparator',
      type: 'select',
      options: ['>', '>=', '<', '<='],
      required: true,
    },
    { name: 'value', label: 'admin.rules.param.value', type: 'number', required: true },
    { name: 'clear', label: 'admin.rules.param.clear', type: 'number' },
    { name: 'forS', label: 'admin.rules.param.forS', type: 'number' },
    { name: 'uom', label: 'admin.rules.param.uom', type: 'text' },
  ],
  levels: [
    { name: 'metric', label: 'admin.rules.param.metric', type: 'metric', required: true },
    {
      name: 'direction',
      label: 'admin.rules.param.direction',
      type: 'select',
      options: ['above', 'below'],
    },
    { name: 'steps', label: 'admin.rules.param.steps', type: 'numberList' },
    { name: 'hysteresis', label: 'admin.rules.param.hysteresis', type: 'number' },
    { name: 'forS', label: 'admin.rules.param.forS', type: 'number' },
    { name: 'uom', label: 'admin.rules.param.uom', type: 'text' },
  ],
  rate: [
    { name: 'metric', label: 'admin.rules.param.metric', type: 'metric', required: true },
    { name: 'delta', label: 'admin.rules.param.delta', type: 'number', required: true },
    { name: 'windowS', label: 'admin.rules.param.windowS', type: 'number', required: true },
    {
      name: 'direction',
      label: 'admin.rules.param.direction',
      type: 'select',
      options: ['rise', 'fall', 'either'],
    },
    { name: 'uom', label: 'admin.rules.param.uom', type: 'text' },
  ],
  no_data: [{ name: 'factor', label: 'admin.rules.param.factor', type: 'number' }],
  aqi: [
    {
      name: 'minCategory',
      label: 'admin.rules.param.minCategory',
      type: 'select',
      options: ['moderate', 'poor', 'bad', 'very_bad', 'hazardous'],
    },
    { name: 'hysteresis', label: 'admin.rules.param.hysteresis', type: 'number' },
    { name: 'forS', label: 'admin.rules.param.forS', type: 'number' },
  ],
  task_overdue: [{ name: 'graceDays', label: 'admin.rules.param.graceDays', type: 'number' }],
  report_late: [{ name: 'graceDays', label: 'admin.rules.param.graceDays', type: 'number' }],
  citizen_overdue: [{ name: 'graceDays', label: 'admin.rules.param.graceDays', type: 'number' }],
  dossier_overdue: [{ name: 'graceDays', label: 'admin.rules.param.graceDays', type: 'number' }],
};

/** Stored params → the strings the form edits. */
export function paramsToForm(
  kind: RuleKind,
  params: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of PARAM_SPECS[kind]) {
    const v = params[spec.name];
    if (spec.type === 'numberList' && Array.isArray(v)) {
      out[spec.name] = v
        .map((s: unknown) =>
          typeof s === 'object' && s !== null && 'value' in s ? String(s.value) : String(s),
        )
        .join('; ');
    } else if (typeof v === 'number' || typeof v === 'string') out[spec.name] = String(v);
    else out[spec.name] = spec.type === 'select' ? (spec.options?.[0] ?? '') : '';
  }
  return out;
}

function num(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  return /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * The form's strings → params for the API. Blank optional fields are left out (the API's
 * defaults apply); numbers accept a decimal comma. Returns the fields that are wrong.
 */
export function formToParams(
  kind: RuleKind,
  form: Record<string, string>,
): { params: Record<string, unknown>; errors: Record<string, MessageKey> } {
  const params: Record<string, unknown> = {};
  const errors: Record<string, MessageKey> = {};
  for (const spec of PARAM_SPECS[kind]) {
    const raw = (form[spec.name] ?? '').trim();
    if (raw === '') {
      if (spec.required === true) errors[spec.name] = 'admin.error.required';
      continue;
    }
    if (spec.type === 'number') {
      const n = num(raw);
      if (n === null || Number.isNaN(n)) errors[spec.name] = 'admin.error.number';
      else params[spec.name] = n;
    } else if (spec.type === 'numberList') {
      const values = raw
        .split(/[;\s]+/)
        .filter((s) => s !== '')
        .map(num);
      if (values.some((n) => n === null || Number.isNaN(n)))
        errors[spec.name] = 'admin.error.numberList';
      else params[spec.name] = values.map((value) => ({ value }));
    } else {
      params[spec.name] = raw;
    }
  }
  return { params, errors };
}

/**
 * A one-line reading of the condition, e.g. "Bụi PM2.5 > 75" (numbers and metric names given by
 * the caller, in the UI language).
 */
export function conditionSummary(
  rule: RuleView,
  fmt: (n: number) => string,
  metricName: (code: string) => string,
  /** What a levels rule without steps of its own compares with ("each station's levels"). */
  stationLevels = '…',
): string {
  const p = rule.params;
  const n = (k: string) => (typeof p[k] === 'number' ? fmt(p[k]) : '?');
  const metric = typeof p['metric'] === 'string' ? metricName(p['metric']) : '';
  switch (rule.kind) {
    case 'threshold':
      return `${metric} ${typeof p['comparator'] === 'string' ? p['comparator'] : '?'} ${n('value')}`;
    case 'levels':
      return `${metric} ${p['direction'] === 'below' ? '≤' : '≥'} ${
        Array.isArray(p['steps'])
          ? p['steps']
              .map((s: unknown) =>
                typeof s === 'object' && s !== null && 'value' in s && typeof s.value === 'number'
                  ? fmt(s.value)
                  : '?',
              )
              .join(' / ')
          : stationLevels
      }`;
    case 'rate':
      return `${metric} Δ ${n('delta')} / ${n('windowS')} s`;
    case 'no_data':
      return `× ${n('factor')}`;
    case 'aqi':
      return `VN_AQI ≥ ${typeof p['minCategory'] === 'string' ? p['minCategory'] : 'poor'}`;
    case 'task_overdue':
    case 'report_late':
    case 'citizen_overdue':
    case 'dossier_overdue':
      return typeof p['graceDays'] === 'number' && p['graceDays'] > 0
        ? `+ ${n('graceDays')} d`
        : '';
  }
}

/** Labels of the select options that are words (comparators show as themselves). */
export const OPTION_KEYS: Readonly<Record<string, MessageKey>> = {
  above: 'admin.rules.opt.above',
  below: 'admin.rules.opt.below',
  rise: 'admin.rules.opt.rise',
  fall: 'admin.rules.opt.fall',
  either: 'admin.rules.opt.either',
  moderate: 'admin.rules.opt.moderate',
  poor: 'admin.rules.opt.poor',
  bad: 'admin.rules.opt.bad',
  very_bad: 'admin.rules.opt.very_bad',
  hazardous: 'admin.rules.opt.hazardous',
};
