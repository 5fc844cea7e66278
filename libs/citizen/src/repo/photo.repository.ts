import type { CitizenPhotoKind } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { ProcessedPhoto } from '../intake/photo-processing';

export interface CitizenPhotoRef {
  id: string;
  kind: CitizenPhotoKind;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** citizen_photo: re-encoded JPEG bytes of each case. */
export class PhotoRepository {
  constructor(private readonly db: Queryable) {}

  async insert(
    reportId: string,
    kind: CitizenPhotoKind,
    p: ProcessedPhoto,
    at: Date,
  ): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO citizen_photo (report_id, kind, content_type, width, height, data, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text AS id`,
      [reportId, kind, p.contentType, p.width, p.height, p.data, at],
    );
    return rows[0]?.id ?? '';
  }

  /** Photos of a case, report photos first, each kind in the order sent. */
  async refs(reportId: string): Promise<CitizenPhotoRef[]> {
    const { rows } = await this.db.query<CitizenPhotoRef>(
      `SELECT id::text AS id, kind FROM citizen_photo WHERE report_id = $1
       ORDER BY kind = 'resolution', created_at, id`,
      [reportId],
    );
    return rows;
  }

  /** One photo of one case (a photo id of another case is not found). */
  async get(
    reportId: string,
    photoId: string,
  ): Promise<{ contentType: string; data: Buffer } | null> {
    if (!UUID.test(photoId)) return null;
    const { rows } = await this.db.query<{ contentType: string; data: Uint8Array }>(
      `SELECT content_type AS "contentType", data FROM citizen_photo
       WHERE report_id = $1 AND id = $2`,
      [reportId, photoId],
    );
    const row = rows[0];
    return row ? { contentType: row.contentType, data: Buffer.from(row.data) } : null;
  }
}
