import type { DisplayTokensRepository } from './display-tokens.repository';
import type { Principal } from './model';
import type { SessionsRepository } from './sessions.repository';
import { plausibleToken, sha256Hex, tokenKind } from './tokens';

interface Cached {
  principal: Principal;
  expiresAt: number;
  at: number;
}

export interface ResolverOptions {
  /**
   * How long a resolved token is trusted without asking the database. Revocation on this replica
   * clears the cache at once; other replicas notice within this delay.
   */
  cacheMs?: number;
  maxCached?: number;
  now?: () => number;
}

// last_used_at is a hint for administrators, not an access log: one write per minute is enough.
const TOUCH_EVERY_MS = 60_000;

/** Turns a bearer token (session or display) into a principal, or null for anything not live. */
export class PrincipalResolver {
  private readonly cache = new Map<string, Cached>();
  private readonly cacheMs: number;
  private readonly maxCached: number;
  private readonly now: () => number;
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly displays: DisplayTokensRepository,
    options: ResolverOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? 5_000;
    this.maxCached = options.maxCached ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async resolve(token: string): Promise<Principal | null> {
    const kind = tokenKind(token);
    // Shape first: a forged header of the wrong form costs no database round trip.
    if ((kind !== 'session' && kind !== 'display') || !plausibleToken(token)) return null;
    const hash = sha256Hex(token);
    const now = this.now();
    const hit = this.cache.get(hash);
    if (hit && now - hit.at < this.cacheMs && now < hit.expiresAt) return hit.principal;
    this.cache.delete(hash);
    const found = kind === 'session' ? await this.session(hash) : await this.display(hash);
    if (!found) return null;
    if (this.cache.size >= this.maxCached) this.cache.clear();
    this.cache.set(hash, { principal: found.principal, expiresAt: found.expiresAt, at: now });
    return found.principal;
  }

  /** Called after any revocation, rotation, role or scope change. */
  forgetAll(): void {
    this.cache.clear();
  }

  private async session(hash: string): Promise<{ principal: Principal; expiresAt: number } | null> {
    const s = await this.sessions.liveByHash(hash);
    if (!s) return null;
    this.touch(s.sessionId, () => this.sessions.touch(s.sessionId));
    return {
      principal: {
        kind: 'user',
        actor: s.username,
        displayName: s.displayName,
        userId: s.userId,
        username: s.username,
        role: s.role,
        units: s.units,
        sessionId: s.sessionId,
      },
      expiresAt: s.expiresAt.getTime(),
    };
  }

  private async display(hash: string): Promise<{ principal: Principal; expiresAt: number } | null> {
    const d = await this.displays.liveByHash(hash);
    if (!d) return null;
    this.touch(d.id, () => this.displays.touch(d.id));
    return {
      principal: {
        kind: 'display',
        actor: `display:${d.id}`,
        displayName: d.name,
        tokenId: d.id,
        units: [d.unitCode],
      },
      expiresAt: Number.POSITIVE_INFINITY,
    };
  }

  private touch(id: string, write: () => Promise<void>): void {
    const now = this.now();
    if (now - (this.touched.get(id) ?? 0) < TOUCH_EVERY_MS) return;
    if (this.touched.size > this.maxCached) this.touched.clear();
    this.touched.set(id, now);
    write().catch(() => undefined);
  }
}
