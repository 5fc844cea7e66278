import type { MediaAuthRequest } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { decideMediaAuth, tokenOf, type MediaAuthDeps } from './media-auth';
import { ViewTokens } from './view-token';

const tokens = new ViewTokens('a-test-secret-of-at-least-32-characters');
const NOW = new Date('2026-12-07T10:00:00Z');
const PATHS: Record<string, string[]> = { 'tq-1': ['tho-quang/cong-1', 'tho-quang/cong-1-hls'] };

function deps(over: Partial<MediaAuthDeps> = {}): MediaAuthDeps {
  return {
    tokens,
    pathsOf: (id) => Promise.resolve(PATHS[id]),
    publisher: { user: 'nvr', password: 'publisher-password-123' },
    now: () => NOW,
    ...over,
  };
}

function req(over: Partial<MediaAuthRequest>): MediaAuthRequest {
  return {
    user: '',
    password: '',
    ip: '10.0.0.9',
    action: 'read',
    path: '',
    protocol: 'hls',
    id: null,
    query: '',
    ...over,
  };
}

const valid = tokens.issue({
  cameraId: 'tq-1',
  paths: ['tho-quang/cong-1', 'tho-quang/cong-1-hls'],
  expiresAt: new Date('2026-12-07T10:02:00Z'),
});

describe('the media server auth hook', () => {
  it('allows a read with a valid token for its path (from the query or the token field)', async () => {
    expect(
      await decideMediaAuth(req({ path: 'tho-quang/cong-1', query: `token=${valid}` }), deps()),
    ).toEqual({ allow: true, cameraId: 'tq-1' });
    expect(
      await decideMediaAuth(req({ path: '/tho-quang/cong-1-hls/', token: valid }), deps()),
    ).toEqual({ allow: true, cameraId: 'tq-1' });
  });

  it('denies a read of another path, without a token, or with an expired one', async () => {
    const wrong = await decideMediaAuth(
      req({ path: 'cang/khac', query: `token=${valid}` }),
      deps(),
    );
    expect(wrong).toEqual({ allow: false, reason: 'wrong_path' });
    expect(await decideMediaAuth(req({ path: 'tho-quang/cong-1' }), deps())).toEqual({
      allow: false,
      reason: 'no_token',
    });
    const later = deps({ now: () => new Date('2026-12-07T10:05:00Z') });
    expect(
      await decideMediaAuth(req({ path: 'tho-quang/cong-1', query: `token=${valid}` }), later),
    ).toEqual({ allow: false, reason: 'expired' });
  });

  it('denies a valid token once its camera is gone or no longer has the path', async () => {
    const gone = deps({ pathsOf: () => Promise.resolve(undefined) });
    expect(
      await decideMediaAuth(req({ path: 'tho-quang/cong-1', query: `token=${valid}` }), gone),
    ).toEqual({ allow: false, reason: 'camera_gone' });
    const moved = deps({ pathsOf: () => Promise.resolve(['elsewhere']) });
    expect(
      (await decideMediaAuth(req({ path: 'tho-quang/cong-1', query: `token=${valid}` }), moved))
        .allow,
    ).toBe(false);
  });

  it('allows publish only with the publisher credential', async () => {
    const publish = (user: string, password: string, d = deps()) =>
      decideMediaAuth(req({ action: 'publish', path: 'tho-quang/cong-1', user, password }), d);
    expect(await publish('nvr', 'publisher-password-123')).toEqual({ allow: true });
    expect((await publish('nvr', 'wrong')).allow).toBe(false);
    expect((await publish('', '')).allow).toBe(false);
    expect(
      (await publish('nvr', 'publisher-password-123', deps({ publisher: undefined }))).allow,
    ).toBe(false);
  });

  it('never opens publish, the API, metrics or pprof with a viewing token', async () => {
    for (const action of ['publish', 'api', 'metrics', 'pprof']) {
      const d = await decideMediaAuth(
        req({ action, path: 'tho-quang/cong-1', query: `token=${valid}` }),
        deps(),
      );
      expect(d.allow, action).toBe(false);
    }
  });

  it('reads the token among other query parameters', () => {
    expect(tokenOf({ query: 'a=1&token=xyz&b=2' })).toBe('xyz');
    expect(tokenOf({ query: '?token=xyz' })).toBe('xyz');
    expect(tokenOf({ query: '', token: 'abc' })).toBe('abc');
    expect(tokenOf({ query: '' })).toBeNull();
    expect(tokenOf({ query: '', password: 'iocv1.a.b' })).toBe('iocv1.a.b');
    expect(tokenOf({ query: '', password: 'a publisher password' })).toBeNull();
  });
});
