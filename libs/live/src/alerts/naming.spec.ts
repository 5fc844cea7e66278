import { describe, expect, it } from 'vitest';
import type { DeviceContext } from './device-context';
import { evaluateReading, evaluateSilence } from './evaluate';
import { deviceLabel, metricLabels } from './naming';
import { parseAlertRule, type AlertRule } from './rule';
import type { RuleState } from './rule-state';
import type { RuleTransition } from './transition-types';

const T0 = Date.UTC(2026, 11, 7, 0, 0, 0);
const min = (m: number): Date => new Date(T0 + m * 60_000);

// As the catalogue has them (migrations 0002 and 0061): printed units differ from the codes.
const labels = metricLabels([
  { code: 'pm25', nameVi: 'Bụi PM2.5', unitVi: 'µg/m³' },
  { code: 'water_level', nameVi: 'Mực nước', unitVi: 'm' },
  { code: 'door_open', nameVi: 'Cửa tủ mở', unitVi: '' },
  { code: 'vn_aqi', nameVi: 'Chỉ số chất lượng không khí', unitVi: 'điểm' },
]);

const station: DeviceContext = {
  id: 'dn-wl-1',
  name: 'Đo mực nước Hải Châu',
  kind: 'water_level',
  unitCode: '20194',
  provinceCode: '48',
  levels: [2.0, 2.5, 3.0],
};

function run(rule: AlertRule, metric: string, values: number[]): (RuleTransition | null)[] {
  let state: RuleState | null = null;
  const out: (RuleTransition | null)[] = [];
  values.forEach((value, m) => {
    const ev = evaluateReading(rule, state, { time: min(m), metric, value }, station, labels);
    state = ev.state;
    out.push(ev.transition);
  });
  return out;
}

describe('alert messages name metrics from the catalogue', () => {
  it('prints the name and the printed unit instead of the code and the stored unit', () => {
    const rule = parseAlertRule({
      id: 'dust',
      name: 'Bụi mịn',
      kind: 'threshold',
      params: { metric: 'pm25', comparator: '>', value: 50, uom: 'ug/m3' },
    });
    const [fire, clear] = run(rule, 'pm25', [88, 40]);
    expect(fire?.message).toBe('Bụi mịn: Bụi PM2.5 = 88 µg/m³ (ngưỡng > 50 µg/m³)');
    expect(clear?.message).toBe('Bụi mịn: đã trở lại bình thường (Bụi PM2.5 = 40 µg/m³)');
  });

  it('names the metric on a station level (báo động) and on a rate of change', () => {
    const levels = parseAlertRule({
      id: 'flood',
      name: 'Ngập sông Hàn',
      kind: 'levels',
      params: { metric: 'water_level', hysteresis: 0.1 },
    });
    expect(run(levels, 'water_level', [2.6])[0]?.message).toBe(
      'Ngập sông Hàn: Báo động II — Mực nước = 2,6 m (mức ≥ 2,5 m)',
    );
    const rate = parseAlertRule({
      id: 'rise',
      name: 'Nước lên nhanh',
      kind: 'rate',
      params: { metric: 'water_level', delta: 0.5, windowS: 3600 },
    });
    expect(run(rate, 'water_level', [1, 1.7])[1]?.message).toBe(
      'Nước lên nhanh: Mực nước tăng 0,7 m trong 1 giờ (ngưỡng 0,5 m)',
    );
  });

  it('prints no unit for an on/off metric, and the code for a metric the catalogue lacks', () => {
    const door = parseAlertRule({
      id: 'door',
      name: 'Tủ điện',
      kind: 'threshold',
      params: { metric: 'door_open', comparator: '>=', value: 1 },
    });
    expect(run(door, 'door_open', [1])[0]?.message).toBe('Tủ điện: Cửa tủ mở = 1 (ngưỡng ≥ 1)');
    const odd = parseAlertRule({
      id: 'odd',
      name: 'Lạ',
      kind: 'threshold',
      params: { metric: 'x_custom', comparator: '>', value: 1, uom: 'V' },
    });
    expect(run(odd, 'x_custom', [2])[0]?.message).toBe('Lạ: x_custom = 2 V (ngưỡng > 1 V)');
  });

  it('keeps an index unitless: VN_AQI is a number of points, not a measurement', () => {
    const aqi = parseAlertRule({ id: 'aqi', name: 'Không khí', kind: 'aqi', params: {} });
    expect(run(aqi, 'vn_aqi', [160])[0]?.message).toBe('Không khí: VN_AQI 160 — Xấu (≥ 151)');
  });
});

describe('no-data messages name the device', () => {
  const rule = parseAlertRule({ id: 'silent', name: 'Mất kết nối', kind: 'no_data', params: {} });

  it('says which device by name and id, and falls back to the id', () => {
    const fired = evaluateSilence(
      rule,
      null,
      { now: min(60), lastSeen: min(0), expectedIntervalS: 300 },
      station,
    );
    expect(fired.transition?.message).toBe(
      'Mất kết nối: thiết bị Đo mực nước Hải Châu (dn-wl-1) không gửi dữ liệu 1 giờ (chu kỳ 5 phút)',
    );
    const back = evaluateReading(
      rule,
      fired.state,
      { time: min(61), metric: 'water_level', value: 1 },
      station,
      labels,
    );
    expect(back.transition?.message).toBe(
      'Mất kết nối: thiết bị Đo mực nước Hải Châu (dn-wl-1) đã gửi dữ liệu trở lại',
    );
    expect(deviceLabel({ id: 'aq-7', name: null })).toBe('aq-7');
  });
});
