import { describe, expect, it } from 'vitest';
import { lastHours, nowcast, nowcastDetail } from './nowcast';

describe('nowcast (section 2.2.1.a)', () => {
  it("reproduces the decision's worked example (2.3.a): w = 0.61, Nowcast = 20.3", () => {
    // 09:00 … 20:00 = 26.9 24.7 20.5 23.5 19.5 16.5 19.0 16.5 20.3 22.4 19.6 20.6, c1 = 20:00.
    // w* = 16.5 / 26.9 = 0.6134 > 0.5 → w = 0.6134
    // Σ w^(i−1)·ci = 52.2695, Σ w^(i−1) = 2.5792 → 20.2658 (the decision prints 20.3)
    const c = [20.6, 19.6, 22.4, 20.3, 16.5, 19.0, 16.5, 19.5, 23.5, 20.5, 24.7, 26.9];
    const r = nowcastDetail(c);
    expect(r?.weight).toBeCloseTo(16.5 / 26.9, 10);
    expect(r?.value).toBeCloseTo(20.2658, 4);
    expect(r?.value.toFixed(1)).toBe('20.3');
  });

  it('uses w = 1/2 and the Σ (1/2)^i·ci form when Cmin/Cmax ≤ 1/2', () => {
    // c1 = 100, c2..c12 = 20: w* = 20/100 = 0.2 ≤ 0.5 → w = 1/2
    // Nowcast = 100/2 + 20 × (1/4 + 1/8 + … + 1/4096) = 50 + 20 × (1/2 − 1/4096)
    //         = 50 + 9.99512 = 59.99512
    const c = [100, ...Array<number>(11).fill(20)];
    const r = nowcastDetail(c);
    expect(r?.weight).toBe(0.5);
    expect(r?.value).toBeCloseTo(59.99512, 5);
  });

  it('uses the weighted mean with w above 1/2 on a short record', () => {
    // c1..c3 = 40, 30, 30, the rest missing: w* = 30/40 = 0.75
    // (40 + 0.75·30 + 0.5625·30) / (1 + 0.75 + 0.5625) = 79.375 / 2.3125 = 34.3243
    expect(nowcast([40, 30, 30])).toBeCloseTo(34.3243, 4);
  });

  it('gives a missing hour weight 0', () => {
    // c1 = 40, c2 missing, c3 = c4 = 30: w = 0.75
    // (40 + 0.5625·30 + 0.421875·30) / (1 + 0.5625 + 0.421875) = 69.53125 / 1.984375 = 35.0394
    expect(nowcast([40, null, 30, 30])).toBeCloseTo(35.0394, 4);
  });

  it('needs at least 2 of the 3 most recent hours', () => {
    expect(nowcast([40, null, null, 30, 30, 30])).toBeNull();
    expect(nowcast([null, null, 30, 30, 30])).toBeNull();
    expect(nowcast([null, 30, 30])).toBe(30);
    expect(nowcast([])).toBeNull();
  });

  it("keeps the decision's w = 1/2 formula literally unless asked to normalise", () => {
    // c1 missing, c2 = 10, c3..c12 = 40: w* = 10/40 = 0.25 → w = 1/2.
    // Decision: (1/2)^2·10 + 40 × (1/8 + … + 1/4096) = 2.5 + 40 × (1/4 − 1/4096) = 12.49023
    // Normalised: weights (1/2)^(i−1) for i = 2..12:
    //   (1/2·10 + 40 × (1/4 + … + 1/2048)) / (1/2 + 1/4 + … + 1/2048)
    //   = (5 + 40 × (1/2 − 1/2048)) / (1 − 1/2048) = 24.98047 / 0.99951 = 24.99267
    const c = [null, 10, ...Array<number>(10).fill(40)];
    expect(nowcast(c)).toBeCloseTo(12.49023, 5);
    expect(nowcast(c, { halfWeight: 'normalised' })).toBeCloseTo(24.99267, 5);
  });

  it('is 0 when every hour is 0 (w* = 0/0)', () => {
    expect(nowcast([0, 0, 0])).toBe(0);
  });

  it('lastHours lays a sparse series out as c1…c12', () => {
    const h = 3_600_000;
    const series = [
      { hour: 10 * h, value: 5 },
      { hour: 12 * h, value: 7 },
    ];
    expect(lastHours(series, 12 * h, 4)).toEqual([7, null, 5, null]);
  });
});
