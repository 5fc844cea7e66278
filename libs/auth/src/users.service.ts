import { DomainError } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { AuditLog } from './audit';
import { PROVINCE_ROLES, type AuditActor, type Role, type UserView } from './model';
import { assertAcceptablePassword, hashPassword } from './passwords';
import type { PrincipalResolver } from './principals';
import { SessionsRepository } from './sessions.repository';
import { toUserView, UsersRepository, type UserRecord } from './users.repository';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const MAX_WARD_UNITS = 50;

export interface NewUserInput {
  username: string;
  displayName?: string;
  password: string;
  role: Role;
  units?: string[];
  email?: string;
  phone?: string;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  units?: string[];
  disabled?: boolean;
  /** null removes the address. */
  email?: string | null;
  phone?: string | null;
}

/** Who to tell about an alert handed to a user, as the notifications need it. */
export interface UserContact {
  userId: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** People and their role + unit scope. Every change is audited; role and scope changes apart. */
export class UsersService {
  private readonly repo: UsersRepository;
  private readonly sessions: SessionsRepository;

  constructor(
    db: Queryable,
    private readonly audit: AuditLog,
    private readonly resolver: PrincipalResolver,
  ) {
    this.repo = new UsersRepository(db);
    this.sessions = new SessionsRepository(db);
  }

  async list(): Promise<UserView[]> {
    return (await this.repo.list()).map(toUserView);
  }

  async get(id: string): Promise<UserView> {
    return toUserView(await this.mustGet(id));
  }

  /**
   * The contact of an enabled user named by username (as alert assignees are) or id; null for
   * anyone unknown or disabled — a disabled account is told nothing.
   */
  async contactOf(usernameOrId: string): Promise<UserContact | null> {
    const u = UUID.test(usernameOrId)
      ? await this.repo.byId(usernameOrId)
      : await this.repo.byUsername(normaliseUsername(usernameOrId));
    if (!u || u.disabledAt !== null) return null;
    return {
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      email: u.email,
      phone: u.phone,
    };
  }

  async adminExists(): Promise<boolean> {
    return (await this.repo.countActiveAdmins()) > 0;
  }

  async create(input: NewUserInput, who: AuditActor, action = 'user.create'): Promise<UserView> {
    const username = normaliseUsername(input.username);
    if (!USERNAME_PATTERN.test(username)) {
      throw new DomainError(
        'invalid',
        'USERNAME_INVALID',
        'username: 2–64 of a-z 0-9 . _ -, starting with a letter or digit',
      );
    }
    assertAcceptablePassword(input.password, username);
    if (input.email !== undefined) checkEmail(input.email);
    if (input.phone !== undefined) checkPhone(input.phone);
    const units = await this.checkScope(input.role, input.units ?? []);
    if (await this.repo.byUsername(username))
      throw new DomainError('conflict', 'USER_EXISTS', `user ${username} already exists`);
    let created: UserRecord;
    try {
      created = await this.repo.insert({
        username,
        displayName: input.displayName?.trim() || username,
        passwordHash: await hashPassword(input.password),
        role: input.role,
        units,
        email: input.email?.trim().toLowerCase() ?? null,
        phone: input.phone ?? null,
      });
    } catch (err) {
      // Two admins creating the same name at once: the unique index decides.
      if ((err as { code?: string }).code === '23505')
        throw new DomainError('conflict', 'USER_EXISTS', `user ${username} already exists`);
      throw err;
    }
    await this.audit.record(who, {
      action,
      targetKind: 'user',
      targetId: created.id,
      unitCode: units[0] ?? null,
      detail: { username, role: created.role, units },
    });
    return toUserView(created);
  }

  async update(id: string, patch: UserPatch, who: AuditActor): Promise<UserView> {
    const before = await this.mustGet(id);
    if (typeof patch.email === 'string') checkEmail(patch.email);
    if (typeof patch.phone === 'string') checkPhone(patch.phone);
    const role = patch.role ?? before.role;
    const scopeChanges = patch.role !== undefined || patch.units !== undefined;
    // Changing the role without units keeps the units only when they still fit the new role.
    const units = scopeChanges
      ? await this.checkScope(role, patch.units ?? (role === 'admin' ? [] : before.units))
      : undefined;
    const losesAdmin =
      before.role === 'admin' &&
      before.disabledAt === null &&
      (role !== 'admin' || patch.disabled === true);
    if (losesAdmin && (await this.repo.countActiveAdmins()) <= 1) {
      throw new DomainError(
        'conflict',
        'LAST_ADMIN',
        'the last active administrator cannot be demoted or disabled',
      );
    }
    const after = await this.repo.update(id, {
      ...(patch.displayName !== undefined ? { displayName: patch.displayName.trim() } : {}),
      ...(patch.role !== undefined ? { role } : {}),
      ...(units !== undefined ? { units } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(patch.email !== undefined ? { email: patch.email?.trim().toLowerCase() ?? null } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
    });
    if (!after) throw notFound(id);
    const roleChanged = after.role !== before.role || !sameList(after.units, before.units);
    if (roleChanged) {
      await this.audit.record(who, {
        action: 'user.role_change',
        targetKind: 'user',
        targetId: id,
        unitCode: after.units[0] ?? null,
        detail: {
          username: after.username,
          from: { role: before.role, units: before.units },
          to: { role: after.role, units: after.units },
        },
      });
    }
    if (patch.disabled !== undefined && patch.disabled !== (before.disabledAt !== null)) {
      // A disabled account's sessions end now, not at their expiry.
      if (patch.disabled) await this.sessions.revokeAllOf(id);
      await this.audit.record(who, {
        action: patch.disabled ? 'user.disable' : 'user.enable',
        targetKind: 'user',
        targetId: id,
        detail: { username: after.username },
      });
    }
    if (
      after.displayName !== before.displayName ||
      after.email !== before.email ||
      after.phone !== before.phone
    ) {
      await this.audit.record(who, {
        action: 'user.update',
        targetKind: 'user',
        targetId: id,
        detail: {
          username: after.username,
          displayName: after.displayName,
          email: after.email,
          phone: after.phone,
        },
      });
    }
    this.resolver.forgetAll();
    return toUserView(after);
  }

  /** Sets a new password and ends every session of the user (the old password may be known). */
  async resetPassword(id: string, password: string, who: AuditActor): Promise<void> {
    const user = await this.mustGet(id);
    assertAcceptablePassword(password, user.username);
    await this.repo.setPasswordHash(id, await hashPassword(password), true);
    const revoked = await this.sessions.revokeAllOf(id);
    this.resolver.forgetAll();
    await this.audit.record(who, {
      action: 'user.password_reset',
      targetKind: 'user',
      targetId: id,
      detail: { username: user.username, sessionsRevoked: revoked },
    });
  }

  /**
   * Validates a role's unit scope against the current administrative units: admin has none,
   * province roles exactly one province, ward roles one or more communes/wards/special zones.
   */
  private async checkScope(role: Role, unitsIn: string[]): Promise<string[]> {
    const units = [...new Set(unitsIn.map((u) => u.trim()).filter((u) => u.length > 0))];
    if (role === 'admin') {
      if (units.length > 0)
        throw new DomainError('invalid', 'SCOPE_INVALID', 'an administrator has no unit scope');
      return [];
    }
    if (units.length === 0)
      throw new DomainError('invalid', 'SCOPE_INVALID', `role ${role} needs a unit scope`);
    const levels = await this.repo.unitLevels(units);
    const unknown = units.filter((u) => !levels.has(u));
    if (unknown.length > 0)
      throw new DomainError(
        'invalid',
        'SCOPE_UNKNOWN_UNIT',
        `unknown unit(s): ${unknown.slice(0, 5).join(', ')}`,
      );
    if (PROVINCE_ROLES.has(role)) {
      if (units.length !== 1 || levels.get(units[0] ?? '') !== 'province') {
        throw new DomainError(
          'invalid',
          'SCOPE_INVALID',
          `role ${role} is scoped to exactly one province`,
        );
      }
      return units;
    }
    if (units.length > MAX_WARD_UNITS)
      throw new DomainError('invalid', 'SCOPE_INVALID', `at most ${MAX_WARD_UNITS} units`);
    const provinces = units.filter((u) => levels.get(u) === 'province');
    if (provinces.length > 0) {
      throw new DomainError(
        'invalid',
        'SCOPE_INVALID',
        `role ${role} is scoped to communes/wards, not the province ${provinces[0] ?? ''}`,
      );
    }
    return units.sort();
  }

  private async mustGet(id: string): Promise<UserRecord> {
    if (!UUID.test(id)) throw notFound(id);
    const u = await this.repo.byId(id);
    if (!u) throw notFound(id);
    return u;
  }
}

// The API validates with the contracts' schema; this also holds for the CLI, which calls in directly.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(email: string): void {
  if (!EMAIL.test(email.trim()) || email.length > 254)
    throw new DomainError('invalid', 'EMAIL_INVALID', 'email: an address such as ten@xa.gov.vn');
}

function checkPhone(phone: string): void {
  if (!/^\+[1-9]\d{6,14}$/.test(phone))
    throw new DomainError(
      'invalid',
      'PHONE_INVALID',
      'phone: an E.164 number such as +84912345678',
    );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

function notFound(id: string): DomainError {
  return new DomainError('not_found', 'USER_NOT_FOUND', `no user ${id.slice(0, 40)}`);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
