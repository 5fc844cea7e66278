import type { Queryable } from '@ioc/db';
import { AssigneeDirectory } from './assignees';
import { AuditLog } from './audit';
import { Authorizer, type ScopeTree } from './authorizer';
import { DisplayTokensRepository } from './display-tokens.repository';
import { DisplayTokenService } from './display-tokens.service';
import { PrincipalResolver, type ResolverOptions } from './principals';
import { SessionsRepository } from './sessions.repository';
import { SessionService, type SessionOptions } from './sessions.service';
import { SetupService } from './setup.service';
import { UsersService } from './users.service';

export interface AuthServices {
  audit: AuditLog;
  authorizer: Authorizer;
  principals: PrincipalResolver;
  users: UsersService;
  /** Whom a unit's work may be handed to (alerts on the tablet). */
  assignees: AssigneeDirectory;
  sessions: SessionService;
  displays: DisplayTokenService;
  setup: SetupService;
}

/** Wires the auth services over one database handle (the platform pool or a CLI connection). */
export function createAuthServices(
  db: Queryable,
  units: ScopeTree,
  options: SessionOptions & { resolver?: ResolverOptions },
): AuthServices {
  const audit = new AuditLog(db);
  const principals = new PrincipalResolver(
    new SessionsRepository(db),
    new DisplayTokensRepository(db),
    options.resolver,
  );
  const users = new UsersService(db, audit, principals);
  const sessions = new SessionService(db, audit, principals, options);
  return {
    audit,
    authorizer: new Authorizer(units),
    principals,
    users,
    assignees: new AssigneeDirectory(db, units),
    sessions,
    displays: new DisplayTokenService(db, audit, principals),
    setup: new SetupService(db, users, sessions, audit),
  };
}
