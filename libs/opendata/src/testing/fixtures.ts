import type { AuditEvent } from '@ioc/contracts';
import { createMigratedPglite, type DisposableDb, type Queryable } from '@ioc/db';

// Test-only: a migrated PGlite with two wards of Đà Nẵng, devices of two kinds (one retired),
// two indicators, and an audit sink that keeps what it is given.

export interface Actor {
  actor: string;
}
export const ADMIN: Actor = { actor: 'admin-1' };

export class RecordingAudit {
  readonly events: { actor: Actor; event: AuditEvent }[] = [];
  record(actor: Actor, event: AuditEvent): Promise<void> {
    this.events.push({ actor, event });
    return Promise.resolve();
  }
}

const square = (x: number, y: number) => ({
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [x, y],
        [x + 0.0123456789, y],
        [x + 0.0123456789, y + 0.01],
        [x, y],
      ],
    ],
  ],
});

export async function openDataTestDb(): Promise<DisposableDb> {
  const db = await createMigratedPglite();
  await db.query(
    `INSERT INTO admin_unit (code, name, short_name, name_en, level, parent_code, name_folded, geom)
     VALUES ('48', 'Thành phố Đà Nẵng', 'Đà Nẵng', 'Da Nang City', 'province', NULL, 'da nang', NULL),
            ('20314', 'Phường Hải Châu', 'Hải Châu', NULL, 'ward', '48', 'hai chau', $1),
            ('20275', 'Phường An Hải', 'An Hải', NULL, 'ward', '48', 'an hai', $2)`,
    [JSON.stringify(square(108.2, 16.05)), JSON.stringify(square(108.23, 16.06))],
  );
  const device = (id: string, kind: string, unit: string, retired = false) =>
    db.query(
      `INSERT INTO device (id, kind, unit_code, lon, lat, token_hash, decommissioned_at)
       VALUES ($1, $2, $3, 108.2, 16.05, $1 || '-hash', CASE WHEN $4 THEN now() END)`,
      [id, kind, unit, retired],
    );
  await device('aq-1', 'air_quality', '20314');
  await device('aq-2', 'air_quality', '20275');
  await device('aq-old', 'air_quality', '20314', true);
  await device('wl-1', 'water_level', '20275');
  const indicator = (code: string, vi: string, en: string) =>
    db.query(
      `INSERT INTO indicator (code, name_vi, name_en, domain, unit, direction, rollup, measured_at,
                              lead_agency_vi)
       VALUES ($1, $2, $3, 'digital', 'percent', 'higher_is_better', 'ratio', ARRAY['commune'],
               'Sở KH&CN')`,
      [code, vi, en],
    );
  await indicator('dvc.online', 'Tỷ lệ hồ sơ trực tuyến', 'Online applications share');
  await indicator('dvc.secret', 'Chỉ tiêu nội bộ', 'Internal indicator');
  return db;
}

/** Publishes entries straight into the table (what the service's update writes). */
export async function publish(
  db: Queryable,
  rows: [subject: string, key: string, pub: boolean][],
): Promise<void> {
  for (const [subject, key, pub] of rows) {
    await db.query(
      `INSERT INTO open_publication (subject, key, public) VALUES ($1, $2, $3)
       ON CONFLICT (subject, key) DO UPDATE SET public = EXCLUDED.public`,
      [subject, key, pub],
    );
  }
}
