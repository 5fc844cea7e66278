import { describe, expect, it } from 'vitest';
import { parseDisplayParams } from './urlParams';

describe('parseDisplayParams', () => {
  it('reads token and unit, defaulting to the demo province', () => {
    expect(parseDisplayParams('?token=abc&unit=75')).toMatchObject({
      token: 'abc',
      unitCode: '75',
    });
    expect(parseDisplayParams('?unit=20242')).toMatchObject({ token: null, unitCode: '20242' });
    expect(parseDisplayParams('?unit=../x&token=')).toMatchObject({ token: null, unitCode: '48' });
  });
});
