import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from './numbers';

describe('parseLocaleNumber', () => {
  it.each([
    ['85,5', 'vi', 85.5],
    ['85,5', 'en', 85.5],
    ['85.5', 'en', 85.5],
    ['85.5', 'vi', 85.5],
    ['1.234,5', 'vi', 1234.5],
    ['1.234', 'vi', 1234],
    ['1.234', 'en', 1.234],
    ['12.345.678', 'vi', 12345678],
    ['1,234.5', 'en', 1234.5],
    ['1 234,5', 'vi', 1234.5],
    ['85,5 %', 'vi', 85.5],
    ['-3,2', 'vi', -3.2],
    ['0', 'vi', 0],
    [',5', 'vi', 0.5],
  ] as const)('%j (%s) → %d', (text, style, expected) => {
    expect(parseLocaleNumber(text, style)).toBeCloseTo(expected, 9);
  });

  it.each(['abc', '1,2,3', '1.23.4', '12a', '', '--1', '1.234,5,6'])('refuses %j', (text) => {
    expect(parseLocaleNumber(text, 'vi')).toBeUndefined();
  });
});
