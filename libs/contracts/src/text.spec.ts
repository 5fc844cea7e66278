import { describe, expect, it } from 'vitest';
import { foldVietnamese } from './text';

describe('foldVietnamese', () => {
  it('matches both tone placements and no diacritics', () => {
    expect(foldVietnamese('Hoà Xuân')).toBe('hoa xuan');
    expect(foldVietnamese('Hòa Xuân')).toBe('hoa xuan');
    expect(foldVietnamese('  Đặc khu   Hoàng Sa ')).toBe('dac khu hoang sa');
  });
});
