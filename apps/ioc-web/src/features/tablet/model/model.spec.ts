import type { DeviceView } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { parseAlerts, parseScorecard, type TabletIndicator } from './api';
import {
  ageOf,
  applyReadings,
  countByStatus,
  deviceOnline,
  highlighted,
  periodLabel,
  sortAlerts,
  sortDevices,
  sortIndicators,
  sparklinePoints,
  vnYear,
} from './model';
import { allowedSelection, tabletScope } from './scope';

const item = (code: string, status: TabletIndicator['status'], value: number | null = 1) =>
  ({
    code,
    nameVi: code,
    nameEn: code,
    domain: 'x',
    unit: 'percent',
    direction: 'higher_is_better',
    status,
    value,
    period: value === null ? null : '2026-10',
    used: 'own',
    expectation: null,
    trend: [],
    trendDirection: null,
    report: null,
  }) satisfies TabletIndicator;

// A scorecard line as the API sends it (every field of the contract's scorecardItemSchema).
const wireLine = (indicator: string, status: string) => ({
  indicator,
  year: 2026,
  status,
  evaluations: [],
  value: null,
  coverage: null,
  targets: [],
  trend: { direction: null, points: [] },
  latestReport: null,
  nameVi: indicator,
  nameEn: indicator,
  domain: 'digital_transformation',
  unit: 'percent',
  direction: 'higher_is_better',
  rollup: 'ratio',
});

const point = { numerator: null, denominator: null, rolledUp: null, latest: null };
const target = { source: 'B', ref: 'x', seedKey: 'y' };

describe('parseScorecard', () => {
  const body = {
    asOf: '2026-11-22T10:00:00.000Z',
    unit: { code: '20314', name: 'Phường Hải Châu', level: 'ward', parentCode: '48' },
    year: 2026,
    summary: { on_track: 0, at_risk: 1, off_track: 0, no_data: 1, no_target: 0 },
    items: [
      {
        ...wireLine('dx.vneid_accounts', 'at_risk'),
        indicator: 'dx.vneid_accounts',
        nameVi: 'Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)',
        nameEn: 'VNeID',
        domain: 'digital_transformation',
        unit: 'percent',
        direction: 'higher_is_better',
        status: 'at_risk',
        value: { period: '2026-10', value: 81.9, used: 'own', own: 81.9, ...point },
        evaluations: [
          {
            status: 'on_track',
            basis: 'target',
            expected: { op: '>=', value: 50 },
            target: { op: '>=', value: 50, year: 2026, source: 'A' },
            from: null,
            source: 'A',
          },
          {
            status: 'at_risk',
            basis: 'interpolated',
            expected: { op: '>=', value: 84 },
            target: { op: '>=', value: 90, year: 2030, ...target },
            from: { year: 2025, value: 70, kind: 'baseline', source: null },
            source: 'B',
          },
        ],
        trend: { direction: 'improving', points: [{ period: '2026-09', value: 80, used: 'own' }] },
        latestReport: {
          feed: 'f',
          period: '2026-10',
          submittedAt: '2026-11-08T13:00:00.000Z',
          reportId: 1,
          unitCode: '20314',
          submissionId: 1,
        },
      },
      { indicator: 42 },
      wireLine('dx.x', 'weird'),
    ],
    sources: { B: { titleVi: 'Kế hoạch', titleEn: 'Plan', issuedOn: '2025-10-16' } },
  };

  it('keeps the expectation behind the headline status and drops malformed rows', () => {
    const sc = parseScorecard(body);
    expect(sc.year).toBe(2026);
    expect(sc.items.map((i) => i.code)).toEqual(['dx.vneid_accounts', 'dx.x']);
    const [vneid, other] = sc.items;
    expect(vneid?.expectation).toEqual({
      expected: { op: '>=', value: 84 },
      basis: 'interpolated',
      targetYear: 2030,
      target: { op: '>=', value: 90 },
      source: 'B',
    });
    expect(vneid?.value).toBe(81.9);
    expect(vneid?.trend).toEqual([{ period: '2026-09', value: 80 }]);
    expect(vneid?.report?.feed).toBe('f');
    // An unknown status from a newer API reads as "no data" (grey), never as on track.
    expect(other?.status).toBe('no_data');
    expect(sc.sources['B']?.titleVi).toBe('Kế hoạch');
  });

  it('parses alerts with an unknown severity as a warning', () => {
    const alerts = parseAlerts({
      asOf: '2026-01-01T00:00:00Z',
      items: [
        { id: 'a', status: 'open', severity: 'critical', openedAt: '2026-01-01T00:00:00Z' },
        { id: 'b', status: 'open', severity: 'mystery', openedAt: '2026-01-01T00:00:00Z' },
        { id: 3 },
      ],
    });
    expect(alerts.map((a) => [a.id, a.severity])).toEqual([
      ['a', 'critical'],
      ['b', 'warning'],
    ]);
  });
});

describe('ordering', () => {
  it('sorts indicators worst first', () => {
    const sorted = sortIndicators(
      [item('a', 'on_track'), item('b', 'no_data'), item('c', 'off_track'), item('d', 'at_risk')],
      (i) => i.code,
    );
    expect(sorted.map((i) => i.code)).toEqual(['c', 'd', 'a', 'b']);
    expect(countByStatus(sorted)).toMatchObject({
      on_track: 1,
      at_risk: 1,
      off_track: 1,
      no_data: 1,
    });
  });

  it('sorts alerts by severity, then newest first', () => {
    const a = (id: string, severity: string, openedAt: string) => ({
      id,
      severity,
      openedAt,
      status: 'open',
    });
    const sorted = sortAlerts(
      parseAlerts({
        asOf: '2026-03-01T00:00:00Z',
        items: [
          a('w-old', 'warning', '2026-01-01T00:00:00Z'),
          a('e', 'emergency', '2025-01-01T00:00:00Z'),
          a('w-new', 'warning', '2026-02-01T00:00:00Z'),
          a('i', 'info', '2026-03-01T00:00:00Z'),
          a('c', 'critical', '2026-01-01T00:00:00Z'),
        ],
      }),
    );
    expect(sorted.map((x) => x.id)).toEqual(['e', 'c', 'w-new', 'w-old', 'i']);
  });

  it('picks highlighted indicators with data, else the headline ones', () => {
    const items = [
      item('dx.vneid_accounts', 'on_track'),
      item('dx.digital_signature_share', 'off_track'),
      item('dx.online_public_service_usage', 'no_data', null),
      item('dx.full_process_online_services', 'no_data', null),
      item('dx.dossiers_processed_online', 'no_data', null),
    ];
    expect(highlighted(items, 'digitalCitizens').map((i) => i.code)).toEqual([
      'dx.vneid_accounts',
      'dx.digital_signature_share',
    ]);
    expect(highlighted(items, 'publicServices').map((i) => i.code)).toEqual([
      'dx.online_public_service_usage',
      'dx.full_process_online_services',
    ]);
  });
});

describe('devices', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  const dev = (id: string, lastSeen: string | null): DeviceView => ({
    id,
    kind: 'air_quality',
    unitCode: '20314',
    lon: null,
    lat: null,
    lastSeen,
    latest: { pm25: { value: 10, time: '2026-11-22T09:55:00Z' } },
  });

  it('is online within ten minutes of its last reading', () => {
    expect(deviceOnline(dev('a', '2026-11-22T09:51:00Z'), now)).toBe(true);
    expect(deviceOnline(dev('a', '2026-11-22T09:49:00Z'), now)).toBe(false);
    expect(deviceOnline(dev('a', null), now)).toBe(false);
    expect(
      sortDevices([dev('on', '2026-11-22T09:59:00Z'), dev('off', null)], now).map((d) => d.id),
    ).toEqual(['off', 'on']);
  });

  it('applies newer live readings and ignores older ones and unknown devices', () => {
    const list = [dev('a', '2026-11-22T09:55:00Z'), dev('b', null)];
    const out = applyReadings(list, [
      {
        deviceId: 'a',
        unitCode: '20314',
        time: '2026-11-22T09:58:00Z',
        values: { pm25: 42, no2: 7 },
      },
      { deviceId: 'a', unitCode: '20314', time: '2026-11-22T09:50:00Z', values: { pm25: 1 } },
      { deviceId: 'zz', unitCode: '20314', time: '2026-11-22T09:58:00Z', values: { pm25: 3 } },
    ]);
    expect(out[0]?.latest['pm25']?.value).toBe(42);
    expect(out[0]?.latest['no2']?.value).toBe(7);
    expect(out[0]?.lastSeen).toBe('2026-11-22T09:58:00Z');
    expect(out[1]).toBe(list[1]);
    // Nothing for these devices: the very same array, so React does not re-render.
    expect(
      applyReadings(list, [
        { deviceId: 'zz', unitCode: null, time: '2026-11-22T09:58:00Z', values: { x: 1 } },
      ]),
    ).toBe(list);
  });
});

describe('small helpers', () => {
  it('measures a snapshot age in whole units', () => {
    const t = Date.parse('2026-11-22T07:05:00Z');
    expect(ageOf(t, t + 30_000)).toEqual({ unit: 'justNow', n: 0 });
    expect(ageOf(t, t + 12 * 60_000 + 59_000)).toEqual({ unit: 'minutes', n: 12 });
    expect(ageOf(t, t + 3 * 3_600_000 + 5 * 60_000)).toEqual({ unit: 'hours', n: 3 });
    expect(ageOf(t, t + 50 * 3_600_000)).toEqual({ unit: 'days', n: 2 });
    expect(ageOf(t, t - 5_000)).toEqual({ unit: 'justNow', n: 0 });
  });

  it('reads canonical periods', () => {
    expect(periodLabel('2026-03')).toEqual({ kind: 'month', month: '03', year: '2026' });
    expect(periodLabel('2026-Q2')).toEqual({ kind: 'quarter', quarter: '2', year: '2026' });
    expect(periodLabel('2026')).toEqual({ kind: 'year', year: '2026' });
    expect(periodLabel('x')).toEqual({ kind: 'other', text: 'x' });
  });

  it('draws a sparkline scaled to the box, including the reference line', () => {
    expect(sparklinePoints([1], 100, 20)).toBeNull();
    const p = sparklinePoints([0, 10], 100, 20, 0, 5);
    expect(p).toEqual({ line: '0.0,20.0 100.0,0.0', reference: 10 });
    expect(sparklinePoints([3, 3], 100, 20, 0)?.line).toBe('0.0,10.0 100.0,10.0');
  });

  it('takes the year in Vietnam time', () => {
    expect(vnYear(new Date('2026-12-31T17:30:00Z'))).toBe(2027);
    expect(vnYear(new Date('2026-12-31T16:30:00Z'))).toBe(2026);
  });
});

describe('tabletScope', () => {
  it('shows a ward leader their own ward only', () => {
    const s = tabletScope({ role: 'ward_leader', units: ['20314'] }, '48');
    expect(s).toEqual({ initial: '20314', choices: { kind: 'none' } });
    expect(allowedSelection(s, '20320', [{ code: '20320' }])).toBe(false);
    expect(allowedSelection(s, '20314', null)).toBe(true);
  });

  it('lets a province user pick one of the province’s wards', () => {
    const s = tabletScope({ role: 'province_leader', units: ['48'] }, '01');
    expect(s).toEqual({ initial: '48', choices: { kind: 'children', of: '48' } });
    expect(allowedSelection(s, '20320', [{ code: '48' }, { code: '20320' }])).toBe(true);
    expect(allowedSelection(s, '20320', null)).toBe(false);
  });

  it('lets an admin pick any unit, starting with the configured province', () => {
    expect(tabletScope({ role: 'admin', units: [] }, '48')).toEqual({
      initial: '48',
      choices: { kind: 'all' },
    });
    expect(tabletScope({ role: 'ward_operator', units: [] }, '48').initial).toBeNull();
    expect(tabletScope({ role: 'ward_leader', units: ['20314', '20320'] }, '48').choices).toEqual({
      kind: 'list',
      codes: ['20314', '20320'],
    });
  });
});
