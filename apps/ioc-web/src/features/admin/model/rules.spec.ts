import { describe, expect, it } from 'vitest';
import { conditionSummary, formToParams, paramsToForm } from './rules';
import type { RuleViewWire as RuleView } from '@ioc/contracts';

/** A stored rule as the admin list receives it; `patch` sets what a test is about. */
function ruleView(patch: Pick<RuleView, 'kind' | 'params'>): RuleView {
  return {
    id: 'r',
    name: 'Luật thử',
    scope: {},
    severity: 'warning',
    autoResolve: true,
    escalateAfterMin: null,
    webhookUrl: null,
    enabled: true,
    createdBy: 'admin',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...patch,
  };
}

describe('rule params', () => {
  it('turns the threshold form into params, decimal comma included', () => {
    expect(
      formToParams('threshold', {
        metric: 'pm25',
        comparator: '>',
        value: '75,5',
        clear: '',
        forS: '60',
      }),
    ).toEqual({
      params: { metric: 'pm25', comparator: '>', value: 75.5, forS: 60 },
      errors: {},
    });
  });

  it('reports required and malformed fields', () => {
    expect(formToParams('threshold', { metric: '', comparator: '>', value: 'abc' }).errors).toEqual(
      {
        metric: 'admin.error.required',
        value: 'admin.error.number',
      },
    );
  });

  it('edits level steps as a list and back', () => {
    const { params } = formToParams('levels', {
      metric: 'water_level',
      direction: 'above',
      steps: '1,5; 2,5; 3.5',
    });
    expect(params['steps']).toEqual([{ value: 1.5 }, { value: 2.5 }, { value: 3.5 }]);
    expect(paramsToForm('levels', params)['steps']).toBe('1.5; 2.5; 3.5');
  });

  it('summarises a condition', () => {
    const rule = ruleView({
      kind: 'threshold',
      params: { metric: 'pm25', comparator: '>=', value: 50.5 },
    });
    const names: Record<string, string> = { pm25: 'Bụi PM2.5' };
    expect(
      conditionSummary(
        rule,
        (n) => String(n).replace('.', ','),
        (code) => names[code] ?? '?',
      ),
    ).toBe('Bụi PM2.5 >= 50,5');
  });

  it("reads a levels rule without steps as comparing with each station's own levels", () => {
    const rule = ruleView({
      kind: 'levels',
      params: { metric: 'water_level', direction: 'above' },
    });
    const summary = (r: RuleView) =>
      conditionSummary(
        r,
        (n) => String(n).replace('.', ','),
        () => 'Mực nước',
        'mức báo động của từng trạm',
      );
    expect(summary(rule)).toBe('Mực nước ≥ mức báo động của từng trạm');
    expect(
      summary({ ...rule, params: { ...rule.params, steps: [{ value: 1.7 }, { value: 1.8 }] } }),
    ).toBe('Mực nước ≥ 1,7 / 1,8');
  });
});
