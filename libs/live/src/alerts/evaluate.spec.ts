import { describe, expect, it } from 'vitest';
import type { DeviceContext } from './device-context';
import { evaluateReading, evaluateSilence, type ReadingInput } from './evaluate';
import { parseAlertRule, type AlertRule } from './rule';
import { parseRuleState, type RuleState } from './rule-state';
import type { RuleTransition } from './transition-types';

const T0 = Date.UTC(2026, 8, 15, 0, 0, 0);
const min = (m: number): Date => new Date(T0 + m * 60_000);

const station: DeviceContext = {
  id: 'wl-han-01',
  kind: 'water_level',
  unitCode: '20194',
  provinceCode: '48',
  levels: [2.0, 2.5, 3.0],
};

/** Feeds (minute, value) readings in order; returns every transition and the final state. */
function feed(
  rule: AlertRule,
  readings: [number, number][],
  device: DeviceContext = station,
  metric = 'metric' in rule.params ? rule.params.metric : 'x',
  start: RuleState | null = null,
): { transitions: (RuleTransition | null)[]; state: RuleState | null } {
  let state = start;
  const transitions: (RuleTransition | null)[] = [];
  for (const [m, value] of readings) {
    const r: ReadingInput = { time: min(m), metric, value };
    const out = evaluateReading(rule, state, r, device);
    // Round-trip through JSON each time: the state must survive being persisted as jsonb.
    state = parseRuleState(JSON.parse(JSON.stringify(out.state)));
    transitions.push(out.transition);
  }
  return { transitions, state };
}

const kinds = (ts: (RuleTransition | null)[]): (string | null)[] => ts.map((t) => t?.type ?? null);

describe('threshold rules', () => {
  const rule = parseAlertRule({
    id: 'hot',
    name: 'Nhiệt độ cao',
    kind: 'threshold',
    params: { metric: 'temperature', comparator: '>', value: 40, clear: 38, forS: 600, uom: '°C' },
  });

  it('fires only after the minimum duration and clears past the hysteresis level', () => {
    // 41 at 0 → pending; 42 at 5 (5 min < 10) → pending; 41 at 10 → fire;
    // 39 at 15 → still active (39 > 38 clear level); 38 at 20 → clear (38 is not > 38)
    const { transitions } = feed(rule, [
      [0, 41],
      [5, 42],
      [10, 41],
      [15, 39],
      [20, 38],
    ]);
    expect(kinds(transitions)).toEqual([null, null, 'fire', null, 'clear']);
    expect(transitions[2]).toMatchObject({
      type: 'fire',
      level: 1,
      severity: 'warning',
      value: 41,
      at: min(10),
      message: 'Nhiệt độ cao: temperature = 41 °C (ngưỡng > 40 °C)',
    });
    expect(transitions[4]?.message).toBe(
      'Nhiệt độ cao: đã trở lại bình thường (temperature = 38 °C)',
    );
  });

  it('restarts the minimum duration when the condition lapses', () => {
    // 41 at 0, 39 at 5 (lapse), 41 at 10, 41 at 15 (5 min since 10) → nothing yet; 41 at 20 → fire
    const { transitions } = feed(rule, [
      [0, 41],
      [5, 39],
      [10, 41],
      [15, 41],
      [20, 41],
    ]);
    expect(kinds(transitions)).toEqual([null, null, null, null, 'fire']);
  });

  it('ignores other metrics, replays and out-of-order readings', () => {
    const instant = parseAlertRule({ ...rule, params: { ...rule.params, forS: 0 } });
    const fired = feed(instant, [[10, 45]]);
    expect(kinds(fired.transitions)).toEqual(['fire']);
    // An older reading (5) and a duplicate (10) below the clear level must not clear it.
    const later = feed(
      instant,
      [
        [5, 20],
        [10, 20],
      ],
      station,
      'temperature',
      fired.state,
    );
    expect(kinds(later.transitions)).toEqual([null, null]);
    const other = evaluateReading(
      instant,
      fired.state,
      { time: min(11), metric: 'humidity', value: 0 },
      station,
    );
    expect(other).toEqual({ state: fired.state, transition: null });
  });

  it('supports lower-bound comparators (value below a limit)', () => {
    const low = parseAlertRule({
      id: 'batt',
      name: 'Pin yếu',
      kind: 'threshold',
      severity: 'info',
      params: { metric: 'battery', comparator: '<=', value: 20, clear: 30 },
    });
    // 25 → ok; 20 → fire (≤ 20); 29 → held (≤ 30); 31 → clear
    const { transitions } = feed(low, [
      [0, 25],
      [1, 20],
      [2, 29],
      [3, 31],
    ]);
    expect(kinds(transitions)).toEqual([null, 'fire', null, 'clear']);
    expect(transitions[1]).toMatchObject({ severity: 'info' });
  });
});

describe('multi-level rules (báo động I/II/III)', () => {
  const rule = parseAlertRule({
    id: 'flood',
    name: 'Mực nước sông Hàn',
    kind: 'levels',
    scope: { deviceKinds: ['water_level'] },
    params: { metric: 'water_level', hysteresis: 0.1, uom: 'm' },
  });

  it("climbs and descends the station's configured levels with hysteresis", () => {
    // levels 2.0 / 2.5 / 3.0, hysteresis 0.1
    // 1.9 → none; 2.1 → fire I; 3.05 → update III (skips II); 2.95 → stays III (≥ 2.9);
    // 2.85 → down to II (≥ 2.4); 1.95 → stays I (≥ 1.9); 1.85 → clear
    const { transitions } = feed(rule, [
      [0, 1.9],
      [10, 2.1],
      [20, 3.05],
      [30, 2.95],
      [40, 2.85],
      [50, 1.95],
      [60, 1.95],
      [70, 1.85],
    ]);
    expect(kinds(transitions)).toEqual([
      null,
      'fire',
      'update',
      null,
      'update',
      'update',
      null,
      'clear',
    ]);
    expect(transitions[1]).toMatchObject({ level: 1, label: 'Báo động I', severity: 'warning' });
    expect(transitions[2]).toMatchObject({
      level: 3,
      previousLevel: 1,
      label: 'Báo động III',
      severity: 'emergency',
      message: 'Mực nước sông Hàn: Báo động III — water_level = 3,05 m (mức ≥ 3 m)',
    });
    expect(transitions[4]).toMatchObject({ level: 2, previousLevel: 3, severity: 'critical' });
    expect(transitions[5]).toMatchObject({ level: 1, previousLevel: 2 });
    expect(transitions[7]).toMatchObject({ type: 'clear', previousLevel: 1 });
  });

  it('does nothing for a station without configured levels', () => {
    const { transitions } = feed(rule, [[0, 9]], { ...station, levels: null });
    expect(transitions).toEqual([null]);
  });

  it('uses explicit steps, severities and labels, and the "below" direction', () => {
    const drought = parseAlertRule({
      id: 'low',
      name: 'Cạn kiệt',
      kind: 'levels',
      params: {
        metric: 'water_level',
        direction: 'below',
        steps: [{ value: 1.0 }, { value: 0.5, severity: 'critical', label: 'Rất thấp' }],
        labels: ['Thấp'],
        severities: ['info'],
      },
    });
    const { transitions } = feed(drought, [
      [0, 1.2],
      [1, 0.9],
      [2, 0.4],
    ]);
    expect(transitions[1]).toMatchObject({
      type: 'fire',
      level: 1,
      label: 'Thấp',
      severity: 'info',
    });
    expect(transitions[2]).toMatchObject({
      type: 'update',
      level: 2,
      label: 'Rất thấp',
      severity: 'critical',
    });
  });
});

describe('rate-of-change rules', () => {
  const base = {
    id: 'rise',
    name: 'Nước lên nhanh',
    kind: 'rate',
    severity: 'critical',
    params: { metric: 'water_level', delta: 0.5, windowS: 3600, uom: 'm' },
  } as const;

  it('fires on a rise of delta within the window and clears when the window no longer shows it', () => {
    // 1.0 @0, 1.2 @20, 1.6 @40 → rise 1.6 − 1.0 = 0.6 ≥ 0.5 → fire
    // 1.6 @80: window [20, 80] → min 1.2, rise 0.4 < 0.5 → clear
    const { transitions, state } = feed(parseAlertRule(base), [
      [0, 1.0],
      [20, 1.2],
      [40, 1.6],
      [80, 1.6],
    ]);
    expect(kinds(transitions)).toEqual([null, null, 'fire', 'clear']);
    expect(transitions[2]?.message).toBe(
      'Nước lên nhanh: water_level tăng 0,6 m trong 1 giờ (ngưỡng 0,5 m)',
    );
    expect(transitions[2]).toMatchObject({ severity: 'critical', value: 1.6 });
    // The monotone queue holds only what can still be the minimum: [20 → 1.2, 80 → 1.6]
    expect(state?.minQ).toEqual([
      [min(20).getTime(), 1.2],
      [min(80).getTime(), 1.6],
    ]);
  });

  it('holds while the change stays above clearDelta', () => {
    const rule = parseAlertRule({ ...base, params: { ...base.params, clearDelta: 0.3 } });
    const { transitions } = feed(rule, [
      [0, 1.0],
      [20, 1.2],
      [40, 1.6],
      [80, 1.6],
    ]);
    expect(kinds(transitions)).toEqual([null, null, 'fire', null]);
  });

  it('detects falls', () => {
    const rule = parseAlertRule({ ...base, params: { ...base.params, direction: 'fall' } });
    // 3.0 → 2.4 within 30 min: fall 0.6
    const { transitions } = feed(rule, [
      [0, 3.0],
      [30, 2.4],
    ]);
    expect(transitions[1]?.message).toContain('giảm 0,6 m');
  });
});

describe('AQI category rules', () => {
  const rule = parseAlertRule({
    id: 'aqi',
    name: 'Không khí',
    kind: 'aqi',
    params: { minCategory: 'poor' },
  });

  it('fires at Kém, follows the categories up and clears 5 points under Kém', () => {
    // 95 → none; 101 → fire Kém (level 2, warning); 100.4 → rounds to 100, holds (≥ 101 − 5);
    // 160 → Xấu (3); 320 → Nguy hại (5, emergency); 90 → below every clear level → clear
    const { transitions } = feed(
      rule,
      [
        [0, 95],
        [60, 101],
        [120, 100.4],
        [180, 160],
        [240, 320],
        [300, 90],
      ],
      station,
      'vn_aqi',
    );
    expect(kinds(transitions)).toEqual([null, 'fire', null, 'update', 'update', 'clear']);
    expect(transitions[1]).toMatchObject({ level: 2, label: 'Kém', severity: 'warning' });
    expect(transitions[3]).toMatchObject({ level: 3, label: 'Xấu', severity: 'warning' });
    expect(transitions[4]).toMatchObject({
      level: 5,
      label: 'Nguy hại',
      severity: 'emergency',
      message: 'Không khí: VN_AQI 320 — Nguy hại (≥ 301)',
    });
  });
});

describe('no-data rules', () => {
  const rule = parseAlertRule({ id: 'silent', name: 'Mất kết nối', kind: 'no_data', params: {} });
  const now = min(60);

  it('fires when silent longer than factor × interval, and clears when data returns', () => {
    // interval 300 s × 3 = 900 s: silent 899 s → nothing, 901 s → fire
    const quiet = evaluateSilence(
      rule,
      null,
      { now, lastSeen: new Date(now.getTime() - 899_000), expectedIntervalS: 300 },
      station,
    );
    expect(quiet.transition).toBeNull();
    const fired = evaluateSilence(
      rule,
      quiet.state,
      { now, lastSeen: new Date(now.getTime() - 901_000), expectedIntervalS: 300 },
      station,
    );
    expect(fired.transition).toMatchObject({
      type: 'fire',
      severity: 'warning',
      value: 901,
      message: 'Mất kết nối: thiết bị wl-han-01 không gửi dữ liệu 15 phút (chu kỳ 5 phút)',
    });
    // a second tick while still silent: no repeat
    const again = evaluateSilence(
      rule,
      fired.state,
      { now: min(61), lastSeen: new Date(now.getTime() - 901_000), expectedIntervalS: 300 },
      station,
    );
    expect(again.transition).toBeNull();
    // any reading clears it
    const back = evaluateReading(
      rule,
      again.state,
      { time: min(62), metric: 'battery', value: 80 },
      station,
    );
    expect(back.transition).toMatchObject({ type: 'clear', previousLevel: 1 });
  });

  it('clears on the timer too, and counts a never-seen device from its registration', () => {
    const fired = evaluateSilence(
      rule,
      null,
      { now, lastSeen: null, since: min(0), expectedIntervalS: 300 },
      station,
    );
    expect(fired.transition?.message).toContain('chưa gửi dữ liệu lần nào sau 1 giờ');
    const cleared = evaluateSilence(
      rule,
      fired.state,
      { now: min(70), lastSeen: min(69), expectedIntervalS: 300 },
      station,
    );
    expect(cleared.transition?.type).toBe('clear');
    expect(
      evaluateSilence(rule, null, { now, lastSeen: null, expectedIntervalS: 300 }, station)
        .transition,
    ).toBeNull();
  });
});

describe('rule state persistence', () => {
  it('falls back to a clean state for unreadable JSON', () => {
    expect(parseRuleState({ v: 99 })).toEqual({
      v: 1,
      level: 0,
      pendingSince: null,
      lastAt: null,
      lastValue: null,
    });
    expect(parseRuleState(null).level).toBe(0);
  });
});
