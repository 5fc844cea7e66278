import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from './domain-error';
import { parseInput } from './parse-input';

const body = z.strictObject({ name: z.string().min(1), units: z.array(z.string()).optional() });

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('parseInput', () => {
  it('returns the parsed value', () => {
    expect(parseInput(body, { name: 'Hải Châu' })).toEqual({ name: 'Hải Châu' });
  });

  it('lists every problem as {path, message} in one invalid error', () => {
    const err = refusal(() =>
      parseInput(body, { name: '', units: [1], colour: 'red' }, 'X_INVALID'),
    );
    expect(err.kind).toBe('invalid');
    expect(err.code).toBe('X_INVALID');
    expect(err.details?.issues.map((i) => i.path)).toEqual(['name', 'units.0', '']);
    expect(err.message).toMatch(/^name: .+; units\.0: .+; .*colour/);
  });

  it('reads a missing body as {} so that required fields are named', () => {
    const err = refusal(() => parseInput(body, undefined));
    expect(err.code).toBe('INVALID_REQUEST');
    expect(err.details?.issues).toEqual([{ path: 'name', message: expect.any(String) }]);
  });
});
