import type { Queryable } from '@ioc/db';
import type { Role, UserView } from './model';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  units: string[];
  disabledAt: Date | null;
  email: string | null;
  phone: string | null;
  passwordChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  unit_codes: string[];
  disabled_at: Date | null;
  email: string | null;
  phone: string | null;
  password_changed_at: Date;
  created_at: Date;
  updated_at: Date;
}

const COLS =
  'id, username, display_name, password_hash, role, unit_codes, disabled_at, email, phone, password_changed_at, created_at, updated_at';

function toRecord(r: Row): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    role: r.role,
    units: r.unit_codes,
    disabledAt: r.disabled_at,
    email: r.email,
    phone: r.phone,
    passwordChangedAt: r.password_changed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toUserView(u: UserRecord): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    units: u.units,
    disabled: u.disabledAt !== null,
    email: u.email,
    phone: u.phone,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    passwordChangedAt: u.passwordChangedAt.toISOString(),
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  units: string[];
  email: string | null;
  phone: string | null;
}

export class UsersRepository {
  constructor(private readonly db: Queryable) {}

  async insert(u: NewUser): Promise<UserRecord> {
    const { rows } = await this.db.query<Row>(
      `INSERT INTO app_user (username, display_name, password_hash, role, unit_codes, email, phone)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7) RETURNING ${COLS}`,
      [u.username, u.displayName, u.passwordHash, u.role, u.units, u.email, u.phone],
    );
    return toRecord(rows[0] as Row);
  }

  async byId(id: string): Promise<UserRecord | null> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLS} FROM app_user WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async byUsername(username: string): Promise<UserRecord | null> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLS} FROM app_user WHERE username = $1`, [
      username,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(): Promise<UserRecord[]> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLS} FROM app_user ORDER BY username`);
    return rows.map(toRecord);
  }

  /** Active accounts whose unit scope holds any of these units, by display name. */
  async activeCovering(units: readonly string[]): Promise<UserRecord[]> {
    if (units.length === 0) return [];
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLS} FROM app_user
        WHERE disabled_at IS NULL AND unit_codes && $1::text[]
        ORDER BY display_name, username`,
      [units],
    );
    return rows.map(toRecord);
  }

  async countActiveAdmins(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM app_user WHERE role = 'admin' AND disabled_at IS NULL",
    );
    return rows[0]?.n ?? 0;
  }

  async update(
    id: string,
    patch: {
      displayName?: string;
      role?: Role;
      units?: string[];
      disabled?: boolean;
      /** null removes the address; absent keeps it. */
      email?: string | null;
      phone?: string | null;
    },
  ): Promise<UserRecord | null> {
    const { rows } = await this.db.query<Row>(
      `UPDATE app_user SET
         display_name = coalesce($2, display_name),
         role = coalesce($3, role),
         unit_codes = coalesce($4::text[], unit_codes),
         disabled_at = CASE WHEN $5::boolean IS NULL THEN disabled_at
                            WHEN $5 THEN coalesce(disabled_at, now()) ELSE NULL END,
         email = CASE WHEN $6::boolean THEN $7 ELSE email END,
         phone = CASE WHEN $8::boolean THEN $9 ELSE phone END,
         updated_at = now()
       WHERE id = $1 RETURNING ${COLS}`,
      [
        id,
        patch.displayName ?? null,
        patch.role ?? null,
        patch.units ?? null,
        patch.disabled ?? null,
        patch.email !== undefined,
        patch.email ?? null,
        patch.phone !== undefined,
        patch.phone ?? null,
      ],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async setPasswordHash(id: string, hash: string, changed: boolean): Promise<void> {
    // A transparent rehash (new argon2 parameters) is not a password change.
    await this.db.query(
      `UPDATE app_user SET password_hash = $2,
         password_changed_at = CASE WHEN $3 THEN now() ELSE password_changed_at END,
         updated_at = CASE WHEN $3 THEN now() ELSE updated_at END
       WHERE id = $1`,
      [id, hash, changed],
    );
  }

  /** Level of each known, current unit among the codes (unknown codes are absent). */
  async unitLevels(codes: string[]): Promise<Map<string, string>> {
    const { rows } = await this.db.query<{ code: string; level: string }>(
      'SELECT code, level FROM admin_unit WHERE code = ANY($1::text[]) AND valid_to IS NULL',
      [codes],
    );
    return new Map(rows.map((r) => [r.code, r.level]));
  }
}
