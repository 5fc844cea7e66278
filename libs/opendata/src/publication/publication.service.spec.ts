import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '@ioc/contracts';
import type { DisposableDb } from '@ioc/db';
import { ADMIN, openDataTestDb, RecordingAudit, type Actor } from '../testing/fixtures';
import type { PublicSnapshot } from './public-snapshot';
import { PublicationService } from './publication.service';

describe('PublicationService', () => {
  let db: DisposableDb;
  let audit: RecordingAudit;
  let changes: PublicSnapshot[];
  let service: PublicationService<Actor>;

  // One migrated database for the suite (migrating PGlite takes seconds); each test starts
  // from "nothing published" and the migration's settings.
  beforeAll(async () => {
    db = await openDataTestDb();
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await db.query('DELETE FROM open_publication');
    await db.query(
      `UPDATE open_data_setting SET position_decimals = 3, licence_id = 'CC-BY-4.0',
         licence_url = 'https://creativecommons.org/licenses/by/4.0/', updated_by = NULL`,
    );
    audit = new RecordingAudit();
    changes = [];
    service = new PublicationService<Actor>(db, { audit, onChanged: (s) => changes.push(s) });
    await service.refresh();
  });

  const publicIds = (s: { id?: string; code?: string; key?: string; public: boolean }[]) =>
    s.filter((x) => x.public).map((x) => x.id ?? x.code ?? x.key);

  it('publishes nothing by default', async () => {
    const state = await service.state();
    expect(state.devices.map((d) => d.id)).toEqual(['aq-1', 'aq-2', 'aq-old', 'wl-1']);
    expect(publicIds(state.devices)).toEqual([]);
    expect(publicIds(state.metrics)).toEqual([]);
    expect(publicIds(state.indicators)).toEqual([]);
    expect(state.deviceKinds).toEqual([
      { key: 'air_quality', devices: 2, public: false },
      { key: 'water_level', devices: 1, public: false },
    ]);
    expect(state.settings).toMatchObject({ positionDecimals: 3, licenceId: 'CC-BY-4.0' });
    expect(service.current().devices.size).toBe(0);
  });

  it('follows the kind unless a device has its own switch; a retired device is never public', async () => {
    const state = await service.update(
      [
        { subject: 'device_kind', key: 'air_quality', public: true },
        { subject: 'device', key: 'aq-2', public: false },
        { subject: 'device', key: 'wl-1', public: true },
        { subject: 'metric', key: 'pm25', public: true },
        { subject: 'indicator', key: 'dvc.online', public: true },
      ],
      ADMIN,
    );
    expect(publicIds(state.devices)).toEqual(['aq-1', 'wl-1']);
    expect(state.devices.find((d) => d.id === 'aq-2')).toMatchObject({ own: false, public: false });
    expect(state.devices.find((d) => d.id === 'aq-1')).toMatchObject({ own: null, public: true });
    expect(publicIds(state.metrics)).toEqual(['pm25']);
    expect(publicIds(state.indicators)).toEqual(['dvc.online']);

    // The snapshot is the views' answer, refreshed by the change and announced.
    const snap = service.current();
    expect([...snap.devices]).toEqual(['aq-1', 'wl-1']);
    expect([...snap.metrics]).toEqual(['pm25']);
    expect([...snap.indicators]).toEqual(['dvc.online']);
    expect(changes.at(-1)).toBe(snap);

    // Removing the device's own row: it follows its (public) kind again.
    const after = await service.update([{ subject: 'device', key: 'aq-2', public: null }], ADMIN);
    expect(publicIds(after.devices)).toEqual(['aq-1', 'aq-2', 'wl-1']);
  });

  it('audits what changed, before and after, and nothing for a no-op', async () => {
    await service.update([{ subject: 'metric', key: 'pm25', public: true }], ADMIN);
    await service.update([{ subject: 'metric', key: 'pm25', public: true }], ADMIN);
    expect(audit.events).toHaveLength(1);
    expect(audit.events[0]).toEqual({
      actor: ADMIN,
      event: {
        action: 'open_data.publication.update',
        targetKind: 'open_publication',
        detail: { changes: [{ subject: 'metric', key: 'pm25', before: null, after: true }] },
      },
    });
    const { rows } = await db.query<{ updated_by: string }>(
      "SELECT updated_by FROM open_publication WHERE key = 'pm25'",
    );
    expect(rows[0]?.updated_by).toBe('admin-1');
  });

  it('refuses unknown subjects and duplicates, each with its path, and changes nothing', async () => {
    const err = await service
      .update(
        [
          { subject: 'device', key: 'nope', public: true },
          { subject: 'metric', key: 'pm25', public: true },
          { subject: 'indicator', key: 'nope', public: false },
          { subject: 'metric', key: 'pm25', public: false },
          { subject: 'device', key: 'gone-long-ago', public: null },
        ],
        ADMIN,
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).details?.issues.map((i) => i.path)).toEqual([
      'entries.3',
      'entries.0.key',
      'entries.2.key',
    ]);
    const { rows } = await db.query('SELECT * FROM open_publication');
    expect(rows).toEqual([]);
    expect(audit.events).toEqual([]);
  });

  it('updates the settings (position decimals may go back to exact), audited', async () => {
    const s = await service.updateSettings(
      { positionDecimals: null, licenceId: 'ODC-BY-1.0' },
      ADMIN,
    );
    expect(s).toMatchObject({
      positionDecimals: null,
      licenceId: 'ODC-BY-1.0',
      licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
      updatedBy: 'admin-1',
    });
    expect(service.current().positionDecimals).toBeNull();
    const kept = await service.updateSettings(
      { licenceUrl: 'https://opendatacommons.org/licenses/by/1-0/' },
      ADMIN,
    );
    expect(kept.positionDecimals).toBeNull();
    expect(audit.events.map((e) => e.event.action)).toEqual([
      'open_data.settings.update',
      'open_data.settings.update',
    ]);
    expect(audit.events[0]?.event.detail).toMatchObject({
      before: { positionDecimals: 3 },
      after: { positionDecimals: null, licenceId: 'ODC-BY-1.0' },
    });
  });
});
