import { describe, expect, it } from 'vitest';
import { resolveRoute } from './routes';

describe('resolveRoute — residents’ reports', () => {
  it('sends /phan-anh and its sub-pages to the public citizen page', () => {
    expect(resolveRoute('/phan-anh')).toBe('citizen');
    expect(resolveRoute('/phan-anh/')).toBe('citizen');
    expect(resolveRoute('/phan-anh/tra-cuu')).toBe('citizen');
    expect(resolveRoute('/phan-anh/tra-cuu/PA7K3M9QX2RT')).toBe('citizen');
    expect(resolveRoute('/phan-anh/ban-do')).toBe('citizen');
    expect(resolveRoute('/phan-anhx')).toBe('notFound');
  });
});
