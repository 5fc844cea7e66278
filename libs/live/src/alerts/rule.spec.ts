import { describe, expect, it } from 'vitest';
import { parseAlertRule } from './rule';
import { ruleApplies, scopeMatches } from './scope';

describe('parseAlertRule', () => {
  it('applies defaults', () => {
    const r = parseAlertRule({ id: 'r', name: 'n', kind: 'no_data', params: {} });
    expect(r).toMatchObject({
      severity: 'warning',
      autoResolve: true,
      escalateAfterMin: null,
      enabled: true,
      scope: {},
      params: { factor: 3 },
    });
  });

  it('refuses a clear level on the wrong side of the threshold', () => {
    expect(() =>
      parseAlertRule({
        id: 'r',
        name: 'n',
        kind: 'threshold',
        params: { metric: 'pm25', comparator: '>', value: 50, clear: 60 },
      }),
    ).toThrow(/clear/);
  });

  it('refuses non-monotone steps and unknown kinds', () => {
    expect(() =>
      parseAlertRule({
        id: 'r',
        name: 'n',
        kind: 'levels',
        params: { metric: 'water_level', steps: [{ value: 3 }, { value: 2 }] },
      }),
    ).toThrow(/strictly/);
    expect(() => parseAlertRule({ id: 'r', name: 'n', kind: 'magic', params: {} })).toThrow();
  });
});

describe('scope', () => {
  const device = { id: 'aq-1', kind: 'air_quality', unitCode: '20194', provinceCode: '48' };

  it('matches by ward, by province, by kind and by id (AND across fields)', () => {
    expect(scopeMatches({}, device)).toBe(true);
    expect(scopeMatches({ unitCodes: ['20194'] }, device)).toBe(true);
    expect(scopeMatches({ unitCodes: ['48'] }, device)).toBe(true);
    expect(scopeMatches({ unitCodes: ['79'] }, device)).toBe(false);
    expect(scopeMatches({ unitCodes: ['48'], deviceKinds: ['water_level'] }, device)).toBe(false);
    expect(
      scopeMatches({ deviceKinds: ['air_quality', 'noise'], deviceIds: ['aq-1'] }, device),
    ).toBe(true);
  });

  it('skips disabled rules', () => {
    expect(ruleApplies({ enabled: false, scope: {} }, device)).toBe(false);
    expect(ruleApplies({ enabled: true, scope: {} }, device)).toBe(true);
  });
});
