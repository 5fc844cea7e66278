import type { Queryable } from '@ioc/db';
import type { ScopeTree } from './authorizer';
import type { Role } from './model';
import { UsersRepository } from './users.repository';

/** Someone a piece of work may be handed to: who they are, never how to reach them. */
export interface AssignablePerson {
  username: string;
  displayName: string;
  role: Role;
}

// A unit chain deeper than this is a cycle in bad data, not a real hierarchy (as the authorizer).
const MAX_DEPTH = 8;

/**
 * The people whose unit scope covers a unit — the unit itself or any unit above it — and whose
 * account is active: those who can see an alert of that unit, hence whom it may be handed to.
 * Administrators are global and hold no unit; they are not offered.
 */
export class AssigneeDirectory {
  private readonly repo: UsersRepository;

  constructor(
    db: Queryable,
    private readonly tree: ScopeTree,
  ) {
    this.repo = new UsersRepository(db);
  }

  async forUnit(unit: string | null): Promise<AssignablePerson[]> {
    if (unit === null) return [];
    const users = await this.repo.activeCovering(this.chainOf(unit));
    return users.map((u) => ({ username: u.username, displayName: u.displayName, role: u.role }));
  }

  /** The unit and its ancestors, nearest first. */
  private chainOf(unit: string): string[] {
    const chain: string[] = [];
    let code: string | null = unit;
    for (let depth = 0; code !== null && depth < MAX_DEPTH; depth++) {
      chain.push(code);
      code = this.tree.parentOf(code);
    }
    return chain;
  }
}
