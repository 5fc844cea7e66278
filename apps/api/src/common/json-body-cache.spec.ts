import { describe, expect, it } from 'vitest';
import { JsonBodyCache } from './json-body-cache';

describe('JsonBodyCache', () => {
  it('serializes once per version and key, and again for a new version', () => {
    const cache = new JsonBodyCache();
    let builds = 0;
    const build = (n: number) => () => {
      builds++;
      return { n };
    };
    const v1 = {};
    const a = cache.get(v1, 'k', build(1));
    expect(cache.get(v1, 'k', build(99))).toBe(a);
    expect(builds).toBe(1);
    expect(JSON.parse(a.body.toString('utf8'))).toEqual({ n: 1 });
    const v2 = {};
    const b = cache.get(v2, 'k', build(2));
    expect(builds).toBe(2);
    expect(b.body.toString('utf8')).toBe('{"n":2}');
    expect(b.etag).not.toBe(a.etag);
    expect(cache.get(v1, 'other', build(3)).body.toString('utf8')).toBe('{"n":3}');
  });

  it('gives equal bodies equal ETags and keeps at most its key limit per version', () => {
    const cache = new JsonBodyCache(2);
    const v = {};
    const first = cache.get(v, 'a', () => ({ same: true }));
    expect(cache.get({}, 'a', () => ({ same: true })).etag).toBe(first.etag);
    cache.get(v, 'b', () => 1);
    cache.get(v, 'c', () => 2);
    let rebuilt = false;
    cache.get(v, 'a', () => {
      rebuilt = true;
      return { same: true };
    });
    expect(rebuilt).toBe(true);
  });
});
