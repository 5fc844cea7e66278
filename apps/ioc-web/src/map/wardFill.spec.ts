import { describe, expect, it } from 'vitest';
import { NO_DATA_RGB } from './colorScale';
import { classColor, wardFill } from './wardFill';

describe('wardFill', () => {
  it('keys on colour classes, not on exact values', () => {
    const codes = ['a', 'b', 'c'];
    const a = wardFill(
      codes,
      new Map([
        ['a', 41.2],
        ['b', 10],
      ]),
    );
    const b = wardFill(
      codes,
      new Map([
        ['a', 42.0],
        ['b', 12],
      ]),
    );
    const c = wardFill(
      codes,
      new Map([
        ['a', 55],
        ['b', 12],
      ]),
    );
    expect(a.key).toBe(b.key);
    expect(c.key).not.toBe(a.key);
    expect(a.classOf.get('a')).toBe(1);
    expect(a.classOf.has('c')).toBe(false);
  });

  it('paints classes and no-data', () => {
    expect(classColor(0, 100)).toEqual([0, 228, 0, 100]);
    expect(classColor(undefined, 100)).toEqual([...NO_DATA_RGB, 100]);
    expect(classColor(99, 100)).toEqual([...NO_DATA_RGB, 100]);
  });
});
