import { describe, expect, it } from 'vitest';
import { aggregateUptime, statusCounts } from './aggregate';
import { deviceUptime } from './uptime';

const MIN = 60_000;
const t0 = Date.UTC(2026, 2, 1, 0, 0, 0);
const at = (minutes: number): number => t0 + minutes * MIN;
const hour = { fromMs: at(0), toMs: at(60) };

describe('deviceUptime', () => {
  it('is 100 % when every gap is within 2 × the interval', () => {
    // every 5 min from 0 to 55 (interval 300 s, max gap 600 s); last → end gap = 5 min
    const times = Array.from({ length: 12 }, (_, i) => at(i * 5));
    expect(deviceUptime(times, hour, 300)).toEqual({
      numerator: 3600,
      denominator: 3600,
      ratio: 1,
    });
  });

  it('counts a whole gap longer than 2 × interval as down', () => {
    // reports at 0,5,10,15,20 then 50,55: gap 20→50 = 30 min > 10 min → 1800 s down
    // 3600 − 1800 = 1800 s up → 50 %
    const times = [0, 5, 10, 15, 20, 50, 55].map(at);
    expect(deviceUptime(times, hour, 300)).toEqual({
      numerator: 1800,
      denominator: 3600,
      ratio: 0.5,
    });
  });

  it('a gap of exactly 2 × interval is not down time', () => {
    // 0, 10, 20, …, 50: every gap is 10 min = 2 × 5 min; end gap 50→60 = 10 min
    const times = [0, 10, 20, 30, 40, 50].map(at);
    expect(deviceUptime(times, hour, 300).ratio).toBe(1);
  });

  it('counts the edges: silence after the last report and before the first', () => {
    // reports 20…40 every 5 min: start gap 0→20 (20 min) and end gap 40→60 (20 min) are down
    // up = 3600 − 1200 − 1200 = 1200 s
    const times = [20, 25, 30, 35, 40].map(at);
    expect(deviceUptime(times, hour, 300).numerator).toBe(1200);
  });

  it('uses reports just outside the period as anchors and clips gaps to it', () => {
    // report at −3 min before the start, next at 4: gap 7 min ≤ 10 → up.
    // report at 52 and next at 75 (after the end): gap 23 min > 10 → down from 52 to 60 = 480 s
    const times = [-3, 4, 9, 14, 19, 24, 29, 34, 39, 44, 49, 52, 75].map(at);
    expect(deviceUptime(times, hour, 300)).toMatchObject({ numerator: 3120, denominator: 3600 });
    // a long gap straddling the start: −30 → 12 is down only from 0 to 12 = 720 s
    const straddle = [-30, 12, 17, 22, 27, 32, 37, 42, 47, 52, 57].map(at);
    expect(deviceUptime(straddle, hour, 300).numerator).toBe(3600 - 720);
  });

  it('is entirely down with no reports, and empty for an empty period', () => {
    expect(deviceUptime([], hour, 300)).toEqual({ numerator: 0, denominator: 3600, ratio: 0 });
    expect(deviceUptime([at(1)], { fromMs: at(5), toMs: at(5) }, 300)).toEqual({
      numerator: 0,
      denominator: 0,
      ratio: null,
    });
  });
});

describe('aggregateUptime', () => {
  it('weights device uptimes by their period length (sums numerators and denominators)', () => {
    // A: 1 h at 50 % (1800/3600); B: 3 h at 100 % (10800/10800) — same ward
    // weighted mean = (1800 + 10800) / (3600 + 10800) = 12600 / 14400 = 0.875 (not (0.5 + 1) / 2)
    const groups = aggregateUptime(
      [
        {
          deviceId: 'a',
          unitCode: '20194',
          kind: 'air_quality',
          uptime: { numerator: 1800, denominator: 3600, ratio: 0.5 },
        },
        {
          deviceId: 'b',
          unitCode: '20194',
          kind: 'water_level',
          uptime: { numerator: 10800, denominator: 10800, ratio: 1 },
        },
        {
          deviceId: 'c',
          unitCode: null,
          kind: 'air_quality',
          uptime: { numerator: 0, denominator: 3600, ratio: 0 },
        },
      ],
      'unit',
    );
    expect(groups).toEqual([
      { key: '', devices: 1, numerator: 0, denominator: 3600, ratio: 0 },
      { key: '20194', devices: 2, numerator: 12600, denominator: 14400, ratio: 0.875 },
    ]);
  });

  it('groups by kind', () => {
    const u = { numerator: 1, denominator: 2, ratio: 0.5 };
    const groups = aggregateUptime(
      [
        { deviceId: 'a', unitCode: '1', kind: 'noise', uptime: u },
        { deviceId: 'b', unitCode: '2', kind: 'noise', uptime: u },
      ],
      'kind',
    );
    expect(groups).toEqual([
      { key: 'noise', devices: 2, numerator: 2, denominator: 4, ratio: 0.5 },
    ]);
  });
});

describe('statusCounts', () => {
  it('counts online/late/offline/never-heard per kind', () => {
    const now = at(60);
    const d = (id: string, kind: string, lastMin: number | null) => ({
      deviceId: id,
      unitCode: '20194',
      kind,
      lastSeenMs: lastMin === null ? null : at(lastMin),
      expectedIntervalS: 300,
    });
    expect(
      statusCounts(
        [
          d('a', 'aq', 59),
          d('b', 'aq', 50),
          d('c', 'aq', null),
          d('e', 'aq', 30),
          d('d', 'rain', 0),
        ],
        'kind',
        now,
      ),
    ).toEqual([
      { key: 'aq', online: 1, late: 1, offline: 1, never: 1, total: 4 },
      { key: 'rain', online: 0, late: 0, offline: 1, never: 0, total: 1 },
    ]);
  });
});
