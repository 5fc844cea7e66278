import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isScenePreview, jsonTooDeep, mediaOrigins } from './http-hardening';

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

describe('isScenePreview', () => {
  it("is the wall with preview=1 only: an admin's framed scene preview", () => {
    expect(isScenePreview('/wall?unit=48&scene=air&kiosk=1&preview=1')).toBe(true);
    expect(isScenePreview('/wall/?preview=true')).toBe(true);
  });
  it('leaves every other page unframeable', () => {
    expect(isScenePreview('/wall?unit=48')).toBe(false);
    expect(isScenePreview('/wall?preview=0')).toBe(false);
    expect(isScenePreview('/admin/wall?preview=1')).toBe(false);
    expect(isScenePreview('/api/v1/wall/config?unit=48&preview=1')).toBe(false);
    expect(isScenePreview('/wallx?preview=1')).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  it('lets the web app reach and play the media server only when one is configured', () => {
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
    expect(contentSecurityPolicy()).toContain("media-src 'self' blob:;");
    const csp = contentSecurityPolicy(
      mediaOrigins([
        'https://media.example.vn:8888/hls',
        undefined,
        'https://media.example.vn:8889',
      ]),
    );
    expect(csp).toContain(
      "connect-src 'self' https://media.example.vn:8888 https://media.example.vn:8889;",
    );
    expect(csp).toContain(
      "media-src 'self' blob: https://media.example.vn:8888 https://media.example.vn:8889;",
    );
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
