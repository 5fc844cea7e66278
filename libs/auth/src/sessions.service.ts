import { DomainError } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { AuditLog } from './audit';
import type { AuditActor, UserPrincipal, UserView } from './model';
import { hashPassword, needsRehash, PASSWORD_MAX_LENGTH, verifyPassword } from './passwords';
import type { PrincipalResolver } from './principals';
import { SessionsRepository } from './sessions.repository';
import { accountFromKey, accountKey, ThrottleRepository } from './throttle.repository';
import { newToken, sha256Hex } from './tokens';
import { toUserView, UsersRepository, type UserRecord } from './users.repository';

/**
 * Failed logins of one account from all addresses together, as a multiple of LOGIN_MAX_ATTEMPTS,
 * before the account locks everywhere (guessing spread over many addresses).
 */
const ACCOUNT_WIDE_FACTOR = 20;
import { normaliseUsername } from './users.service';

export interface SessionOptions {
  sessionTtlHours: number;
  /** Failed logins per username within the window before that username is locked. */
  maxAttempts: number;
  /** Failed logins per client address within the window before that address is locked. */
  maxAttemptsPerIp: number;
  /** Length of the counting window and of the lock. */
  lockoutMinutes: number;
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export interface OpenedSession {
  token: string;
  expiresAt: string;
  user: UserView;
}

/** Raised for a locked username or address; carries the Retry-After the edge should send. */
export class LoginLockedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 'AUTH_LOCKED', 'Too many failed logins: try again later');
  }
}

/** Logins (with throttling and lockout), logouts, and the sessions behind them. */
export class SessionService {
  private readonly users: UsersRepository;
  private readonly sessions: SessionsRepository;
  private readonly throttle: ThrottleRepository;
  private dummyHash: Promise<string> | undefined;
  private prunedAt = 0;

  constructor(
    db: Queryable,
    private readonly audit: AuditLog,
    private readonly resolver: PrincipalResolver,
    private readonly options: SessionOptions,
  ) {
    this.users = new UsersRepository(db);
    this.sessions = new SessionsRepository(db);
    this.throttle = new ThrottleRepository(db);
  }

  async login(input: LoginInput): Promise<OpenedSession> {
    const username = normaliseUsername(input.username).slice(0, 64);
    const keys = [
      accountFromKey(username, input.ip),
      accountKey(username),
      ...(input.ip ? [`ip:${input.ip}`] : []),
    ];
    const who: AuditActor = {
      actor: username || '(empty)',
      actorKind: 'user',
      displayName: username,
      ip: input.ip,
    };
    const locked = await this.throttle.lockedUntil(keys);
    if (locked) {
      await this.audit.record(who, {
        action: 'auth.login_locked',
        targetKind: 'user',
        targetId: null,
        detail: { username },
      });
      throw new LoginLockedError(Math.max(1, Math.ceil((locked.getTime() - Date.now()) / 1000)));
    }
    const user = await this.users.byUsername(username);
    // Verify against a dummy hash for unknown users, so timing does not reveal which names exist.
    const ok =
      input.password.length <= PASSWORD_MAX_LENGTH &&
      (await verifyPassword(user?.passwordHash ?? (await this.dummy()), input.password)) &&
      user !== null;
    if (!ok || user.disabledAt !== null) {
      await this.fail(username, input.ip);
      await this.audit.record(who, {
        action: 'auth.login_failed',
        targetKind: 'user',
        targetId: user?.id ?? null,
        detail: { username, reason: !ok ? 'bad_credentials' : 'disabled' },
      });
      throw new DomainError('unauthorized', 'AUTH_BAD_CREDENTIALS', 'Wrong username or password');
    }
    // Only this address's count for the account is cleared: one valid login must neither reset
    // an address's count nor the account-wide count of guesses made from elsewhere.
    await this.throttle.clear(accountFromKey(username, input.ip));
    if (needsRehash(user.passwordHash))
      await this.users.setPasswordHash(user.id, await hashPassword(input.password), false);
    const opened = await this.open(user, input.ip, input.userAgent);
    await this.audit.record(
      { actor: user.username, actorKind: 'user', displayName: user.displayName, ip: input.ip },
      {
        action: 'auth.login',
        targetKind: 'session',
        targetId: opened.sessionId,
        unitCode: user.units[0] ?? null,
      },
    );
    return opened.session;
  }

  /** Opens a session for an already authenticated user (login, first-run setup). */
  async open(
    user: UserRecord,
    ip: string | null,
    userAgent: string | null,
  ): Promise<{ session: OpenedSession; sessionId: string }> {
    const token = newToken('session');
    const expiresAt = new Date(Date.now() + this.options.sessionTtlHours * 3_600_000);
    const sessionId = await this.sessions.insert({
      userId: user.id,
      tokenHash: sha256Hex(token),
      expiresAt,
      ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return {
      session: { token, expiresAt: expiresAt.toISOString(), user: toUserView(user) },
      sessionId,
    };
  }

  async logout(p: UserPrincipal, ip: string | null): Promise<void> {
    await this.sessions.revoke(p.sessionId);
    this.resolver.forgetAll();
    await this.audit.record(
      { actor: p.actor, actorKind: 'user', displayName: p.displayName, ip },
      { action: 'auth.logout', targetKind: 'session', targetId: p.sessionId },
    );
  }

  /** Counts a failure against an address (e.g. a wrong setup token) without a username. */
  async failAddress(ip: string | null): Promise<void> {
    if (ip)
      await this.throttle.fail(
        `ip:${ip}`,
        this.options.maxAttemptsPerIp,
        this.options.lockoutMinutes,
      );
  }

  async assertAddressNotLocked(ip: string | null): Promise<void> {
    if (!ip) return;
    const locked = await this.throttle.lockedUntil([`ip:${ip}`]);
    if (locked)
      throw new LoginLockedError(Math.max(1, Math.ceil((locked.getTime() - Date.now()) / 1000)));
  }

  private async fail(username: string, ip: string | null): Promise<void> {
    const { lockoutMinutes, maxAttempts } = this.options;
    const r = await this.throttle.fail(accountFromKey(username, ip), maxAttempts, lockoutMinutes);
    const wide = await this.throttle.fail(
      accountKey(username),
      maxAttempts * ACCOUNT_WIDE_FACTOR,
      lockoutMinutes,
    );
    await this.failAddress(ip);
    if (Date.now() - this.prunedAt > 60_000) {
      this.prunedAt = Date.now();
      await this.throttle.prune(lockoutMinutes);
    }
    if (r.failures === maxAttempts && r.lockedUntil) {
      await this.audit.record(
        { actor: username, actorKind: 'user', displayName: username, ip },
        {
          action: 'auth.lockout',
          targetKind: 'user',
          detail: { username, scope: 'address', until: r.lockedUntil.toISOString() },
        },
      );
    }
    if (wide.failures === maxAttempts * ACCOUNT_WIDE_FACTOR && wide.lockedUntil) {
      await this.audit.record(
        { actor: username, actorKind: 'user', displayName: username, ip },
        {
          action: 'auth.lockout',
          targetKind: 'user',
          detail: { username, scope: 'account', until: wide.lockedUntil.toISOString() },
        },
      );
    }
  }

  /** An administrator lifts every lock of an account (all addresses, and the account-wide one). */
  async unlock(username: string, who: AuditActor): Promise<number> {
    const removed = await this.throttle.clearAccount(normaliseUsername(username));
    await this.audit.record(who, {
      action: 'user.unlock',
      targetKind: 'user',
      detail: { username: normaliseUsername(username), countersCleared: removed },
    });
    return removed;
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(newToken('session'));
    return this.dummyHash;
  }
}
