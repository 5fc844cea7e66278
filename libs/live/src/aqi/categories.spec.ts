import { describe, expect, it } from 'vitest';
import { AQI_CATEGORIES, aqiCategory, aqiCategoryByCode } from './categories';

describe('aqiCategory (Bảng 1)', () => {
  it('places the boundary values in the ranges of Bảng 1', () => {
    const at = (v: number): string => aqiCategory(v).labelVi;
    expect([0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500].map(at)).toEqual([
      'Tốt',
      'Tốt',
      'Trung bình',
      'Trung bình',
      'Kém',
      'Kém',
      'Xấu',
      'Xấu',
      'Rất xấu',
      'Rất xấu',
      'Nguy hại',
      'Nguy hại',
    ]);
    expect(aqiCategory(50.4).code).toBe('good');
    expect(aqiCategory(50.5).code).toBe('moderate');
    expect(aqiCategory(650).code).toBe('hazardous');
  });

  it("carries the decision's RGB colours", () => {
    expect(AQI_CATEGORIES.map((c) => c.rgb)).toEqual([
      [0, 228, 0],
      [255, 255, 0],
      [255, 126, 0],
      [255, 0, 0],
      [143, 63, 151],
      [126, 0, 35],
    ]);
    expect(aqiCategoryByCode('very_bad').hex).toBe('#8f3f97');
    expect(aqiCategoryByCode('hazardous')).toMatchObject({ labelEn: 'Hazardous', hex: '#7e0023' });
  });

  it('rejects negative and non-finite values', () => {
    expect(() => aqiCategory(-1)).toThrow(RangeError);
    expect(() => aqiCategory(Number.NaN)).toThrow(RangeError);
  });
});
