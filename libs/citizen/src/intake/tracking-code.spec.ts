import { describe, expect, it } from 'vitest';
import { TRACKING_CODE_PATTERN, newTrackingCode, normaliseTrackingCode } from './tracking-code';

describe('tracking codes', () => {
  it('are PA + 10 Crockford characters, and differ from one another', () => {
    const codes = Array.from({ length: 500 }, newTrackingCode);
    for (const c of codes) expect(c).toMatch(TRACKING_CODE_PATTERN);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('use the whole alphabet (not a fixed or biased subset)', () => {
    const seen = new Set(Array.from({ length: 400 }, newTrackingCode).join(''));
    // 32 symbols + P and A of the prefix; 4000 random draws miss a symbol with p < 1e-50.
    expect(seen.size).toBe(32);
  });

  it('read what a resident types', () => {
    expect(normaliseTrackingCode(' pa7k3m9qx2rt ')).toBe('PA7K3M9QX2RT');
    // O and I/L in the body are read as the digits they look like.
    expect(normaliseTrackingCode('PAO1LI000000')).toBe('PA0111000000');
  });
});
