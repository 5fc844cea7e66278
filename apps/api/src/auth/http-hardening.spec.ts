import { describe, expect, it } from 'vitest';
import { jsonTooDeep } from './http-hardening';

describe('jsonTooDeep', () => {
  const nest = (n: number) => Buffer.from('['.repeat(n) + ']'.repeat(n));
  it('counts object and array nesting', () => {
    expect(jsonTooDeep(nest(32), 32)).toBe(false);
    expect(jsonTooDeep(nest(33), 32)).toBe(true);
    expect(jsonTooDeep(Buffer.from('{"a":{"b":[1,{"c":2}]}}'), 3)).toBe(true);
    expect(jsonTooDeep(Buffer.from('{"a":{"b":[1,{"c":2}]}}'), 4)).toBe(false);
  });
  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonTooDeep(Buffer.from(JSON.stringify({ s: '[[[[[[\\"[[[[' })), 1)).toBe(false);
  });
});
