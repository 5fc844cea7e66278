import { describe, expect, it } from 'vitest';
import { citizenViewOf, normaliseCode, trackPath } from './paths';

describe('citizenViewOf', () => {
  it('maps the residents’ paths to their views', () => {
    expect(citizenViewOf('/phan-anh')).toEqual({ kind: 'intake' });
    expect(citizenViewOf('/phan-anh/')).toEqual({ kind: 'intake' });
    expect(citizenViewOf('/phan-anh/ban-do')).toEqual({ kind: 'map' });
    expect(citizenViewOf('/phan-anh/tra-cuu')).toEqual({ kind: 'lookup' });
    expect(citizenViewOf('/phan-anh/tra-cuu/PA7K3M9QX2RT')).toEqual({
      kind: 'track',
      code: 'PA7K3M9QX2RT',
    });
    expect(citizenViewOf('/phan-anh/khac')).toEqual({ kind: 'notFound' });
  });

  it('sends a malformed code back to the code form rather than asking the API', () => {
    expect(citizenViewOf('/phan-anh/tra-cuu/not-a-code')).toEqual({ kind: 'lookup' });
  });

  it('round-trips a code through its tracking path', () => {
    expect(citizenViewOf(trackPath('PA7K3M9QX2RT'))).toEqual({
      kind: 'track',
      code: 'PA7K3M9QX2RT',
    });
  });
});

describe('normaliseCode', () => {
  it('accepts a code typed with spaces, dashes and lower case', () => {
    expect(normaliseCode(' pa7k3-m9qx 2rt ')).toBe('PA7K3M9QX2RT');
  });

  it('reads Crockford look-alikes as digits', () => {
    expect(normaliseCode('PA7K3M9QXORL')).toBe('PA7K3M9QX0R1');
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseCode('')).toBeNull();
    expect(normaliseCode('PA123')).toBeNull();
    expect(normaliseCode('XX7K3M9QX2RT')).toBeNull();
    expect(normaliseCode('PA7K3M9QX2RTT')).toBeNull();
    expect(normaliseCode('PA7K3M9QX2R!')).toBeNull();
  });
});
