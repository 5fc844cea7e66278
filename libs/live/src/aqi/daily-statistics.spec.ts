import { describe, expect, it } from 'vitest';
import { dailyStatistics } from './daily-statistics';

// The decision's ozone example (2.2.2.a): 1-hour means from 18:00 of the day before to 00:00.
const previous = [15.7, 14.2, 17.7, 18.9, 19.3, 15.7, 19.7]; // 18:00 … 00:00
const day = [
  22.6, 27.1, 29.0, 31.9, 25.3, 34.7, 35.2, 41.6, 45.7, 49.2, 55.8, 69.6, 78.3, 91.5, 97.7, 81.2,
  71.8, 43.5, 34.3, 21.5, 20.5, 19.4, 20.4, 21.3,
]; // 01:00 … 00:00

describe('dailyStatistics (section 2.2.2.a)', () => {
  it("reproduces the decision's 8-hour example: max 8h = 74.4 (hour ending 17:00)", () => {
    // 10:00 … 17:00: (49.2 + 55.8 + 69.6 + 78.3 + 91.5 + 97.7 + 81.2 + 71.8) / 8 = 595.1 / 8 = 74.3875
    const s = dailyStatistics(day, previous);
    expect(s.max8h).toBeCloseTo(74.3875, 6);
    expect(s.max1h).toBe(97.7);
    // Σ of the 24 hours = 1069.1 → 1069.1 / 24 = 44.5458
    expect(s.mean24h).toBeCloseTo(44.5458, 4);
    expect(s.hours).toBe(24);
  });

  it('uses the previous day for the first 8-hour means (01:00 = 18:00 … 01:00 = 17.975)', () => {
    // (15.7 + 14.2 + 17.7 + 18.9 + 19.3 + 15.7 + 19.7 + 22.6) / 8 = 143.8 / 8 = 17.975
    const flat = [22.6, ...Array<number>(23).fill(0)];
    expect(dailyStatistics(flat, previous).max8h).toBeCloseTo(17.975, 6);
  });

  it('refuses means from too few hours (75 % rule, configurable)', () => {
    const sparse = [50, 60, ...Array<null>(22).fill(null)];
    const s = dailyStatistics(sparse);
    expect(s.mean24h).toBeNull();
    expect(s.max8h).toBeNull();
    expect(s.max1h).toBe(60);
    const loose = dailyStatistics(sparse, [], { minHoursFor24h: 1, minHoursFor8h: 1 });
    expect(loose.mean24h).toBe(55);
    // 8h means: ending 01:00 = 50, ending 02:00…08:00 = (50 + 60) / 2 = 55, ending 09:00 = 60 alone
    expect(loose.max8h).toBe(60);
  });
});
