import { describe, expect, it } from 'vitest';
import { resolveRoute } from './routes';

describe('resolveRoute', () => {
  it('maps the four app paths and the root', () => {
    expect(resolveRoute('/wall')).toBe('wall');
    expect(resolveRoute('/wall/')).toBe('wall');
    expect(resolveRoute('/tablet')).toBe('tablet');
    expect(resolveRoute('/admin/devices')).toBe('admin');
    expect(resolveRoute('/login')).toBe('login');
    expect(resolveRoute('/reports')).toBe('reports');
    expect(resolveRoute('/xu-ly-phan-anh/0b6f1e9a-3c1d-4f7e-9a55-2d3b4c5d6e7f')).toBe(
      'citizenConsole',
    );
    expect(resolveRoute('/')).toBe('wall');
    expect(resolveRoute('/walls')).toBe('notFound');
  });
});
