import type { Queryable } from '@ioc/db';
import type { ArchiveInfo, ArchiveTileType } from './archive-info';

/** The active archive as stored: its header facts, where it came from and who imported it. */
export interface ActiveArchive extends ArchiveInfo {
  /** First 16 hex digits of the SHA-256: the file name and the served URL's last part. */
  id: string;
  sha256: string;
  sizeBytes: number;
  sourceName: string;
  importedAt: string;
  importedBy: string;
}

interface Row {
  id: string;
  sha256: string;
  size_bytes: string;
  tile_type: ArchiveTileType;
  min_zoom: number;
  max_zoom: number;
  bbox_west: number;
  bbox_south: number;
  bbox_east: number;
  bbox_north: number;
  source_name: string;
  imported_at: Date;
  imported_by: string;
}

/** basemap_archive (migration 0063): one row at most, the archive in use. */
export class BasemapArchiveRepository {
  constructor(private readonly db: Queryable) {}

  async active(): Promise<ActiveArchive | null> {
    const { rows } = await this.db.query<Row>(
      `SELECT id, sha256, size_bytes::text AS size_bytes, tile_type, min_zoom, max_zoom,
              bbox_west, bbox_south, bbox_east, bbox_north, source_name, imported_at, imported_by
         FROM basemap_archive`,
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      sha256: r.sha256,
      sizeBytes: Number(r.size_bytes),
      tileType: r.tile_type,
      minZoom: r.min_zoom,
      maxZoom: r.max_zoom,
      bounds: [r.bbox_west, r.bbox_south, r.bbox_east, r.bbox_north],
      sourceName: r.source_name,
      importedAt: new Date(r.imported_at).toISOString(),
      importedBy: r.imported_by,
    };
  }

  /** Makes `a` the active archive; answers the id it replaced (null when there was none). */
  async activate(a: Omit<ActiveArchive, 'importedAt'>): Promise<string | null> {
    const { rows } = await this.db.query<{ previous: string | null }>(
      `WITH previous AS (SELECT id FROM basemap_archive)
       INSERT INTO basemap_archive (id, sha256, size_bytes, tile_type, min_zoom, max_zoom,
              bbox_west, bbox_south, bbox_east, bbox_north, source_name, imported_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (singleton) DO UPDATE SET id = EXCLUDED.id, sha256 = EXCLUDED.sha256,
              size_bytes = EXCLUDED.size_bytes, tile_type = EXCLUDED.tile_type,
              min_zoom = EXCLUDED.min_zoom, max_zoom = EXCLUDED.max_zoom,
              bbox_west = EXCLUDED.bbox_west, bbox_south = EXCLUDED.bbox_south,
              bbox_east = EXCLUDED.bbox_east, bbox_north = EXCLUDED.bbox_north,
              source_name = EXCLUDED.source_name, imported_by = EXCLUDED.imported_by,
              imported_at = now()
       RETURNING (SELECT id FROM previous) AS previous`,
      [
        a.id,
        a.sha256,
        a.sizeBytes,
        a.tileType,
        a.minZoom,
        a.maxZoom,
        ...a.bounds,
        a.sourceName,
        a.importedBy,
      ],
    );
    return rows[0]?.previous ?? null;
  }

  /** Forgets the active archive; answers its id (null when there was none). */
  async clear(): Promise<string | null> {
    const { rows } = await this.db.query<{ id: string }>(
      'DELETE FROM basemap_archive RETURNING id',
    );
    return rows[0]?.id ?? null;
  }
}
