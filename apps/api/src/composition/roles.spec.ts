import { describe, expect, it } from 'vitest';
import { rolePlan } from './roles';

describe('rolePlan', () => {
  it('runs everything in all, and splits the parts between the other roles', () => {
    expect(rolePlan('all')).toEqual({ api: true, mqtt: true, jobs: true });
    expect(rolePlan('api')).toEqual({ api: true, mqtt: false, jobs: false });
    expect(rolePlan('collector')).toEqual({ api: false, mqtt: true, jobs: false });
    expect(rolePlan('worker')).toEqual({ api: false, mqtt: false, jobs: true });
  });

  it('gives every part to at least one role other than all', () => {
    const split = (['api', 'collector', 'worker'] as const).map(rolePlan);
    for (const part of ['api', 'mqtt', 'jobs'] as const) {
      expect(split.some((p) => p[part])).toBe(true);
    }
  });
});
