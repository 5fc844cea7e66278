import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lgspHmacSigner, lgspStringToSign } from './lgsp-signer';

const creds = { appName: 'ioc-danang', accessKey: 'AK-123', secretKey: 'SK-very-secret' };

describe('LGSP request signing', () => {
  it('signs method, path with query, timestamp and nonce with HMAC-SHA256 of the secret key', () => {
    const headers = lgspHmacSigner(
      { method: 'get', url: 'https://lgsp.example.vn/dvc/v1/hoso?page=2&since=2026-01-01' },
      creds,
      { now: new Date('2026-03-01T00:00:00Z'), nonce: 'abc' },
    );
    const text = 'GET\n/dvc/v1/hoso?page=2&since=2026-01-01\n1772323200\nabc';
    expect(
      lgspStringToSign(
        'get',
        'https://lgsp.example.vn/dvc/v1/hoso?page=2&since=2026-01-01',
        '1772323200',
        'abc',
      ),
    ).toBe(text);
    expect(headers).toEqual({
      'X-LGSP-AppName': 'ioc-danang',
      'X-LGSP-AccessKey': 'AK-123',
      'X-LGSP-Timestamp': '1772323200',
      'X-LGSP-Nonce': 'abc',
      'X-LGSP-Signature': createHmac('sha256', 'SK-very-secret').update(text).digest('base64'),
    });
    expect(JSON.stringify(headers)).not.toContain('SK-very-secret');
  });

  it('changes with the path and uses a fresh nonce per request', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const a = lgspHmacSigner({ method: 'GET', url: 'https://x.vn/a?page=1' }, creds, { now });
    const b = lgspHmacSigner({ method: 'GET', url: 'https://x.vn/a?page=1' }, creds, { now });
    expect(a['X-LGSP-Nonce']).not.toBe(b['X-LGSP-Nonce']);
    expect(a['X-LGSP-Nonce']).toMatch(/^[0-9a-f]{32}$/);
    const c = lgspHmacSigner({ method: 'GET', url: 'https://x.vn/a?page=2' }, creds, {
      now,
      nonce: 'n',
    });
    const d = lgspHmacSigner({ method: 'GET', url: 'https://x.vn/a?page=1' }, creds, {
      now,
      nonce: 'n',
    });
    expect(c['X-LGSP-Signature']).not.toBe(d['X-LGSP-Signature']);
  });
});
