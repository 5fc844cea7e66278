import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPosition,
  formatTime,
  formatTimeDate,
} from './format';
import { resolveInitialLang } from './langStore';
import { en } from './messages.en';
import { vi } from './messages.vi';
import { placeholders, translate } from './translate';

describe('dictionaries', () => {
  it('have identical keys in vi and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('use the same placeholders in both languages and no empty strings', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
      expect(vi[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('keeps Vietnamese diacritics (precomposed, NFC)', () => {
    expect(vi['wall.stale']).toBe('Dữ liệu cũ');
    expect(vi['map.hoangSa']).toBe('Quần đảo Hoàng Sa (Việt Nam)');
    for (const value of Object.values(vi)) expect(value).toBe(value.normalize('NFC'));
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('vi', 'wall.asOf', { time: '14:05:03 22/11/2025' })).toBe(
      'Số liệu lúc 14:05:03 22/11/2025',
    );
    expect(translate('en', 'wall.asOf')).toBe('Data as of {time}');
  });

  it('titles the wall with the unit name', () => {
    expect(translate('vi', 'app.titleWithUnit', { unit: 'Thành phố Đà Nẵng' })).toBe(
      'Trung tâm giám sát, điều hành thông minh — Thành phố Đà Nẵng',
    );
  });
});

describe('resolveInitialLang', () => {
  it('prefers ?lang=, then storage, then Vietnamese', () => {
    expect(resolveInitialLang('?lang=en', 'vi')).toBe('en');
    expect(resolveInitialLang('?lang=fr', 'en')).toBe('en');
    expect(resolveInitialLang('', null)).toBe('vi');
    expect(resolveInitialLang('?token=x', 'xx')).toBe('vi');
  });
});

describe('formatting', () => {
  it('uses a decimal comma and dot grouping in Vietnamese', () => {
    expect(formatNumber('vi', 41.2)).toBe('41,2');
    expect(formatNumber('vi', 1234.56, 2)).toBe('1.234,56');
    expect(formatNumber('en', 41.2)).toBe('41.2');
    expect(formatNumber('vi', 42)).toBe('42');
    expect(formatNumber('vi', 144, 1, true)).toBe('144,0');
  });

  it('writes a position so its two numbers can be told apart in either language', () => {
    expect(formatPosition('vi', 16.12452, 107.98941)).toBe('16,12452° B; 107,98941° Đ');
    expect(formatPosition('en', 16.12452, 107.98941)).toBe('16.12452° N, 107.98941° E');
    expect(formatPosition('en', -33.9, -70.1, 2)).toBe('33.90° S, 70.10° W');
  });

  it('formats dates dd/MM/yyyy, 24 h, in Vietnam time whatever the host zone', () => {
    // 2025-11-22T07:05:09Z is 14:05:09 in Hồ Chí Minh City (UTC+7).
    const d = new Date('2025-11-22T07:05:09Z');
    expect(formatDate(d)).toBe('22/11/2025');
    expect(formatTime(d)).toBe('14:05:09');
    expect(formatTime(d, false)).toBe('14:05');
    expect(formatDateTime(d)).toBe('22/11/2025 14:05');
    expect(formatTimeDate(d)).toBe('14:05:09 22/11/2025');
  });

  it('crosses midnight into the next local day and keeps 00 hours', () => {
    const d = new Date('2025-12-31T17:00:00Z');
    expect(formatDateTime(d)).toBe('01/01/2026 00:00');
  });
});
