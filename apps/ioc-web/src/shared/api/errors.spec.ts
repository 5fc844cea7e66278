import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './errors';

describe('fieldErrorsOf', () => {
  it('reads auth/indicator problems ("path: message")', () => {
    expect(
      fieldErrorsOf({
        problems: [
          'username: Too small',
          'units.0: a 2-digit province',
          '(body): bad',
          'loose text',
        ],
      }),
    ).toEqual({
      fields: { username: ['Too small'], units: ['a 2-digit province'] },
      form: ['bad', 'loose text'],
    });
  });

  it('reads alert issues ({path, message})', () => {
    expect(
      fieldErrorsOf({
        issues: [
          { path: 'params.value', message: 'Expected number' },
          { path: '', message: 'whole rule' },
        ],
      }),
    ).toEqual({ fields: { params: ['Expected number'] }, form: ['whole rule'] });
  });

  it('ignores missing or odd details', () => {
    expect(fieldErrorsOf(undefined)).toEqual({ fields: {}, form: [] });
    expect(fieldErrorsOf({ problems: 'x' })).toEqual({ fields: {}, form: [] });
  });
});
