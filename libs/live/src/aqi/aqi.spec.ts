import { describe, expect, it } from 'vitest';
import { dailyAqi, hourlyAqi } from './aqi';

const example23a = [20.6, 19.6, 22.4, 20.3, 16.5, 19.0, 16.5, 19.5, 23.5, 20.5, 24.7, 26.9];

describe('hourlyAqi (section 2.2.1)', () => {
  it("reproduces the decision's hourly example (2.3.b), except its NO2 arithmetic slip", () => {
    // O3 136.1:   50 × 136.1 / 160 = 42.53 → 43
    // NO2 118.7:  50 + 50 × (118.7 − 100) / 100 = 59.35 → 59 (the decision prints 60, but its own
    //             formula gives 59.35; no rounding rule yields 60 here and 65 in its daily example)
    // PM2.5 Nowcast 20.2658: 50 × 20.2658 / 25 = 40.53 → 41
    const r = hourlyAqi({ pm25: example23a, o3: 136.1, no2: 118.7 });
    const by = Object.fromEntries((r?.subIndices ?? []).map((s) => [s.column, s.aqi]));
    expect(by).toEqual({ o3_1h: 43, no2: 59, pm25: 41 });
    expect(r).toMatchObject({ aqi: 59, dominant: 'no2', exceedsScale: false });
    expect(r?.category.labelVi).toBe('Trung bình');
    expect(r?.missing).toEqual(['pm10', 'co', 'so2']);
    expect(r?.nowcast?.pm25).toBeCloseTo(20.2658, 4);
  });

  it('indexes PM through the Nowcast when w < 1/2', () => {
    // PM2.5 c1 = 100, c2..c12 = 20 → Nowcast 59.99512 (see nowcast.spec)
    // 100 + 50 × (59.99512 − 50) / (80 − 50) = 100 + 16.6585 = 116.66 → 117 (Kém)
    const r = hourlyAqi({ pm25: [100, ...Array<number>(11).fill(20)] });
    expect(r).toMatchObject({ aqi: 117, dominant: 'pm25' });
    expect(r?.category.code).toBe('poor');
  });

  it('computes from the pollutants present when one of PM10/PM2.5 is there', () => {
    // PM10 only (constant 100 → Nowcast 100): 50 + 50 × 50 / 100 = 75
    // CO 35 000: 116.67 → dominant, 117. O3, SO2, NO2 and PM2.5 are missing.
    const r = hourlyAqi({ pm10: [100, 100, 100], co: 35_000 });
    expect(r).toMatchObject({ aqi: 117, dominant: 'co' });
    expect(r?.missing).toEqual(['pm25', 'o3', 'so2', 'no2']);
  });

  it('gives no index without PM10 or PM2.5, however bad the gases are', () => {
    expect(hourlyAqi({ o3: 900, no2: 150 })).toBeNull();
    // PM present but its Nowcast is not computable (only 1 of the last 3 hours) → still no index
    expect(hourlyAqi({ pm25: [30, null, null, 30], o3: 100 })).toBeNull();
  });

  it('caps above 500 and flags the exceedance', () => {
    // PM2.5 constant 600 > 500 (top BP) → 500, flagged; Nguy hại.
    const r = hourlyAqi({ pm25: [600, 600, 600] });
    expect(r).toMatchObject({ aqi: 500, exceedsScale: true });
    expect(r?.category.labelVi).toBe('Nguy hại');
  });
});

describe('dailyAqi (section 2.2.2)', () => {
  it("reproduces the decision's daily example (2.3.c): AQI^d = 110", () => {
    // O3 8h 89.3:   50 × 89.3 / 100 = 44.65 → 45
    // O3 1h 114.6:  50 × 114.6 / 160 = 35.81 → 36
    // NO2 130.8:    50 + 50 × 30.8 / 100 = 65.4 → 65
    // PM2.5 55.7:   100 + 50 × (55.7 − 50) / (80 − 50) = 109.5 → 110
    const r = dailyAqi({ o3_8h: 89.3, o3_1h: 114.6, no2: 130.8, pm25: 55.7 });
    const by = Object.fromEntries((r?.subIndices ?? []).map((s) => [s.column, s.aqi]));
    expect(by).toEqual({ o3_8h: 45, o3_1h: 36, no2: 65, pm25: 110 });
    expect(r).toMatchObject({ aqi: 110, dominant: 'pm25' });
    expect(r?.category.labelVi).toBe('Kém');
  });

  it('uses only the 1-hour ozone index when the 8-hour max exceeds 400 µg/m³', () => {
    // O3 1h max 500: 200 + 100 × (500 − 400) / (800 − 400) = 225; O3 8h 450 is not indexed.
    // PM10 24h 40: 50 × 40 / 50 = 40.
    const r = dailyAqi({ o3_8h: 450, o3_1h: 500, pm10: 40 });
    expect(r).toMatchObject({ aqi: 225, dominant: 'o3_1h' });
    expect(r?.subIndices.map((s) => s.column)).toEqual(['o3_1h', 'pm10']);
    expect(r?.category.labelVi).toBe('Rất xấu');
  });

  it('applies the PM requirement to the daily index too', () => {
    expect(dailyAqi({ so2: 900, co: 5000 })).toBeNull();
    // SO2 900: 200 + 100 × 100 / 800 = 212.5 → 213 (half up); PM2.5 10: 20
    expect(dailyAqi({ so2: 900, pm25: 10 })?.aqi).toBe(213);
  });
});
