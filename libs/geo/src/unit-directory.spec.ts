import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnitImportService } from './import.service';
import { createTestDb, type TestDb } from './testing/pglite';
import { UnitDirectory } from './unit-directory';

const square = (x: number, y: number, s: number): number[][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const feature = (code: string, fullName: string, ring: number[][], provinceCode = '75') => ({
  type: 'Feature',
  properties: { code, fullName, provinceCode },
  geometry: { type: 'Polygon', coordinates: [ring] },
});
const PROVINCE = {
  type: 'Feature',
  properties: { code: '75', fullName: 'Thành phố Đồng Nai' },
  geometry: { type: 'Polygon', coordinates: [square(106.8, 10.9, 0.3)] },
};
const collection = (...features: unknown[]) => ({
  name: 'units.geojson',
  data: { type: 'FeatureCollection', features },
});
/** Statements that read the unit tree (the directory's cache misses). */
const treeReads = (db: TestDb): number =>
  db.statements.filter((s) => s.includes('FROM admin_unit WHERE valid_to IS NULL')).length;

// One in-process PostgreSQL for the whole file: it takes seconds to start.
describe('UnitDirectory and UnitImportService on PostgreSQL (PGlite)', { timeout: 120_000 }, () => {
  let db: TestDb;
  let units: UnitDirectory;
  let importer: UnitImportService;

  beforeAll(async () => {
    db = await createTestDb();
    units = new UnitDirectory(db);
    importer = new UnitImportService(db, units);
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('answers nothing synchronously before it is loaded, and reads nothing for it', async () => {
    expect(units.parentOf('26041')).toBeNull();
    expect(units.locate(106.855, 10.955)).toBeNull();
    expect(db.statements).toEqual([]);
    expect(await units.exists('75')).toBe(false);
  });

  it('imports through the seed code table; a dry run changes nothing', async () => {
    const source = collection(
      PROVINCE,
      feature('26041', 'Phường Trấn Biên', square(106.85, 10.95, 0.01)),
      feature('26068', 'Phường Biên Hoà', square(106.9, 10.95, 0.01)),
    );
    const dry = await importer.import(source, { dryRun: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true, units: 3 });
    expect(await units.exists('26041')).toBe(false);
    const done = await importer.import(source);
    expect(done).toMatchObject({ ok: true, dryRun: false, counts: { inserted: 3 } });
    // The tree was in use (exists above), so the import re-read it before answering.
    expect(await units.exists('26041')).toBe(true);
    const refused = await importer.import(
      collection(feature('26999', 'Phường Xa', square(107.5, 11.5, 0.01))),
    );
    expect(refused).toMatchObject({ ok: false, errors: [{ reason: 'outside_parent' }] });
  });

  it('reads the tree once and shares it until invalidated', async () => {
    const before = treeReads(db);
    const [a, b] = await Promise.all([units.snapshot(), units.snapshot()]);
    expect(a).toBe(b);
    await units.get('26041');
    await units.list({ parent: '75' });
    expect(treeReads(db)).toBe(before);

    await db.query(`UPDATE admin_unit SET name = 'Phường Trấn Biên Mới' WHERE code = '26041'`);
    expect((await units.get('26041'))?.name).toBe('Phường Trấn Biên');
    units.invalidate();
    expect((await units.get('26041'))?.name).toBe('Phường Trấn Biên Mới');
    expect(treeReads(db)).toBe(before + 1);
    // A snapshot handed out before stays as it was: one request sees one tree.
    expect(a.get('26041')?.name).toBe('Phường Trấn Biên');
  });

  it('knows parents, children, descendants, levels and names', async () => {
    const tree = await units.snapshot();
    expect(tree.childrenOf('75')).toEqual(['26041', '26068']);
    expect(tree.parentOf('26068')).toBe('75');
    expect(tree.parentOf('75')).toBeNull();
    expect(await units.selfAndDescendants('75')).toEqual(['75', '26041', '26068']);
    expect(await units.selfAndDescendants('26041')).toEqual(['26041']);
    expect(await units.childrenOf('26041')).toEqual([]);
    expect((await units.list({ level: 'province' })).map((u) => u.code)).toEqual(['75']);
    expect((await units.get('26041'))?.level).toBe('ward');
    expect(await units.get('99999')).toBeNull();
    const hits = await units.search('bien hoa', { limit: 5 });
    expect(hits.map((h) => h.unit.code)).toEqual(['26068']);
    expect((await units.search('phuong', { limit: 5, parent: '75' })).length).toBe(2);
  });

  it('locates points after load; offshore is no unit', async () => {
    await units.load();
    expect(units.parentOf('26041')).toBe('75');
    expect(units.locate(106.855, 10.955)).toBe('26041');
    expect(units.locate(106.905, 10.955)).toBe('26068');
    expect(units.locate(108.5, 10.0)).toBeNull();
    expect(await units.locateAsync(106.855, 10.955)).toBe('26041');
  });

  it('after an import, synchronous readers answer with the new units at once', async () => {
    expect(units.locate(106.955, 10.955)).toBeNull();
    const outcome = await importer.import(
      collection(feature('26050', 'Phường Tam Hiệp', square(106.95, 10.95, 0.01))),
    );
    expect(outcome).toMatchObject({ ok: true, counts: { inserted: 1 } });
    expect(units.parentOf('26050')).toBe('75');
    expect(units.locate(106.955, 10.955)).toBe('26050');
  });

  it('keeps the last tree for synchronous readers while an invalidated one reloads', async () => {
    units.invalidate();
    expect(units.parentOf('26050')).toBe('75');
    expect(units.locate(106.955, 10.955)).toBe('26050');
    expect(await units.exists('26050')).toBe(true);
  });

  it("simplifies a parent's children and answers a unit's geometry per band", async () => {
    const simplified = await units.simplifiedChildren('75');
    expect(simplified).not.toBeNull();
    expect(await units.simplifiedChildren('75')).toBe(simplified);
    expect(await units.simplifiedChildren('26041')).toBeNull();
    const g = await units.geometry('26041', 'high');
    expect(g).toMatchObject({ type: 'MultiPolygon' });
    expect(await units.geometry('75', 'mid')).toMatchObject({ type: 'MultiPolygon' });
    expect(await units.neighbours('26041')).toEqual([]);
  });
});
