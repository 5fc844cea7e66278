import type { Queryable } from '@ioc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUnits } from './import.service';
import { computeNeighbours } from './simplify';
import { createTestDb, type TestDb } from './testing/pglite';
import { realWards, seedUnits } from './testing/shared-data';
import type { ImportedUnit, UnitRecord } from './types';
import { UnitsRepository } from './units.repository';

const square = (x: number, y: number, s: number): number[][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const feature = (code: string, fullName: string, ring: number[][]) => ({
  type: 'Feature',
  properties: { code, fullName, provinceCode: '75' },
  geometry: { type: 'Polygon', coordinates: [ring] },
});

// One in-process PostgreSQL for the whole file: it takes seconds to start.
describe('UnitsRepository and importUnits on PostgreSQL (PGlite)', { timeout: 120_000 }, () => {
  let db: TestDb;
  let repo: UnitsRepository;
  let wards: ImportedUnit[] = [];
  let seed: UnitRecord[] = [];
  const count = async (): Promise<number> =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_unit')).rows[0]!.n;

  beforeAll(async () => {
    [db, wards, seed] = await Promise.all([createTestDb(), realWards('48_da_nang'), seedUnits()]);
    repo = new UnitsRepository(db);
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('upserts idempotently and reports inserted, updated and unchanged', async () => {
    const province = seed.find((u) => u.code === '48')!;
    const units: UnitRecord[] = [province, ...wards];
    expect(await repo.diff(units)).toMatchObject({ updated: [], unchanged: [] });
    expect(await repo.upsert(units)).toEqual({ inserted: 95, updated: 0, unchanged: 0 });
    expect(await repo.upsert(units)).toEqual({ inserted: 0, updated: 0, unchanged: 95 });

    const renamed = units.map((u) => (u.code === '20314' ? { ...u, nameEn: 'Hoa Xuan Ward' } : u));
    const diff = await repo.diff(renamed);
    expect(diff.updated).toEqual(['20314']);
    expect(diff.unchanged).toHaveLength(94);
    expect(await repo.upsert(renamed)).toEqual({ inserted: 0, updated: 1, unchanged: 94 });
    expect(await repo.upsert(units)).toEqual({ inserted: 0, updated: 1, unchanged: 94 });
    await expect(repo.upsert([province, province])).rejects.toThrow(/48 appears twice/);
  });

  it('lists, gets and returns geometries', async () => {
    expect(await repo.list({ parentCode: '48' })).toHaveLength(94);
    expect((await repo.list({ parentCode: null })).map((u) => u.code)).toEqual(['48']);
    expect((await repo.list({ level: 'special_zone' })).map((u) => u.code)).toEqual(['20333']);
    expect(await repo.get('20314')).toEqual({
      code: '20314',
      name: 'Phường Hoà Xuân',
      shortName: 'Hoà Xuân',
      nameEn: 'Hoa Xuan',
      level: 'ward',
      parentCode: '48',
      label: wards.find((w) => w.code === '20314')!.label,
      areaKm2: 27.96,
      population: null,
      approximate: false,
    });
    expect(await repo.get('99999')).toBeNull();
    const geometry = await repo.getGeometry('20333');
    expect(geometry).toEqual(wards.find((w) => w.code === '20333')!.geometry);
    expect(await repo.getGeometry('48')).toBeNull();
    const leaves = await repo.leafGeometries();
    expect(leaves).toHaveLength(94);
    expect(await repo.leafGeometries('75')).toEqual([]);
    const folded = await db.query<{ name_folded: string }>(
      "SELECT name_folded FROM admin_unit WHERE code = '20314'",
    );
    expect(folded.rows[0]?.name_folded).toBe('phuong hoa xuan');
  });

  it('computes neighbours from shared borders', async () => {
    const expected = computeNeighbours(wards).get('20314');
    expect(await repo.neighbours('20314')).toEqual(expected);
    expect(await repo.neighbours('20333')).toEqual([]);
    expect(await repo.neighbours('99999')).toEqual([]);
  });

  it("bounds a unit by its own box and its wards' (a province stored without geometry too)", async () => {
    const anHai = await repo.bounds('20275');
    // Phường An Hải in the shared boundaries: 108.226433, 16.05106 – 108.247897, 16.088931.
    expect(anHai?.map((v) => Math.round(v * 1e4) / 1e4)).toEqual([
      108.2264, 16.0511, 108.2479, 16.0889,
    ]);
    const province = await repo.bounds('48');
    expect(province).not.toBeNull();
    const [w, s, e, n] = province ?? [0, 0, 0, 0];
    expect(w < 108.2264 && s < 16.0511 && e > 108.2479 && n > 16.0889).toBe(true);
    expect(await repo.bounds('99999')).toBeNull();
  });

  it('keeps a stored population when an import carries none', async () => {
    await db.query("UPDATE admin_unit SET population = 12345 WHERE code = '20197'");
    const changed = wards.map((u) =>
      u.code === '20197' ? { ...u, nameEn: 'Lien Chieu Ward' } : u,
    );
    await repo.upsert(changed);
    expect((await repo.get('20197'))?.population).toBe(12345);
  });

  describe('importUnits', () => {
    const province = {
      type: 'Feature',
      properties: { code: '75', fullName: 'Thành phố Đồng Nai' },
      geometry: { type: 'Polygon', coordinates: [square(106.8, 10.9, 0.3)] },
    };

    it('writes nothing when any feature is refused', async () => {
      const before = await count();
      db.statements.length = 0;
      const outcome = await importUnits(db, {
        name: 'bad.geojson',
        data: {
          type: 'FeatureCollection',
          features: [
            province,
            feature('26041', 'Phường Trấn Biên', square(106.85, 10.95, 0.01)),
            feature('26068', 'Phường Biên Hoà', square(585000, 1210000, 900)),
          ],
        },
      });
      expect(outcome).toMatchObject({
        ok: false,
        errors: [{ featureIndex: 2, reason: 'not_wgs84' }],
      });
      expect(await count()).toBe(before);
      expect(db.statements.filter((s) => /INSERT|BEGIN/.test(s))).toEqual([]);
    });

    it('reports a dry run without writing', async () => {
      db.statements.length = 0;
      const outcome = await importUnits(
        db,
        {
          name: 'ok.geojson',
          data: {
            type: 'FeatureCollection',
            features: [province, feature('26041', 'Phường Trấn Biên', square(106.85, 10.95, 0.01))],
          },
        },
        { dryRun: true },
      );
      expect(outcome).toEqual({
        ok: true,
        dryRun: true,
        units: 2,
        diff: { inserted: ['75', '26041'], updated: [], unchanged: [] },
      });
      expect(db.statements.filter((s) => /INSERT|BEGIN/.test(s))).toEqual([]);
    });

    it('writes in one transaction, own or given, and rolls back on failure', async () => {
      const source = {
        name: 'ok.geojson',
        data: {
          type: 'FeatureCollection',
          features: [province, feature('26041', 'Phường Trấn Biên', square(106.85, 10.95, 0.01))],
        },
      };
      const failing: Queryable = {
        query: async (text, values) => {
          if (text.includes('INSERT INTO admin_unit')) throw new Error('disk full');
          return db.query(text, values);
        },
      };
      db.statements.length = 0;
      await expect(importUnits(failing, source)).rejects.toThrow('disk full');
      expect(db.statements).toContain('ROLLBACK');
      expect(await repo.get('26041')).toBeNull();

      db.statements.length = 0;
      expect(await importUnits(db, source)).toEqual({
        ok: true,
        dryRun: false,
        units: 2,
        counts: { inserted: 2, updated: 0, unchanged: 0 },
      });
      expect(db.statements).toContain('BEGIN');
      expect(db.statements).toContain('COMMIT');

      let wrapped = 0;
      const outcome = await importUnits(db, source, {
        withTransaction: async (fn) => {
          wrapped++;
          return fn(db);
        },
      });
      expect(wrapped).toBe(1);
      expect(outcome).toMatchObject({ counts: { inserted: 0, updated: 0, unchanged: 2 } });
    });

    it('knows stored provinces as parents and checks containment against their boundary', async () => {
      const outside = await importUnits(db, {
        name: 'far.geojson',
        data: feature('26068', 'Phường Biên Hoà', square(107.5, 11.5, 0.01)),
      });
      expect(outside).toMatchObject({
        ok: false,
        errors: [{ reason: 'outside_parent', code: '26068' }],
      });
      const inside = await importUnits(db, {
        name: 'near.geojson',
        data: feature('26068', 'Phường Biên Hoà', square(106.9, 10.95, 0.01)),
      });
      expect(inside).toMatchObject({ ok: true, counts: { inserted: 1 } });
    });
  });
});
