import type { OfficeKind } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { Office, OfficeDraft } from './office';

interface OfficeRow {
  id: string;
  unit_code: string;
  name_vi: string;
  name_en: string | null;
  kind: OfficeKind;
  is_compiler: boolean;
  email: string | null;
  created_at: Date;
  retired_at: Date | null;
}

const COLUMNS = 'id, unit_code, name_vi, name_en, kind, is_compiler, email, created_at, retired_at';

function toOffice(r: OfficeRow): Office {
  return {
    id: r.id,
    unitCode: r.unit_code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    kind: r.kind,
    isCompiler: r.is_compiler,
    email: r.email,
    createdAt: new Date(r.created_at).toISOString(),
    retiredAt: r.retired_at === null ? null : new Date(r.retired_at).toISOString(),
  };
}

/** Fields an edit may set; retiredAt null brings a retired office back. */
export interface OfficeChanges {
  nameVi?: string;
  nameEn?: string | null;
  kind?: OfficeKind;
  isCompiler?: boolean;
  email?: string | null;
  retiredAt?: Date | null;
}

const CHANGE_COLUMNS: Record<keyof OfficeChanges, string> = {
  nameVi: 'name_vi',
  nameEn: 'name_en',
  kind: 'kind',
  isCompiler: 'is_compiler',
  email: 'email',
  retiredAt: 'retired_at',
};

/** Offices and who belongs to them: plain SQL over office and office_member. */
export class OfficeRepository {
  constructor(private readonly db: Queryable) {}

  async get(id: string): Promise<Office | null> {
    const r = await this.db.query<OfficeRow>(`SELECT ${COLUMNS} FROM office WHERE id = $1`, [id]);
    return r.rows[0] ? toOffice(r.rows[0]) : null;
  }

  /** Offices of these units (null: every unit), ordered by unit then name. */
  async list(units: readonly string[] | null, includeRetired: boolean): Promise<Office[]> {
    const r = await this.db.query<OfficeRow>(
      `SELECT ${COLUMNS} FROM office
        WHERE ($1::text[] IS NULL OR unit_code = ANY($1::text[]))
          AND ($2 OR retired_at IS NULL)
        ORDER BY unit_code, name_vi, id`,
      [units === null ? null : [...units], includeRetired],
    );
    return r.rows.map(toOffice);
  }

  /** Names of these offices, by id (retired ones too: old tasks still name them). */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const r = await this.db.query<{ id: string; name_vi: string }>(
      'SELECT id, name_vi FROM office WHERE id = ANY($1::text[])',
      [[...ids]],
    );
    return new Map(r.rows.map((row) => [row.id, row.name_vi]));
  }

  /** Inserts; false when the id is taken (nothing changed). */
  async insert(o: Required<Pick<OfficeDraft, 'id'>> & OfficeDraft): Promise<boolean> {
    const r = await this.db.query(
      `INSERT INTO office (id, unit_code, name_vi, name_en, kind, is_compiler, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [o.id, o.unitCode, o.nameVi, o.nameEn ?? null, o.kind, o.isCompiler, o.email ?? null],
    );
    return r.rowCount === 1;
  }

  async update(id: string, changes: OfficeChanges): Promise<Office | null> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    for (const [key, column] of Object.entries(CHANGE_COLUMNS) as [keyof OfficeChanges, string][]) {
      if (changes[key] === undefined) continue;
      values.push(changes[key]);
      sets.push(`${column} = $${values.length}`);
    }
    if (sets.length === 0) return this.get(id);
    const r = await this.db.query<OfficeRow>(
      `UPDATE office SET ${sets.join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
      values,
    );
    return r.rows[0] ? toOffice(r.rows[0]) : null;
  }

  /** Usernames by office id, for these offices. */
  async members(officeIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (officeIds.length === 0) return out;
    const r = await this.db.query<{ office_id: string; username: string }>(
      `SELECT office_id, username FROM office_member WHERE office_id = ANY($1::text[])
        ORDER BY username`,
      [[...officeIds]],
    );
    for (const row of r.rows)
      out.set(row.office_id, [...(out.get(row.office_id) ?? []), row.username]);
    return out;
  }

  /** The office a user belongs to, if any. */
  async officeOf(username: string): Promise<string | null> {
    const r = await this.db.query<{ office_id: string }>(
      'SELECT office_id FROM office_member WHERE username = $1',
      [username],
    );
    return r.rows[0]?.office_id ?? null;
  }

  /** Puts the user in the office (leaving any other); returns the office they left, if any. */
  async setMember(username: string, officeId: string): Promise<string | null> {
    const before = await this.officeOf(username);
    await this.db.query(
      `INSERT INTO office_member (username, office_id) VALUES ($1, $2)
       ON CONFLICT (username) DO UPDATE SET office_id = EXCLUDED.office_id, created_at = now()`,
      [username, officeId],
    );
    return before;
  }

  /** Takes the user out of the office; false when they were not in it. */
  async removeMember(username: string, officeId: string): Promise<boolean> {
    const r = await this.db.query(
      'DELETE FROM office_member WHERE username = $1 AND office_id = $2',
      [username, officeId],
    );
    return r.rowCount === 1;
  }
}
