import { describe, expect, it } from 'vitest';
import { caseIdOf, casePath, filtersFromSearch, searchOf } from './filters';

describe('queue filters in the address', () => {
  it('defaults to the open cases and ignores bad values', () => {
    expect(filtersFromSearch('')).toEqual({ unit: null, status: 'open', category: null, q: '' });
    expect(filtersFromSearch('?unit=48a&status=lost&category=DROP%20TABLE')).toEqual({
      unit: null,
      status: null,
      category: null,
      q: '',
    });
  });

  it('round-trips a filter set, `all` standing for no status', () => {
    const f = { unit: '20314', status: 'overdue' as const, category: 'den_duong', q: 'PA7K' };
    expect(filtersFromSearch(searchOf(f))).toEqual(f);
    const all = { unit: null, status: null, category: null, q: '' };
    expect(searchOf(all)).toBe('?status=all');
    expect(filtersFromSearch(searchOf(all))).toEqual(all);
  });
});

describe('case path', () => {
  it('reads a case id from the console path only', () => {
    const id = '0b6f1e9a-3c1d-4f7e-9a55-2d3b4c5d6e7f';
    expect(caseIdOf(casePath(id))).toBe(id);
    expect(caseIdOf(`${casePath(id)}/`)).toBe(id);
    expect(caseIdOf('/xu-ly-phan-anh')).toBeNull();
    expect(caseIdOf('/xu-ly-phan-anh/not-an-id')).toBeNull();
    expect(caseIdOf(`/tablet/${id}`)).toBeNull();
  });
});
