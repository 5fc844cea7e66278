import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a viewing token grants: reading these media paths of one camera until `expiresAt`. */
export interface ViewGrant {
  cameraId: string;
  paths: readonly string[];
  expiresAt: Date;
}

export type TokenCheck = { ok: true; grant: ViewGrant } | { ok: false; reason: TokenRefusal };
export type TokenRefusal = 'malformed' | 'bad_signature' | 'expired';

const PREFIX = 'iocv1';

/**
 * Short-lived viewing tokens: `iocv1.<payload>.<hmac>` (base64url), signed with HMAC-SHA-256.
 * Stateless, so any API process (and the auth hook it answers for the media server) can check a
 * token another issued; short lives stand in for revocation, and the hook also re-reads the
 * camera's paths, so a removed or re-pathed camera stops playing at once.
 */
export class ViewTokens {
  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('viewing token secret: at least 32 characters');
  }

  issue(grant: ViewGrant): string {
    const payload = Buffer.from(
      JSON.stringify({
        c: grant.cameraId,
        p: grant.paths,
        e: Math.floor(grant.expiresAt.getTime() / 1000),
      }),
    ).toString('base64url');
    return `${PREFIX}.${payload}.${this.sign(payload)}`;
  }

  check(token: string, now: Date): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, reason: 'malformed' };
    const [, payload = '', sig = ''] = parts;
    const want = Buffer.from(this.sign(payload), 'base64url');
    const got = Buffer.from(sig, 'base64url');
    if (got.length !== want.length || !timingSafeEqual(got, want))
      return { ok: false, reason: 'bad_signature' };
    let body: unknown;
    try {
      body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const grant = grantOf(body);
    if (!grant) return { ok: false, reason: 'malformed' };
    if (grant.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, grant };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(`${PREFIX}.${payload}`).digest('base64url');
  }
}

function grantOf(body: unknown): ViewGrant | null {
  if (typeof body !== 'object' || body === null) return null;
  const { c, p, e } = body as Record<string, unknown>;
  if (typeof c !== 'string' || typeof e !== 'number' || !Array.isArray(p)) return null;
  if (!p.every((x): x is string => typeof x === 'string')) return null;
  return { cameraId: c, paths: p, expiresAt: new Date(e * 1000) };
}
