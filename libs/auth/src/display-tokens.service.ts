import { DomainError } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { AuditLog } from './audit';
import { DisplayTokensRepository } from './display-tokens.repository';
import type { AuditActor, DisplayTokenView } from './model';
import type { PrincipalResolver } from './principals';
import { newToken, sha256Hex } from './tokens';
import { UsersRepository } from './users.repository';
import { isUuid } from './users.service';

/** Wall-screen credentials: created, rotated and revoked by administrators; shown once. */
export class DisplayTokenService {
  private readonly repo: DisplayTokensRepository;
  private readonly units: UsersRepository;

  constructor(
    db: Queryable,
    private readonly audit: AuditLog,
    private readonly resolver: PrincipalResolver,
  ) {
    this.repo = new DisplayTokensRepository(db);
    this.units = new UsersRepository(db);
  }

  list(): Promise<DisplayTokenView[]> {
    return this.repo.list();
  }

  async get(id: string): Promise<DisplayTokenView | null> {
    return isUuid(id) ? this.repo.byId(id) : null;
  }

  /** Returns the plain token: the only time it exists outside the caller. */
  async create(
    input: { name: string; unitCode: string },
    who: AuditActor,
  ): Promise<{ token: string; displayToken: DisplayTokenView }> {
    if (!(await this.units.unitLevels([input.unitCode])).has(input.unitCode)) {
      throw new DomainError(
        'invalid',
        'SCOPE_UNKNOWN_UNIT',
        `unknown unit ${input.unitCode.slice(0, 16)}`,
      );
    }
    const token = newToken('display');
    const view = await this.repo.insert({
      name: input.name.trim(),
      unitCode: input.unitCode,
      tokenHash: sha256Hex(token),
      createdBy: who.actor,
    });
    await this.audit.record(who, {
      action: 'display_token.create',
      targetKind: 'display_token',
      targetId: view.id,
      unitCode: view.unitCode,
      detail: { name: view.name },
    });
    return { token, displayToken: view };
  }

  async rotate(
    id: string,
    who: AuditActor,
  ): Promise<{ token: string; displayToken: DisplayTokenView }> {
    const token = newToken('display');
    const view = isUuid(id) ? await this.repo.rotate(id, sha256Hex(token)) : null;
    if (!view) throw notFound(id);
    this.resolver.forgetAll();
    await this.audit.record(who, {
      action: 'display_token.rotate',
      targetKind: 'display_token',
      targetId: id,
      unitCode: view.unitCode,
      detail: { name: view.name },
    });
    return { token, displayToken: view };
  }

  async revoke(id: string, who: AuditActor): Promise<DisplayTokenView> {
    const view = isUuid(id) ? await this.repo.revoke(id) : null;
    if (!view) throw notFound(id);
    this.resolver.forgetAll();
    await this.audit.record(who, {
      action: 'display_token.revoke',
      targetKind: 'display_token',
      targetId: id,
      unitCode: view.unitCode,
      detail: { name: view.name },
    });
    return view;
  }
}

function notFound(id: string): DomainError {
  return new DomainError(
    'not_found',
    'DISPLAY_TOKEN_NOT_FOUND',
    `no live display token ${id.slice(0, 40)}`,
  );
}
