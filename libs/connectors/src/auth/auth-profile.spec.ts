import { describe, expect, it } from 'vitest';
import { AuthApplier, splitAuth, type TokenFetcher } from './auth-profile';

const now = () => new Date('2026-03-01T00:00:00Z');

describe('auth profiles', () => {
  it('keeps every secret out of the public view', () => {
    const cases = [
      { kind: 'api-key' as const, headers: { 'X-Api-Key': 'k-Secret1' } },
      { kind: 'lgsp' as const, appName: 'ioc', accessKey: 'ak-Secret2', secretKey: 'sk-Secret3' },
      {
        kind: 'oauth2-client-credentials' as const,
        tokenUrl: 'https://id.example.vn/token',
        clientId: 'ioc',
        clientSecret: 'cs-Secret4',
      },
      { kind: 'basic' as const, username: 'u', password: 'pw-Secret5' },
    ];
    for (const c of cases) {
      const { view, secrets } = splitAuth(c);
      expect(JSON.stringify(view)).not.toMatch(/Secret\d/);
      expect(Object.values(secrets).join(' ')).toMatch(/Secret\d/);
    }
    expect(splitAuth(cases[0]!).view).toEqual({ kind: 'api-key', headerNames: ['X-Api-Key'] });
  });

  it('adds basic, api-key and LGSP headers', async () => {
    const ctx = { now, fetchToken: (() => Promise.reject(new Error('no'))) as TokenFetcher };
    const basic = splitAuth({ kind: 'basic', username: 'u', password: 'p' });
    expect(
      await new AuthApplier(basic.view, basic.secrets, ctx).headers('GET', 'http://x/'),
    ).toEqual({
      Authorization: `Basic ${Buffer.from('u:p').toString('base64')}`,
    });
    const key = splitAuth({ kind: 'api-key', headers: { 'X-Api-Key': 'k' } });
    expect(await new AuthApplier(key.view, key.secrets, ctx).headers('GET', 'http://x/')).toEqual({
      'X-Api-Key': 'k',
    });
    const lgsp = splitAuth({ kind: 'lgsp', appName: 'a', accessKey: 'b', secretKey: 'cccccccc' });
    const h = await new AuthApplier(lgsp.view, lgsp.secrets, ctx).headers('GET', 'http://x/p?q=1');
    expect(Object.keys(h).sort()).toEqual([
      'X-LGSP-AccessKey',
      'X-LGSP-AppName',
      'X-LGSP-Nonce',
      'X-LGSP-Signature',
      'X-LGSP-Timestamp',
    ]);
  });

  it('fetches an OAuth2 client-credentials token once and reuses it until near expiry', async () => {
    const calls: string[] = [];
    const fetchToken: TokenFetcher = (_url, body) => {
      calls.push(body.toString());
      return Promise.resolve({ accessToken: `t${String(calls.length)}`, expiresIn: 3600 });
    };
    const o = splitAuth({
      kind: 'oauth2-client-credentials',
      tokenUrl: 'https://id/token',
      clientId: 'ioc',
      clientSecret: 'cs',
      scope: 'read',
    });
    const applier = new AuthApplier(o.view, o.secrets, { now, fetchToken });
    expect(await applier.headers('GET', 'http://x/')).toEqual({ Authorization: 'Bearer t1' });
    expect(await applier.headers('GET', 'http://x/')).toEqual({ Authorization: 'Bearer t1' });
    expect(calls).toEqual([
      'grant_type=client_credentials&client_id=ioc&client_secret=cs&scope=read',
    ]);
    applier.reset();
    expect(await applier.headers('GET', 'http://x/')).toEqual({ Authorization: 'Bearer t2' });
  });
});
