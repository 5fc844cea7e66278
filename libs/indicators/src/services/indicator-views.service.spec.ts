import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedRepository } from '../repo/feed.repository';
import { fixtureLookup } from '../testing/fixtures';
import { createTestDb, failure, fixtureIndicatorUnits, type TestDb } from '../testing/pglite';
import { IndicatorViewsService } from './indicator-views.service';
import { ReportIntakeService } from './report-intake.service';

const VNEID = 'dx.vneid_accounts';

describe('IndicatorViewsService on PostgreSQL (PGlite)', { timeout: 120_000 }, () => {
  let db: TestDb;
  let service: IndicatorViewsService;
  const units = fixtureIndicatorUnits();

  beforeAll(async () => {
    db = await createTestDb({ catalogue: true });
    const { key } = await new FeedRepository(db).create(
      {
        code: 'dn-wards',
        name: 'x',
        cadence: 'monthly',
        allowedIndicators: null,
        allowedUnits: null,
      },
      { who: 'admin', why: 'test' },
    );
    // Two wards report March; one ward corrects its figure a week later.
    const send = (at: string, csv: string) =>
      new ReportIntakeService(
        db,
        units,
        { insertMany: () => Promise.resolve() },
        {
          clock: () => new Date(at),
        },
      ).submitReport({
        feedCode: 'dn-wards',
        key,
        body: Buffer.from(`Mã chỉ tiêu;Mã xã;Kỳ;Tử số;Mẫu số\n${csv}`),
        contentType: 'text/csv',
        filename: 'thang3.csv',
        submittedBy: null,
        language: 'vi',
      });
    await send(
      '2026-04-05T03:00:00Z',
      `${VNEID};20194;2026-03;80;100\n${VNEID};20197;2026-03;90;100\n`,
    );
    await send('2026-04-12T03:00:00Z', `${VNEID};20194;2026-03;85;100\n`);
    service = new IndicatorViewsService(db, units, {
      clock: () => new Date('2026-04-20T03:00:00Z'),
    });
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it("answers a ward's scorecard for the year with its current value", async () => {
    const card = await service.scorecard({ unit: '20194' });
    expect(card.year).toBe(2026);
    expect(card.unit).toEqual({
      code: '20194',
      name: fixtureLookup().get('20194')?.name,
      level: 'ward',
      parentCode: '48',
    });
    const item = card.items.find((i) => i.indicator === VNEID);
    expect(item).toMatchObject({ nameEn: expect.any(String), unit: 'percent', rollup: 'ratio' });
    expect(item?.value).toMatchObject({ period: '2026-03', value: 85, used: 'own' });
    const counted = Object.values(card.summary).reduce((n, k) => n + k, 0);
    expect(counted).toBe(card.items.length);
    const all = await service.scorecard({ unit: '20194', year: '2026', all: true });
    expect(all.items.length).toBeGreaterThanOrEqual(card.items.length);
  });

  it('rolls the wards up for the province (Σ numerators / Σ denominators)', async () => {
    const card = await service.scorecard({ unit: '48', year: '2026' });
    const item = card.items.find((i) => i.indicator === VNEID);
    expect(item?.value).toMatchObject({ value: 87.5, used: 'rolled_up' });
  });

  it('refuses a scorecard without a unit, for an unknown unit or a bad year', async () => {
    expect((await failure(service.scorecard({ unit: undefined }))).code).toBe('UNIT_REQUIRED');
    const unknown = await failure(service.scorecard({ unit: '99999' }));
    expect([unknown.kind, unknown.code]).toEqual(['not_found', 'UNIT_NOT_FOUND']);
    expect((await failure(service.scorecard({ unit: '48', year: '26' }))).code).toBe(
      'YEAR_INVALID',
    );
  });

  it('maps one indicator across the wards of a province for a period', async () => {
    const map = await service.choropleth(VNEID, { province: '48', period: '2026-03' });
    expect(map).toMatchObject({ indicator: VNEID, year: 2026, period: '2026-03' });
    expect(map.cells).toHaveLength(fixtureLookup().childrenOf('48').length);
    expect(map.cells.find((c) => c.unitCode === '20194')).toMatchObject({ value: 85 });
    expect(map.cells.find((c) => c.unitCode === '20200')).toMatchObject({ value: null });
    expect(map.province).toMatchObject({ unitCode: '48', value: 87.5 });
    const year = await service.choropleth(VNEID, { province: '48' });
    expect(year.period).toBeNull();
  });

  it('refuses a choropleth of a ward, of an unknown indicator or for a bad period', async () => {
    const ward = await failure(service.choropleth(VNEID, { province: '20194' }));
    expect([ward.kind, ward.code]).toEqual(['invalid', 'UNIT_NOT_PROVINCE']);
    expect((await failure(service.choropleth('dx.nope', { province: '48' }))).code).toBe(
      'INDICATOR_NOT_FOUND',
    );
    expect(
      (await failure(service.choropleth(VNEID, { province: '48', period: 'tháng ba' }))).code,
    ).toBe('PERIOD_INVALID');
  });

  it("gives a unit's history with the replaced version and who sent it", async () => {
    const h = await service.history(VNEID, { unit: '20194' });
    expect(h).toMatchObject({ indicator: VNEID, unit: { code: '20194' } });
    expect(h.periods).toHaveLength(1);
    const [march] = h.periods;
    expect(march).toMatchObject({ period: '2026-03', value: 85, current: { value: 85 } });
    expect(march?.versions.map((v) => [v.value, v.current])).toEqual([
      [85, true],
      [80, false],
    ]);
    expect(march?.current?.replaced).toMatchObject({ value: 80 });
    expect((await service.history(VNEID, { unit: '20194', period: '2026-02' })).periods).toEqual(
      [],
    );
    expect((await failure(service.history(VNEID, { unit: '20194', period: 'x' }))).code).toBe(
      'PERIOD_INVALID',
    );
  });
});
