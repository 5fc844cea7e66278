import type { Queryable } from '@ioc/db';
import type { WallDisplay, WallScene } from '@ioc/contracts';

export interface StoredWallConfig {
  unitCode: string;
  rotate: boolean;
  scenes: WallScene[];
  /** null: never set (the default display). */
  display: WallDisplay | null;
  updatedAt: Date;
  updatedBy: string;
}

interface Row {
  unit_code: string;
  rotate: boolean;
  scenes: WallScene[];
  display: WallDisplay | null;
  updated_at: Date;
  updated_by: string;
}

function toStored(r: Row): StoredWallConfig {
  return {
    unitCode: r.unit_code,
    rotate: r.rotate,
    scenes: r.scenes,
    display: r.display,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/** wall_config (migration 0031): one row per unit that has its own scenes. */
export class WallConfigRepository {
  constructor(private readonly db: Queryable) {}

  async get(unitCode: string): Promise<StoredWallConfig | null> {
    const { rows } = await this.db.query<Row>(
      'SELECT unit_code, rotate, scenes, display, updated_at, updated_by FROM wall_config WHERE unit_code = $1',
      [unitCode],
    );
    return rows[0] ? toStored(rows[0]) : null;
  }

  async put(c: {
    unitCode: string;
    rotate: boolean;
    scenes: WallScene[];
    display: WallDisplay | null;
    updatedBy: string;
  }): Promise<StoredWallConfig> {
    const { rows } = await this.db.query<Row>(
      `INSERT INTO wall_config (unit_code, rotate, scenes, display, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, now(), $5)
       ON CONFLICT (unit_code) DO UPDATE
         SET rotate = EXCLUDED.rotate, scenes = EXCLUDED.scenes, display = EXCLUDED.display,
             updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       RETURNING unit_code, rotate, scenes, display, updated_at, updated_by`,
      [
        c.unitCode,
        c.rotate,
        JSON.stringify(c.scenes),
        c.display === null ? null : JSON.stringify(c.display),
        c.updatedBy,
      ],
    );
    const row = rows[0];
    if (!row) throw new Error('wall_config upsert returned no row');
    return toStored(row);
  }
}
