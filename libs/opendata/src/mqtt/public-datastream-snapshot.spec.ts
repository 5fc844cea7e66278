import { createMigratedPglite, type DisposableDb } from '@ioc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicDatastreamRepository } from './public-datastream.repository';
import { PublicDatastreamSnapshot } from './public-datastream-snapshot';

// The snapshot answers what the open_public_* views decide (migration 0060), on real SQL.
describe('PublicDatastreamSnapshot on PostgreSQL (PGlite)', { timeout: 120_000 }, () => {
  let db: DisposableDb;
  let snapshot: PublicDatastreamSnapshot;
  const publish = (subject: string, key: string, pub: boolean) =>
    db.query(
      `INSERT INTO open_publication (subject, key, public) VALUES ($1, $2, $3)
       ON CONFLICT (subject, key) DO UPDATE SET public = EXCLUDED.public`,
      [subject, key, pub],
    );

  beforeAll(async () => {
    db = await createMigratedPglite();
    for (const [id, kind] of [
      ['aq-1', 'air_quality'],
      ['aq-2', 'air_quality'],
      ['wl-1', 'water_level'],
      ['aq-old', 'air_quality'],
    ])
      await db.query(
        `INSERT INTO device (id, kind, token_hash, decommissioned_at)
         VALUES ($1, $2, $3, CASE WHEN $1 = 'aq-old' THEN now() END)`,
        [id, kind, `hash-${id}`],
      );
    snapshot = new PublicDatastreamSnapshot(new PublicDatastreamRepository(db));
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('holds nothing public by default', async () => {
    await snapshot.refresh();
    expect(snapshot.isPublic('aq-1', 'pm25')).toBe(false);
  });

  it('follows the views: kind or device rows, metric rows, decommissioned devices never', async () => {
    await publish('device_kind', 'air_quality', true);
    await publish('device', 'aq-2', false);
    await publish('metric', 'pm25', true);
    await publish('metric', 'pm10', false);
    // Not seen until refreshed: the ingest path reads memory only.
    expect(snapshot.isPublic('aq-1', 'pm25')).toBe(false);
    await snapshot.refresh();
    expect({
      kindPublic: snapshot.isPublic('aq-1', 'pm25'),
      metricNotPublic: snapshot.isPublic('aq-1', 'pm10'),
      deviceOverridesKind: snapshot.isPublic('aq-2', 'pm25'),
      otherKind: snapshot.isPublic('wl-1', 'pm25'),
      decommissioned: snapshot.isPublic('aq-old', 'pm25'),
    }).toEqual({
      kindPublic: true,
      metricNotPublic: false,
      deviceOverridesKind: false,
      otherKind: false,
      decommissioned: false,
    });
    await publish('metric', 'pm25', false);
    await snapshot.refresh();
    expect(snapshot.isPublic('aq-1', 'pm25')).toBe(false);
  });
});
