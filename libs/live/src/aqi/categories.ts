import { roundAqi } from './rounding';

/**
 * Bảng 1 (ranges, names, colours) and Bảng 4 (health effects) of Quyết định 1459/QĐ-TCMT
 * (see ./source.ts). English labels are ours; the decision is Vietnamese only.
 */

export type AqiCategoryCode = 'good' | 'moderate' | 'poor' | 'bad' | 'very_bad' | 'hazardous';

export interface AqiCategory {
  /** 0 (Tốt) … 5 (Nguy hại): lets alert rules compare categories as numbers. */
  index: number;
  code: AqiCategoryCode;
  /** Inclusive integer range of the (rounded) index. */
  min: number;
  max: number;
  labelVi: string;
  labelEn: string;
  colourVi: string;
  colourEn: string;
  /** The decision's "Mã màu RGB". */
  rgb: readonly [number, number, number];
  hex: string;
  healthVi: string;
  healthEn: string;
}

function hex(rgb: readonly [number, number, number]): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function category(c: Omit<AqiCategory, 'hex'>): AqiCategory {
  return Object.freeze({ ...c, hex: hex(c.rgb) });
}

export const AQI_CATEGORIES: readonly AqiCategory[] = Object.freeze([
  category({
    index: 0,
    code: 'good',
    min: 0,
    max: 50,
    labelVi: 'Tốt',
    labelEn: 'Good',
    colourVi: 'Xanh',
    colourEn: 'Green',
    rgb: [0, 228, 0],
    healthVi: 'Chất lượng không khí tốt, không ảnh hưởng tới sức khỏe.',
    healthEn: 'Air quality is good and poses no health risk.',
  }),
  category({
    index: 1,
    code: 'moderate',
    min: 51,
    max: 100,
    labelVi: 'Trung bình',
    labelEn: 'Moderate',
    colourVi: 'Vàng',
    colourEn: 'Yellow',
    rgb: [255, 255, 0],
    healthVi:
      'Chất lượng không khí ở mức chấp nhận được. Tuy nhiên, đối với những người nhạy cảm (người già, trẻ em, người mắc các bệnh hô hấp, tim mạch…) có thể chịu những tác động nhất định tới sức khỏe.',
    healthEn:
      'Acceptable; sensitive people (the elderly, children, people with respiratory or heart disease) may feel some effects.',
  }),
  category({
    index: 2,
    code: 'poor',
    min: 101,
    max: 150,
    labelVi: 'Kém',
    labelEn: 'Poor',
    colourVi: 'Da cam',
    colourEn: 'Orange',
    rgb: [255, 126, 0],
    healthVi:
      'Những người nhạy cảm gặp phải các vấn đề về sức khỏe, những người bình thường ít ảnh hưởng.',
    healthEn: 'Sensitive people experience health problems; others are little affected.',
  }),
  category({
    index: 3,
    code: 'bad',
    min: 151,
    max: 200,
    labelVi: 'Xấu',
    labelEn: 'Bad',
    colourVi: 'Đỏ',
    colourEn: 'Red',
    rgb: [255, 0, 0],
    healthVi:
      'Những người bình thường bắt đầu có các ảnh hưởng tới sức khỏe, nhóm người nhạy cảm có thể gặp những vấn đề sức khỏe nghiêm trọng hơn.',
    healthEn: 'Everyone begins to feel effects; sensitive people may have more serious problems.',
  }),
  category({
    index: 4,
    code: 'very_bad',
    min: 201,
    max: 300,
    labelVi: 'Rất xấu',
    labelEn: 'Very bad',
    colourVi: 'Tím',
    colourEn: 'Purple',
    rgb: [143, 63, 151],
    healthVi: 'Cảnh báo hưởng tới sức khỏe: mọi người bị ảnh hưởng tới sức khỏe nghiêm trọng hơn.',
    healthEn: 'Health warning: everyone is more seriously affected.',
  }),
  category({
    index: 5,
    code: 'hazardous',
    min: 301,
    max: 500,
    labelVi: 'Nguy hại',
    labelEn: 'Hazardous',
    colourVi: 'Nâu',
    colourEn: 'Maroon',
    rgb: [126, 0, 35],
    healthVi:
      'Cảnh báo khẩn cấp về sức khỏe: Toàn bộ dân số bị ảnh hưởng tới sức khỏe tới mức nghiêm trọng.',
    healthEn: 'Health emergency: the whole population is seriously affected.',
  }),
]);

/**
 * The category of an index value. The ranges are integer because the decision rounds the index
 * before publishing it, so a raw value is rounded first (half up, see roundAqi) (50.4 → Tốt, 50.5 → Trung bình). Values
 * above 500 (which the calculators already cap) still read as Nguy hại.
 */
export function aqiCategory(aqi: number): AqiCategory {
  if (!Number.isFinite(aqi) || aqi < 0) {
    throw new RangeError(`VN_AQI must be a non-negative number, got ${aqi}`);
  }
  const rounded = roundAqi(aqi);
  const found = AQI_CATEGORIES.find((c) => rounded <= c.max);
  return found ?? lastCategory();
}

function lastCategory(): AqiCategory {
  const last = AQI_CATEGORIES.at(-1);
  if (!last) throw new Error('AQI_CATEGORIES is empty');
  return last;
}

export function aqiCategoryByCode(code: AqiCategoryCode): AqiCategory {
  const found = AQI_CATEGORIES.find((c) => c.code === code);
  if (!found) throw new RangeError(`Unknown VN_AQI category ${code}`);
  return found;
}
