import { describe, expect, it } from 'vitest';
import { bestWorst } from './bestWorst';

describe('bestWorst', () => {
  const values = new Map<string, number | null>([
    ['a', 10],
    ['b', 50],
    ['c', 30],
    ['d', null],
    ['e', 20],
    ['f', 40],
  ]);

  it('ranks lowest first when lower is better (PM2.5) and skips wards without data', () => {
    const r = bestWorst(values, false, 2);
    expect(r.best.map((w) => w.code)).toEqual(['a', 'e']);
    expect(r.worst.map((w) => w.code)).toEqual(['b', 'f']);
  });

  it('ranks highest first when higher is better (online services share)', () => {
    const r = bestWorst(values, true, 2);
    expect(r.best.map((w) => w.code)).toEqual(['b', 'f']);
    expect(r.worst.map((w) => w.code)).toEqual(['a', 'e']);
  });

  it('never lists a ward in both columns', () => {
    const r = bestWorst(
      new Map([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
      false,
      3,
    );
    expect(r.best.map((w) => w.code)).toEqual(['a', 'b', 'c']);
    expect(r.worst).toEqual([]);
  });
});
