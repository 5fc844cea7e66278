import { describe, expect, it } from 'vitest';
import { subIndex } from './sub-index';

// Hand computations use Công thức 1: AQIx = Ii + (Ii+1 − Ii) × (Cx − BPi) / (BPi+1 − BPi),
// with BPi from Bảng 2 of Quyết định 1459/QĐ-TCMT.
describe('subIndex (Công thức 1/2, Bảng 2)', () => {
  it('SO2 600 µg/m³ sits between BP 550 (150) and 800 (200)', () => {
    // 150 + 50 × (600 − 550) / (800 − 550) = 150 + 50 × 50 / 250 = 160
    expect(subIndex('so2', 600)).toMatchObject({ value: 160, aqi: 160, exceedsScale: false });
  });

  it('CO 35 000 µg/m³ sits between BP 30 000 (100) and 45 000 (150)', () => {
    // 100 + 50 × 5 000 / 15 000 = 116.67 → 117
    expect(subIndex('co', 35_000)?.aqi).toBe(117);
  });

  it('NO2 1 500 µg/m³ sits between BP 1 200 (200) and 2 350 (300)', () => {
    // 200 + 100 × 300 / 1 150 = 226.09 → 226
    expect(subIndex('no2', 1500)?.aqi).toBe(226);
  });

  it('maps breakpoints exactly onto their index values (boundaries)', () => {
    // PM2.5 25 → 50, 50 → 100, 80 → 150; PM10 350 → 200; O3 1h 800 → 300; CO 10 000 → 50
    expect(subIndex('pm25', 25)?.aqi).toBe(50);
    expect(subIndex('pm25', 50)?.aqi).toBe(100);
    expect(subIndex('pm25', 80)?.aqi).toBe(150);
    expect(subIndex('pm10', 350)?.aqi).toBe(200);
    expect(subIndex('o3_1h', 800)?.aqi).toBe(300);
    expect(subIndex('co', 10_000)?.aqi).toBe(50);
    expect(subIndex('pm25', 0)?.aqi).toBe(0);
  });

  it('rounds half up just past a category boundary', () => {
    // PM2.5 25.25: 50 + 50 × 0.25 / 25 = 50.5 → 51 (Trung bình); 25.2 → 50.4 → 50 (Tốt)
    expect(subIndex('pm25', 25.25)?.aqi).toBe(51);
    expect(subIndex('pm25', 25.2)?.aqi).toBe(50);
  });

  it('the top breakpoint itself is 500, above it is capped at 500 and flagged', () => {
    // "≥ 1 200" is the 500 row of O3 (1h): 1 200 → 500 exactly, not an exceedance.
    expect(subIndex('o3_1h', 1200)).toMatchObject({ aqi: 500, exceedsScale: false });
    // PM10 700 > 600 (top BP) → capped at 500 with the flag; PM2.5 812 > 500 likewise.
    expect(subIndex('pm10', 700)).toMatchObject({ aqi: 500, value: 500, exceedsScale: true });
    expect(subIndex('pm25', 812)).toMatchObject({ aqi: 500, exceedsScale: true });
    // PM10 550: 400 + 100 × 50 / 100 = 450 (last segment is interpolated normally)
    expect(subIndex('pm10', 550)?.aqi).toBe(450);
  });

  it('does not index 8-hour ozone above 400 µg/m³ (the decision uses 1-hour ozone there)', () => {
    expect(subIndex('o3_8h', 400)?.aqi).toBe(300);
    expect(subIndex('o3_8h', 400.1)).toBeNull();
  });

  it('treats missing, negative and non-finite concentrations as no data', () => {
    expect(subIndex('pm25', null)).toBeNull();
    expect(subIndex('pm25', undefined)).toBeNull();
    expect(subIndex('pm25', -1)).toBeNull();
    expect(subIndex('pm25', Number.NaN)).toBeNull();
  });
});
