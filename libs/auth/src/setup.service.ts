import { DomainError } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { AuditLog } from './audit';
import { SYSTEM_ACTOR } from './model';
import type { OpenedSession, SessionService } from './sessions.service';
import { SetupRepository } from './setup.repository';
import { newToken, plausibleToken, sha256Hex, tokenKind } from './tokens';
import { UsersRepository } from './users.repository';
import type { UsersService } from './users.service';

/**
 * First run: there is no default password. While no active administrator exists, each start
 * issues a fresh one-time setup token (printed by the embedded platform); presenting it with a
 * username and password creates the first administrator and consumes the token.
 */
export class SetupService {
  private readonly repo: SetupRepository;
  private readonly usersRepo: UsersRepository;

  constructor(
    db: Queryable,
    private readonly users: UsersService,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
  ) {
    this.repo = new SetupRepository(db);
    this.usersRepo = new UsersRepository(db);
  }

  /** A new setup token when setup is needed (the previous one stops working), else null. */
  async prepare(): Promise<string | null> {
    if (await this.users.adminExists()) {
      await this.repo.clear();
      return null;
    }
    const token = newToken('setup');
    await this.repo.put(sha256Hex(token));
    await this.audit.record(SYSTEM_ACTOR, {
      action: 'auth.setup_token_issued',
      targetKind: 'setup',
    });
    return token;
  }

  async required(): Promise<boolean> {
    return !(await this.users.adminExists());
  }

  async complete(
    input: { setupToken: string; username: string; password: string; displayName?: string },
    ip: string | null,
    userAgent: string | null,
  ): Promise<OpenedSession> {
    await this.sessions.assertAddressNotLocked(ip);
    if (await this.users.adminExists()) {
      throw new DomainError('conflict', 'SETUP_DONE', 'An administrator exists: sign in instead');
    }
    const valid = tokenKind(input.setupToken) === 'setup' && plausibleToken(input.setupToken);
    // Consuming first makes the token single-use even under concurrent requests.
    if (!valid || !(await this.repo.take(sha256Hex(input.setupToken)))) {
      await this.sessions.failAddress(ip);
      await this.audit.record(
        { actor: 'anonymous', actorKind: 'user', displayName: 'anonymous', ip },
        {
          action: 'auth.setup_failed',
          targetKind: 'setup',
          detail: { username: input.username.slice(0, 64) },
        },
      );
      throw new DomainError('unauthorized', 'SETUP_TOKEN_INVALID', 'Unknown or used setup token');
    }
    const who = {
      actor: 'setup',
      actorKind: 'system' as const,
      displayName: 'first-run setup',
      ip,
    };
    let view;
    try {
      view = await this.users.create(
        {
          username: input.username,
          password: input.password,
          role: 'admin',
          ...(input.displayName ? { displayName: input.displayName } : {}),
        },
        who,
        'auth.setup',
      );
    } catch (err) {
      // A rejected username or password must not burn the token: put it back.
      await this.repo.put(sha256Hex(input.setupToken));
      throw err;
    }
    const user = await this.usersRepo.byId(view.id);
    if (!user) throw new DomainError('unavailable', 'SETUP_RACE', 'The new administrator vanished');
    return (await this.sessions.open(user, ip, userAgent)).session;
  }
}
