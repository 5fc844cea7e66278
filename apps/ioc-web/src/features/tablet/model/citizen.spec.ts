import { describe, expect, it } from 'vitest';
import { citizenCaseIdOf, citizenCasePath } from './citizen';

describe('citizen case path on the tablet', () => {
  it('reads a case id from its own path only', () => {
    const id = '0b6f1e9a-3c1d-4f7e-9a55-2d3b4c5d6e7f';
    expect(citizenCaseIdOf(citizenCasePath(id))).toBe(id);
    expect(citizenCaseIdOf(`${citizenCasePath(id)}/`)).toBe(id);
    expect(citizenCaseIdOf('/tablet')).toBeNull();
    expect(citizenCaseIdOf('/tablet/phan-anh/42')).toBeNull();
    expect(citizenCaseIdOf(`/tablet/tasks/${id}`)).toBeNull();
    expect(citizenCaseIdOf(`${citizenCasePath(id)}/evil`)).toBeNull();
  });
});
