import { describe, expect, it } from 'vitest';
import { ViewTokens } from './view-token';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const NOW = new Date('2026-12-07T10:00:00Z');
const grant = {
  cameraId: 'tq-1',
  paths: ['tho-quang/cong-1'],
  expiresAt: new Date('2026-12-07T10:02:00Z'),
};

describe('ViewTokens', () => {
  it('gives back what it signed while the token lives', () => {
    const t = new ViewTokens(SECRET);
    const checked = t.check(t.issue(grant), NOW);
    expect(checked).toEqual({ ok: true, grant });
  });

  it('refuses a token at and after its expiry', () => {
    const t = new ViewTokens(SECRET);
    const token = t.issue(grant);
    expect(t.check(token, grant.expiresAt)).toEqual({ ok: false, reason: 'expired' });
    expect(t.check(token, new Date('2026-12-08T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a token signed with another secret', () => {
    const token = new ViewTokens(`${SECRET}-other`).issue(grant);
    expect(new ViewTokens(SECRET).check(token, NOW)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a payload changed after signing (another camera, another path)', () => {
    const t = new ViewTokens(SECRET);
    const [prefix, , sig] = t.issue(grant).split('.');
    const forged = Buffer.from(
      JSON.stringify({ c: 'other', p: ['other/path'], e: 4_000_000_000 }),
    ).toString('base64url');
    expect(t.check(`${prefix}.${forged}.${sig}`, NOW)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses what is not a token', () => {
    const t = new ViewTokens(SECRET);
    for (const junk of ['', 'abc', 'iocv1.x', 'iocs_abc.def.ghi', 'iocv1..']) {
      expect(t.check(junk, NOW).ok, junk).toBe(false);
    }
  });

  it('will not sign with a short secret', () => {
    expect(() => new ViewTokens('short')).toThrow(/32 characters/);
  });
});
