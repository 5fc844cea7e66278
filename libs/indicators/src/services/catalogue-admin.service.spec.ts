import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, failure, fixtureIndicatorUnits, type TestDb } from '../testing/pglite';
import { CatalogueAdminService } from './catalogue-admin.service';

const AT = new Date('2026-04-20T03:00:00Z');
const NEW_INDICATOR = {
  code: 'dx.ward_test_indicator',
  nameVi: 'Chỉ tiêu thử',
  nameEn: 'Test indicator',
  domain: 'digital_transformation',
  unit: 'percent',
  direction: 'higher_is_better',
  rollup: 'ratio',
  numeratorVi: 'Tử',
  denominatorVi: 'Mẫu',
  measuredAt: ['province', 'commune'],
  leadAgencyVi: 'Sở KH&CN',
  notes: null,
};

describe('CatalogueAdminService on PostgreSQL (PGlite)', { timeout: 120_000 }, () => {
  let db: TestDb;
  let service: CatalogueAdminService;
  const units = fixtureIndicatorUnits();

  beforeAll(async () => {
    db = await createTestDb({ catalogue: true });
    service = new CatalogueAdminService(db, units, { clock: () => AT });
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('lists the catalogue by domain and level, with its sources', async () => {
    const all = await service.catalogue({});
    expect(all.asOf).toBe(AT.toISOString());
    // The 153 of the catalogue file and the 2 citizen-report indicators of migration 0050.
    expect(all.items).toHaveLength(155);
    expect(all.sources).toHaveLength(4);
    const dx = await service.catalogue({ domain: 'dx', level: 'ward' });
    expect(dx.items.length).toBeGreaterThan(0);
    expect(
      dx.items.every((i) => i.code.startsWith('dx.') && i.measuredAt.includes('commune')),
    ).toBe(true);
    expect((await failure(service.catalogue({ level: 'village' }))).code).toBe('LEVEL_INVALID');
  });

  it('answers one indicator with its targets, and not_found for an unknown code', async () => {
    const one = await service.indicator('dx.vneid_accounts');
    expect(one.indicator.unit).toBe('percent');
    expect(one.targets.every((t) => t.indicator === 'dx.vneid_accounts')).toBe(true);
    expect(one.targets.length).toBeGreaterThan(0);
    const err = await failure(service.indicator('dx.nope'));
    expect([err.kind, err.code]).toEqual(['not_found', 'INDICATOR_NOT_FOUND']);
  });

  it('adds an indicator once, logged with who and why; refuses a duplicate and bad input', async () => {
    const created = await service.createIndicator(
      { indicator: NEW_INDICATOR, why: 'kế hoạch mới' },
      'admin@danang',
    );
    expect(created.code).toBe(NEW_INDICATOR.code);
    const dup = await failure(
      service.createIndicator({ indicator: NEW_INDICATOR, why: 'lần hai' }, 'admin@danang'),
    );
    expect([dup.kind, dup.code]).toEqual(['conflict', 'INDICATOR_EXISTS']);
    const bad = await failure(service.createIndicator({ indicator: NEW_INDICATOR }, 'x'));
    expect([bad.kind, bad.code]).toEqual(['invalid', 'INDICATOR_INVALID']);

    const { items } = await service.changes({ entity: 'indicator', key: NEW_INDICATOR.code });
    expect(items.map((c) => [c.action, c.changedBy, c.reason])).toEqual([
      ['create', 'admin@danang', 'kế hoạch mới'],
    ]);
  });

  it('edits descriptive fields only, and says which indicator is unknown', async () => {
    const edited = await service.updateIndicator(
      NEW_INDICATOR.code,
      { notes: 'ghi chú', why: 'bổ sung' },
      'lead@hai-van',
    );
    expect(edited.notes).toBe('ghi chú');
    const err = await failure(service.updateIndicator('dx.nope', { notes: 'x', why: 'thử' }, 'a'));
    expect(err.code).toBe('INDICATOR_NOT_FOUND');
    expect(
      (await failure(service.updateIndicator(NEW_INDICATOR.code, { why: 'thử' }, 'a'))).code,
    ).toBe('INDICATOR_INVALID');
  });

  it('creates, edits and retires a target; checks the unit through the units port', async () => {
    const before = units.calls;
    const unknownUnit = await failure(
      service.createTarget(
        {
          indicator: NEW_INDICATOR.code,
          unitCode: '99999',
          year: 2030,
          op: '>=',
          value: 5,
          why: 'kế hoạch',
        },
        'admin',
      ),
    );
    expect([unknownUnit.kind, unknownUnit.code]).toEqual(['invalid', 'UNIT_UNKNOWN']);
    expect(units.calls).toBe(before + 1);
    const unknownIndicator = await failure(
      service.createTarget(
        {
          indicator: 'dx.nope',
          unitCode: '20194',
          year: 2030,
          op: '>=',
          value: 5,
          why: 'kế hoạch',
        },
        'admin',
      ),
    );
    expect(unknownIndicator.code).toBe('INDICATOR_NOT_FOUND');
    const badSource = await failure(
      service.createTarget(
        {
          indicator: NEW_INDICATOR.code,
          unitCode: '20194',
          year: 2030,
          op: '>=',
          value: 5,
          source: 'NO-SUCH-DOC',
          why: 'kế hoạch',
        },
        'admin',
      ),
    );
    expect([badSource.kind, badSource.code]).toEqual(['invalid', 'REFERENCE_UNKNOWN']);

    const target = await service.createTarget(
      {
        indicator: NEW_INDICATOR.code,
        unitCode: '20194',
        year: 2030,
        op: '>=',
        value: 50,
        why: 'kế hoạch',
      },
      'admin',
    );
    expect(target).toMatchObject({ op: '>=', value: 50, unitCode: '20194', retiredAt: null });
    const moved = await service.updateTarget(
      target.id,
      { max: 60, op: 'between', min: 50, why: 'sửa' },
      'admin',
    );
    expect(moved).toMatchObject({ op: 'between', min: 50, max: 60, year: 2030 });
    const wrong = await failure(
      service.updateTarget(target.id, { op: 'reached', value: 3, why: 'sửa' }, 'a'),
    );
    expect([wrong.kind, wrong.code]).toEqual(['invalid', 'TARGET_INVALID']);

    const listed = await service.targets({ indicator: NEW_INDICATOR.code, unit: '20194, 48' });
    expect(listed.items.map((t) => t.id)).toEqual([target.id]);
    await service.retireTarget(target.id, { why: 'bỏ' }, 'admin');
    expect((await service.targets({ indicator: NEW_INDICATOR.code })).items).toEqual([]);
    expect(
      (await service.targets({ indicator: NEW_INDICATOR.code, retired: true })).items,
    ).toHaveLength(1);
    expect((await failure(service.retireTarget(target.id, { why: 'bỏ' }, 'admin'))).code).toBe(
      'TARGET_NOT_FOUND',
    );
    expect(
      (await failure(service.updateTarget(target.id, { year: 2031, why: 'sửa' }, 'a'))).code,
    ).toBe('TARGET_NOT_FOUND');

    const log = await service.changes({ entity: 'target', key: String(target.id), limit: '10' });
    expect(log.items.map((c) => c.action)).toEqual(['retire', 'update', 'create']);
  });

  it('refuses an unknown entity or a bad limit in the change log query', async () => {
    expect((await failure(service.changes({ entity: 'feed' }))).code).toBe('ENTITY_INVALID');
    expect((await failure(service.changes({ limit: '0' }))).code).toBe('LIMIT_INVALID');
  });
});
