import { describe, expect, it } from 'vitest';
import {
  chartPoints,
  linear,
  linePath,
  niceStep,
  segments,
  timeTicks,
  valueDomain,
  valueTicks,
  type ChartPoint,
} from './chartScale';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-05T00:00:00.000Z');
const p = (h: number, mean: number, spread = 0): ChartPoint => ({
  t: T0 + h * HOUR,
  mean,
  min: mean - spread,
  max: mean + spread,
});

describe('chartPoints', () => {
  it('keeps the metric and the buckets with a mean, oldest first', () => {
    const row = (metric: string, bucket: string, mean: number | null) => ({
      metric,
      bucket,
      n: 1,
      sum: mean ?? 0,
      min: mean ?? 0,
      max: mean ?? 0,
      mean,
    });
    const points = chartPoints(
      [
        row('pm25', '2026-03-05T02:00:00.000Z', 30),
        row('pm10', '2026-03-05T01:00:00.000Z', 99),
        row('pm25', '2026-03-05T01:00:00.000Z', 20),
        row('pm25', '2026-03-05T03:00:00.000Z', null),
      ],
      'pm25',
    );
    expect(points.map((x) => x.mean)).toEqual([20, 30]);
  });
});

describe('segments', () => {
  it('breaks the line where a bucket has no readings', () => {
    const runs = segments([p(0, 1), p(1, 2), p(3, 3), p(4, 4)], HOUR);
    expect(runs.map((r) => r.map((x) => x.mean))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

describe('niceStep and valueTicks', () => {
  it('steps in 1, 2, 2.5, 5 × 10^k', () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(1.2, 5)).toBe(0.25);
    expect(niceStep(7, 5)).toBe(2);
    expect(niceStep(0, 5)).toBe(1);
  });

  it('prints round ticks without floating-point dust', () => {
    expect(valueTicks({ lo: 0, hi: 0.3, step: 0.1 })).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe('valueDomain', () => {
  it('reaches the next threshold above the readings and the one passed below', () => {
    // Water 1.2–1.4 m against báo động I/II/III at 1.0 / 1.5 / 2.0 m.
    const d = valueDomain([p(0, 1.2), p(1, 1.4)], [1, 1.5, 2]);
    expect(d.lo).toBeLessThanOrEqual(1);
    expect(d.hi).toBeGreaterThanOrEqual(1.5);
    // Level III is further away: it stays off rather than flattening the line.
    expect(d.hi).toBeLessThan(2);
  });

  it('keeps non-negative data on a non-negative axis', () => {
    const d = valueDomain([p(0, 0.5), p(1, 3)], []);
    expect(d.lo).toBe(0);
    expect(d.hi).toBeGreaterThanOrEqual(3);
  });

  it('spreads a flat line and still draws thresholds with no data', () => {
    const flat = valueDomain([p(0, 10), p(1, 10)], []);
    expect(flat.lo).toBeLessThan(10);
    expect(flat.hi).toBeGreaterThan(10);
    const none = valueDomain([], [50]);
    expect(none.lo).toBeLessThanOrEqual(50);
    expect(none.hi).toBeGreaterThanOrEqual(50);
  });
});

describe('linear and linePath', () => {
  it('maps a value onto the drawing, upside down for the value axis', () => {
    const y = linear(0, 100, 300, 0);
    expect(y(0)).toBe(300);
    expect(y(50)).toBe(150);
    const x = linear(T0, T0 + 2 * HOUR, 0, 200);
    expect(linePath([p(0, 0), p(1, 50), p(2, 100)], x, y)).toBe(
      'M0.0 300.0 L100.0 150.0 L200.0 0.0',
    );
  });
});

describe('timeTicks', () => {
  it('puts a day on 6-hour marks of Vietnam time', () => {
    // 00:30 UTC = 07:30 in Hà Nội; ticks at 12:00, 18:00, 00:00, 06:00 local.
    const from = Date.parse('2026-03-05T00:30:00.000Z');
    const ticks = timeTicks(from, from + 24 * HOUR, '24h');
    expect(ticks.map((t) => new Date(t).toISOString())).toEqual([
      '2026-03-05T05:00:00.000Z',
      '2026-03-05T11:00:00.000Z',
      '2026-03-05T17:00:00.000Z',
      '2026-03-05T23:00:00.000Z',
    ]);
  });

  it('puts a week on local midnights', () => {
    const from = Date.parse('2026-03-05T00:30:00.000Z');
    const ticks = timeTicks(from, from + 7 * 24 * HOUR, '7d');
    expect(ticks).toHaveLength(7);
    expect(new Date(ticks[0] ?? 0).toISOString()).toBe('2026-03-05T17:00:00.000Z');
  });
});
