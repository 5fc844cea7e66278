import type { CameraKind, CameraStatus, CameraView } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';

/** A camera row as the routes see it: every column of `camera`, none of `camera_credential`. */
interface CameraRow {
  id: string;
  name: string;
  kind: CameraKind;
  lon: number;
  lat: number;
  unit_code: string;
  whep_path: string | null;
  hls_path: string | null;
  snapshot_url: string | null;
  tags: string[];
  status: CameraStatus;
  status_checked_at: Date | null;
  created_at: Date;
  updated_at: Date;
  has_credentials: boolean;
}

/** The columns a camera is written with (`id` and timestamps aside). */
export interface CameraFields {
  name: string;
  kind: CameraKind;
  lon: number;
  lat: number;
  unitCode: string;
  whepPath: string | null;
  hlsPath: string | null;
  snapshotUrl: string | null;
  tags: readonly string[];
}

/** How the media server reaches a camera; stored, never read back by any route. */
export interface CameraCredential {
  username?: string | undefined;
  password?: string | undefined;
  sourceUrl?: string | undefined;
}

// Only camera's own columns and whether a credential exists: the credential's values are never
// selected here, so no answer built from these rows can carry them.
const SELECT = `SELECT c.id, c.name, c.kind, c.lon, c.lat, c.unit_code, c.whep_path, c.hls_path,
  c.snapshot_url, c.tags, c.status, c.status_checked_at, c.created_at, c.updated_at,
  EXISTS (SELECT 1 FROM camera_credential k WHERE k.camera_id = c.id) AS has_credentials
  FROM camera c`;

function view(r: CameraRow): CameraView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    lon: r.lon,
    lat: r.lat,
    unitCode: r.unit_code,
    whepPath: r.whep_path,
    hlsPath: r.hls_path,
    snapshotUrl: r.snapshot_url,
    tags: r.tags,
    status: r.status,
    statusCheckedAt: r.status_checked_at ? new Date(r.status_checked_at).toISOString() : null,
    hasCredentials: r.has_credentials,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The camera registry's tables (migration 0070). */
export class CameraRepository {
  constructor(private readonly db: Queryable) {}

  async get(id: string): Promise<CameraView | null> {
    const { rows } = await this.db.query<CameraRow>(`${SELECT} WHERE c.id = $1`, [id]);
    return rows[0] ? view(rows[0]) : null;
  }

  /** Cameras of these units (every camera when `units` is null), by name. */
  async list(units: readonly string[] | null, kind?: CameraKind): Promise<CameraView[]> {
    const { rows } = await this.db.query<CameraRow>(
      `${SELECT} WHERE ($1::text[] IS NULL OR c.unit_code = ANY($1::text[]))
         AND ($2::text IS NULL OR c.kind = $2) ORDER BY c.name, c.id`,
      [units, kind ?? null],
    );
    return rows.map(view);
  }

  async unitOf(id: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ unit_code: string }>(
      'SELECT unit_code FROM camera WHERE id = $1',
      [id],
    );
    return rows[0]?.unit_code;
  }

  /** False when the id is taken. */
  async insert(id: string, f: CameraFields): Promise<boolean> {
    const r = await this.db.query(
      `INSERT INTO camera (id, name, kind, lon, lat, unit_code, whep_path, hls_path, snapshot_url, tags)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
      [id, f.name, f.kind, f.lon, f.lat, f.unitCode, f.whepPath, f.hlsPath, f.snapshotUrl, f.tags],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async update(id: string, f: CameraFields): Promise<boolean> {
    const r = await this.db.query(
      `UPDATE camera SET name = $2, kind = $3, lon = $4, lat = $5, unit_code = $6, whep_path = $7,
         hls_path = $8, snapshot_url = $9, tags = $10, updated_at = now() WHERE id = $1`,
      [id, f.name, f.kind, f.lon, f.lat, f.unitCode, f.whepPath, f.hlsPath, f.snapshotUrl, f.tags],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async remove(id: string): Promise<boolean> {
    const r = await this.db.query('DELETE FROM camera WHERE id = $1', [id]);
    return (r.rowCount ?? 0) > 0;
  }

  /** Stores (replaces) or, with null, removes the camera's credential. */
  async setCredential(id: string, c: CameraCredential | null): Promise<void> {
    if (c === null) {
      await this.db.query('DELETE FROM camera_credential WHERE camera_id = $1', [id]);
      return;
    }
    await this.db.query(
      `INSERT INTO camera_credential (camera_id, username, password, source_url)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (camera_id) DO UPDATE SET username = $2, password = $3, source_url = $4,
         updated_at = now()`,
      [id, c.username ?? null, c.password ?? null, c.sourceUrl ?? null],
    );
  }

  async setStatus(id: string, status: CameraStatus, checkedAt: Date): Promise<void> {
    await this.db.query('UPDATE camera SET status = $2, status_checked_at = $3 WHERE id = $1', [
      id,
      status,
      checkedAt,
    ]);
  }

  /** The media paths of a camera now (a token of a removed or re-pathed camera stops working). */
  async pathsOf(id: string): Promise<string[] | undefined> {
    const { rows } = await this.db.query<{ whep_path: string | null; hls_path: string | null }>(
      'SELECT whep_path, hls_path FROM camera WHERE id = $1',
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    return [r.whep_path, r.hls_path].filter((p): p is string => p !== null);
  }

  /**
   * The key viewing tokens are signed with when none is configured: made once, shared by every
   * process (the first insert wins; the others read it).
   */
  async tokenKey(fresh: string): Promise<string> {
    await this.db.query(
      'INSERT INTO camera_token_key (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING',
      [fresh],
    );
    const { rows } = await this.db.query<{ secret: string }>(
      'SELECT secret FROM camera_token_key WHERE id = 1',
    );
    return rows[0]?.secret ?? fresh;
  }
}
