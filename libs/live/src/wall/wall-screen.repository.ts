import type { Queryable } from '@ioc/db';

export interface StoredScreen {
  tokenId: string;
  tile: number;
  tokenName: string;
  unitCode: string;
  tiles: { cols: number; rows: number };
  sceneId: string | null;
  sceneKind: string | null;
  viewport: { width: number; height: number };
  kiosk: boolean;
  build: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

interface Row {
  token_id: string;
  tile: number;
  token_name: string;
  unit_code: string;
  tiles_cols: number;
  tiles_rows: number;
  scene_id: string | null;
  scene_kind: string | null;
  viewport_w: number;
  viewport_h: number;
  kiosk: boolean;
  build: string | null;
  first_seen_at: Date;
  last_seen_at: Date;
}

const COLUMNS = `token_id, tile, token_name, unit_code, tiles_cols, tiles_rows, scene_id, scene_kind,
  viewport_w, viewport_h, kiosk, build, first_seen_at, last_seen_at`;

function toStored(r: Row): StoredScreen {
  return {
    tokenId: r.token_id,
    tile: r.tile,
    tokenName: r.token_name,
    unitCode: r.unit_code,
    tiles: { cols: r.tiles_cols, rows: r.tiles_rows },
    sceneId: r.scene_id,
    sceneKind: r.scene_kind,
    viewport: { width: r.viewport_w, height: r.viewport_h },
    kiosk: r.kiosk,
    build: r.build,
    firstSeenAt: new Date(r.first_seen_at),
    lastSeenAt: new Date(r.last_seen_at),
  };
}

/** wall_screen (migration 0064): one row per (display token, tile), last report wins. */
export class WallScreenRepository {
  constructor(private readonly db: Queryable) {}

  /** Records a report; `at` becomes last seen (and first seen for a new screen). */
  async upsert(s: Omit<StoredScreen, 'firstSeenAt' | 'lastSeenAt'>, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO wall_screen (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
       ON CONFLICT (token_id, tile) DO UPDATE
         SET token_name = EXCLUDED.token_name, unit_code = EXCLUDED.unit_code,
             tiles_cols = EXCLUDED.tiles_cols, tiles_rows = EXCLUDED.tiles_rows,
             scene_id = EXCLUDED.scene_id, scene_kind = EXCLUDED.scene_kind,
             viewport_w = EXCLUDED.viewport_w, viewport_h = EXCLUDED.viewport_h,
             kiosk = EXCLUDED.kiosk, build = EXCLUDED.build,
             last_seen_at = EXCLUDED.last_seen_at`,
      [
        s.tokenId,
        s.tile,
        s.tokenName,
        s.unitCode,
        s.tiles.cols,
        s.tiles.rows,
        s.sceneId,
        s.sceneKind,
        s.viewport.width,
        s.viewport.height,
        s.kiosk,
        s.build,
        at,
      ],
    );
  }

  /** Every screen ever heard, by token name and tile. */
  async list(): Promise<StoredScreen[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM wall_screen ORDER BY token_name, token_id, tile`,
    );
    return rows.map(toStored);
  }
}
