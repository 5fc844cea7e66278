import { describe, expect, it } from 'vitest';
import { BURN_IN_STEP_MS, burnInOffset } from './burnIn';

describe('burnInOffset', () => {
  it('stays within ±6 px and visits several distinct points per orbit', () => {
    const points = new Set<string>();
    for (let i = 0; i < 16; i++) {
      const { x, y } = burnInOffset(i * BURN_IN_STEP_MS + 1000);
      expect(Math.abs(x)).toBeLessThanOrEqual(6);
      expect(Math.abs(y)).toBeLessThanOrEqual(6);
      points.add(`${x},${y}`);
    }
    expect(points.size).toBe(8);
  });

  it('holds still within a step, so the chrome does not jitter', () => {
    expect(burnInOffset(BURN_IN_STEP_MS * 3 + 5)).toEqual(burnInOffset(BURN_IN_STEP_MS * 4 - 5));
    expect(burnInOffset(BURN_IN_STEP_MS * 3)).not.toEqual(burnInOffset(BURN_IN_STEP_MS * 4));
  });
});
