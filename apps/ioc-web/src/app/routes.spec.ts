import { describe, expect, it } from 'vitest';
import { resolveRoute } from './routes';
import { parseDisplayParams } from './urlParams';

describe('resolveRoute', () => {
  it('maps the four app paths and the root', () => {
    expect(resolveRoute('/wall')).toBe('wall');
    expect(resolveRoute('/wall/')).toBe('wall');
    expect(resolveRoute('/tablet')).toBe('tablet');
    expect(resolveRoute('/admin/devices')).toBe('admin');
    expect(resolveRoute('/login')).toBe('login');
    expect(resolveRoute('/')).toBe('wall');
    expect(resolveRoute('/walls')).toBe('notFound');
  });
});

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
