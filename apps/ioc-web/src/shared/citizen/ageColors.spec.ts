import { describe, expect, it } from 'vitest';
import { AGE_CLASSES, OVERDUE_RGB, ageClass, ageRgb } from './ageColors';

describe('age colours', () => {
  it('steps through the classes with age and turns red when overdue', () => {
    expect([0, 23, 24, 71, 72, 167, 168, 2000].map((h) => ageClass(h, false))).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3,
    ]);
    expect(ageClass(2, true)).toBe(-1);
    expect(ageRgb(2, true)).toEqual(OVERDUE_RGB);
    expect(ageRgb(30, false)).toEqual(AGE_CLASSES[1]?.rgb);
  });
});
