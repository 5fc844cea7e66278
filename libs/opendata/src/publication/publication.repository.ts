import type {
  OpenDataSettings,
  OpenDataSettingsUpdate,
  PublicationEntry,
  PublicationState,
  PublicationSubject,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';

/** What the public routes may show, read in one go (see PublicSnapshotSource). */
export interface PublicSets {
  devices: string[];
  metrics: string[];
  indicators: string[];
  positionDecimals: number | null;
  licence: { id: string; url: string };
}

const SETTINGS = `position_decimals AS "positionDecimals", licence_id AS "licenceId",
  licence_url AS "licenceUrl", updated_at AS "updatedAt", updated_by AS "updatedBy"`;

interface SettingsRow extends Omit<OpenDataSettings, 'updatedAt'> {
  updatedAt: Date | null;
}

function settingsOf(row: SettingsRow | undefined): OpenDataSettings {
  if (!row) throw new Error('open_data_setting has no row (migration 0060 inserts it)');
  return { ...row, updatedAt: row.updatedAt ? row.updatedAt.toISOString() : null };
}

/** open_publication and open_data_setting; "public" is always read back through the views. */
export class PublicationRepository {
  constructor(private readonly db: Queryable) {}

  async settings(): Promise<OpenDataSettings> {
    const { rows } = await this.db.query<SettingsRow>(`SELECT ${SETTINGS} FROM open_data_setting`);
    return settingsOf(rows[0]);
  }

  async updateSettings(patch: OpenDataSettingsUpdate, by: string): Promise<OpenDataSettings> {
    // A key absent from the patch keeps its value; positionDecimals may be set to null (exact).
    const { rows } = await this.db.query<SettingsRow>(
      `UPDATE open_data_setting SET
         position_decimals = CASE WHEN $1 THEN $2::int ELSE position_decimals END,
         licence_id = COALESCE($3, licence_id), licence_url = COALESCE($4, licence_url),
         updated_at = now(), updated_by = $5
       RETURNING ${SETTINGS}`,
      [
        patch.positionDecimals !== undefined,
        patch.positionDecimals ?? null,
        patch.licenceId ?? null,
        patch.licenceUrl ?? null,
        by,
      ],
    );
    return settingsOf(rows[0]);
  }

  async deviceKinds(): Promise<PublicationState['deviceKinds']> {
    const { rows } = await this.db.query<{ key: string; devices: number; public: boolean }>(
      `SELECT k.key, (SELECT count(*)::int FROM device d
                       WHERE d.kind = k.key AND d.decommissioned_at IS NULL) AS devices,
              COALESCE((SELECT p.public FROM open_publication p
                         WHERE p.subject = 'device_kind' AND p.key = k.key), false) AS public
       FROM (SELECT kind AS key FROM device WHERE decommissioned_at IS NULL
             UNION SELECT key FROM open_publication WHERE subject = 'device_kind') k
       ORDER BY k.key`,
    );
    return rows;
  }

  async devices(): Promise<PublicationState['devices']> {
    const { rows } = await this.db.query<PublicationState['devices'][number]>(
      `SELECT d.id, d.name, d.kind, d.unit_code AS "unitCode", own.public AS own,
              EXISTS (SELECT 1 FROM open_public_device v WHERE v.id = d.id) AS public
       FROM device d
       LEFT JOIN open_publication own ON own.subject = 'device' AND own.key = d.id
       ORDER BY d.id`,
    );
    return rows;
  }

  async metrics(): Promise<PublicationState['metrics']> {
    const { rows } = await this.db.query<PublicationState['metrics'][number]>(
      `SELECT m.code, m.name_vi AS "nameVi", m.name_en AS "nameEn", m.uom,
              EXISTS (SELECT 1 FROM open_public_metric v WHERE v.code = m.code) AS public
       FROM metric m ORDER BY m.code`,
    );
    return rows;
  }

  async indicators(): Promise<PublicationState['indicators']> {
    const { rows } = await this.db.query<PublicationState['indicators'][number]>(
      `SELECT i.code, i.name_vi AS "nameVi", i.name_en AS "nameEn",
              EXISTS (SELECT 1 FROM open_public_indicator v WHERE v.code = i.code) AS public
       FROM indicator i ORDER BY i.code`,
    );
    return rows;
  }

  /** The keys among `keys` that name an existing subject of that kind. */
  async existing(subject: PublicationSubject, keys: readonly string[]): Promise<Set<string>> {
    const sql: Record<PublicationSubject, string> = {
      device_kind: 'SELECT DISTINCT kind AS key FROM device WHERE kind = ANY($1::text[])',
      device: 'SELECT id AS key FROM device WHERE id = ANY($1::text[])',
      metric: 'SELECT code AS key FROM metric WHERE code = ANY($1::text[])',
      indicator: 'SELECT code AS key FROM indicator WHERE code = ANY($1::text[])',
    };
    const { rows } = await this.db.query<{ key: string }>(sql[subject], [keys]);
    return new Set(rows.map((r) => r.key));
  }

  /** The rows as they are now, keyed `subject key`; absent = no row. */
  async rows(entries: readonly PublicationEntry[]): Promise<Map<string, boolean>> {
    const { rows } = await this.db.query<{ subject: string; key: string; public: boolean }>(
      `SELECT p.subject, p.key, p.public FROM open_publication p
       JOIN unnest($1::text[], $2::text[]) AS e(subject, key)
         ON e.subject = p.subject AND e.key = p.key`,
      [entries.map((e) => e.subject), entries.map((e) => e.key)],
    );
    return new Map(rows.map((r) => [`${r.subject} ${r.key}`, r.public]));
  }

  async apply(entries: readonly PublicationEntry[], by: string): Promise<void> {
    const set = entries.filter((e) => e.public !== null);
    const clear = entries.filter((e) => e.public === null);
    if (clear.length > 0) {
      await this.db.query(
        `DELETE FROM open_publication p USING unnest($1::text[], $2::text[]) AS e(subject, key)
         WHERE p.subject = e.subject AND p.key = e.key`,
        [clear.map((e) => e.subject), clear.map((e) => e.key)],
      );
    }
    if (set.length > 0) {
      await this.db.query(
        `INSERT INTO open_publication (subject, key, public, updated_at, updated_by)
         SELECT e.subject, e.key, e.public, now(), $4
         FROM unnest($1::text[], $2::text[], $3::boolean[]) AS e(subject, key, public)
         ON CONFLICT (subject, key)
           DO UPDATE SET public = EXCLUDED.public, updated_at = now(), updated_by = $4`,
        [set.map((e) => e.subject), set.map((e) => e.key), set.map((e) => e.public), by],
      );
    }
  }

  /** Everything public now, through the views (the one owner of the rule). */
  async publicSets(): Promise<PublicSets> {
    const { rows } = await this.db.query<{
      devices: string[] | null;
      metrics: string[] | null;
      indicators: string[] | null;
      positionDecimals: number | null;
      licenceId: string;
      licenceUrl: string;
    }>(
      `SELECT (SELECT array_agg(id ORDER BY id) FROM open_public_device) AS devices,
              (SELECT array_agg(code ORDER BY code) FROM open_public_metric) AS metrics,
              (SELECT array_agg(code ORDER BY code) FROM open_public_indicator) AS indicators,
              s.position_decimals AS "positionDecimals", s.licence_id AS "licenceId",
              s.licence_url AS "licenceUrl"
       FROM open_data_setting s`,
    );
    const r = rows[0];
    return {
      devices: r?.devices ?? [],
      metrics: r?.metrics ?? [],
      indicators: r?.indicators ?? [],
      positionDecimals: r?.positionDecimals ?? null,
      licence: { id: r?.licenceId ?? '', url: r?.licenceUrl ?? '' },
    };
  }
}
