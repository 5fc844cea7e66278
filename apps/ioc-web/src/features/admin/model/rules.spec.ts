import { describe, expect, it } from 'vitest';
import { conditionSummary, formToParams, paramsToForm } from './rules';
import type { RuleViewWire as RuleView } from '@ioc/contracts';

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
    const rule: RuleView = {
      id: 'r',
      name: 'PM2.5',
      kind: 'threshold',
      scope: {},
      severity: 'warning',
      autoResolve: true,
      escalateAfterMin: null,
      webhookUrl: null,
      enabled: true,
      createdBy: 'admin',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      params: { metric: 'pm25', comparator: '>=', value: 50.5 },
    };
    const names: Record<string, string> = { pm25: 'Bụi PM2.5' };
    expect(
      conditionSummary(
        rule,
        (n) => String(n).replace('.', ','),
        (code) => names[code] ?? '?',
      ),
    ).toBe('Bụi PM2.5 >= 50,5');
  });
});
